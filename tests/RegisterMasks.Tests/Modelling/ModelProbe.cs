using System.Globalization;
using System.Text;

namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// C# compiled beside a <see cref="ModelCase"/>: lists the registers of every generated mask member
/// and set constant, one <c>name=indices</c> line each, through the generated <c>Registers()</c>,
/// which every width has. <see cref="Expected"/> is the same listing from the reference model.
/// </summary>
internal static class ModelProbe
{
    public static string For(ModelCase model)
    {
        var mask = model.Qualified(model.Mask);
        var lines = new StringBuilder();
        foreach (var (name, access) in Entries(model))
        {
            lines.Append($"        text.Append(\"{name}=\").Append(J({access.Replace("{mask}", mask)}.Registers())).Append('\\n');\n");
        }
        foreach (var set in model.Sets.Where(set => set.Ordered))
        {
            // A span or a read-only list, by target: both have ToArray().
            lines.Append($"        text.Append(\"{set.Name}_ORDER=\").Append(J({ModelSource.ContainerAccess(model, set.Container)}.{set.Name}_ORDER.ToArray())).Append('\\n');\n");
        }
        return $$"""
            {{(model.Namespace is null ? "" : $"using {model.Namespace};")}}
            using System.Linq;

            public static class ModelProbe
            {
                private static string J(System.Collections.Generic.IEnumerable<{{model.Qualified(model.EnumName)}}> registers) =>
                    string.Join(",", registers.Select(r => ((long)r).ToString(System.Globalization.CultureInfo.InvariantCulture)));

                public static string Dump()
                {
                    var text = new System.Text.StringBuilder();
            {{lines}}
                    text.Append("shown=").Append(string.Join(",", {{mask}}.All.Registers().Select(r => r.ToMask().ToStringFast()))).Append('\n');
                    return text.ToString();
                }
            }
            """;
    }

    public static string Expected(ModelCase model)
    {
        var text = new StringBuilder();
        foreach (var (name, _) in Entries(model))
        {
            var value = name switch
            {
                "None" => new SortedSet<int>(),
                "All" => model.All,
                _ when model.Sets.Any(set => set.Name == name) => model.Value(name),
                _ => new SortedSet<int> { model.Registers.First(member => member.Name == name).Index },
            };
            text.Append(name).Append('=').Append(string.Join(",", value.Select(index => index.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }
        foreach (var set in model.Sets.Where(set => set.Ordered))
        {
            text.Append(set.Name).Append("_ORDER=").Append(string.Join(",", model.Order(set).Select(index => index.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        }
        // Which name each bit shows: with [RegisterAlias], the register aliased, wherever the alias is declared.
        // A file of one register: its bit is All, and a mask equal to All shows as "All".
        text.Append("shown=").Append(model.All.Count == 1 ? "All" : string.Join(",", model.ShownNames)).Append('\n');
        return text.ToString();
    }

    private static IEnumerable<(string Name, string Access)> Entries(ModelCase model)
    {
        yield return ("None", "{mask}.None");
        yield return ("All", "{mask}.All");
        foreach (var member in model.Registers)
        {
            yield return (member.Name, "{mask}." + member.Written);
        }
        foreach (var set in model.Sets)
        {
            yield return (set.Name, ModelSource.ContainerAccess(model, set.Container) + "." + set.Name);
        }
    }
}
