using System.Text;

namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// Writes a <see cref="ModelCase"/> as C# source files. Given a <see cref="Random"/>, writes the same
/// case in another layout: sets, containers and invariants reordered, containers split into partial
/// declarations over several files; the generated output must not change.
/// </summary>
internal static class ModelSource
{
    public static string[] Render(ModelCase model, Random? layout = null)
    {
        var fileCount = layout is null ? 1 : layout.Next(1, 4);
        var files = Enumerable.Range(0, fileCount).Select(_ => new StringBuilder()).ToArray();
        StringBuilder AnyFile() => files[layout?.Next(fileCount) ?? 0];

        files[0].Append(RegisterEnum(model, layout));
        var declarations = new List<(StringBuilder File, string Text)>();
        for (var container = 0; container < model.Containers.Length; container++)
        {
            var sets = model.Sets.Where(set => set.Container == container).ToList();
            if (layout is not null)
            {
                sets = sets.OrderBy(_ => layout.Next()).ToList();
            }
            // A container's sets may be spread over two partial declarations in different files.
            var split = layout is null || sets.Count < 2 ? sets.Count : layout.Next(sets.Count + 1);
            declarations.Add((AnyFile(), Container(model, container, sets.Take(split))));
            if (split < sets.Count)
            {
                declarations.Add((AnyFile(), Container(model, container, sets.Skip(split))));
            }
        }
        if (model.Invariants.Length > 0)
        {
            var invariants = layout is null ? model.Invariants : model.Invariants.OrderBy(_ => layout.Next()).ToArray();
            declarations.Add((AnyFile(), string.Concat(invariants.Select(Invariant)) + "public static class Invariants\n{\n}\n"));
        }
        foreach (var (file, text) in layout is null ? declarations : declarations.OrderBy(_ => layout.Next()).ToList())
        {
            file.Append(text);
        }
        return files.Select(file => Wrap(model, file.ToString())).ToArray();
    }

    /// <summary>How code outside the case's namespace reaches a container's constants.</summary>
    public static string ContainerAccess(ModelCase model, int container) => model.Containers[container] switch
    {
        ContainerKind.Nested => model.Qualified($"Outer{container}.C{container}"),
        ContainerKind.Generic => model.Qualified($"C{container}<int>"),
        _ => model.Qualified($"C{container}"),
    };

    private static string Wrap(ModelCase model, string body) => model.Namespace switch
    {
        null => "using RegisterMasking;\n\n" + body,
        var ns when model.FileScopedNamespace => $"using RegisterMasking;\n\nnamespace {ns};\n\n{body}",
        var ns => $"using RegisterMasking;\n\nnamespace {ns}\n{{\n{body}}}\n",
    };

    private static string RegisterEnum(ModelCase model, Random? layout)
    {
        var text = new StringBuilder();
        text.Append(model.MaskName is null ? $"[RegisterFile({model.Width})]\n" : $"[RegisterFile({model.Width}, MaskName = \"{model.MaskName}\")]\n");
        text.Append($"public enum {model.EnumName} : {model.Underlying}\n{{\n");
        // Aliases keep their order: Enum.ToString() (and so ToStringFast) depends on it.
        var members = layout is null || model.HasAliases ? model.Members : model.Members.OrderBy(_ => layout.Next()).ToArray();
        foreach (var member in members)
        {
            text.Append(member.IsSentinel ? "    [NotARegister]\n" : member.IsAlias ? "    [RegisterAlias]\n" : "")
                .Append($"    {member.Written} = {member.Index},\n");
        }
        return text.Append("}\n\n").ToString();
    }

    private static string Container(ModelCase model, int container, IEnumerable<ModelSet> sets)
    {
        var attributes = string.Concat(sets.Select(set => Attribute(model, set)));
        var name = $"C{container}";
        return model.Containers[container] switch
        {
            ContainerKind.StaticClass => $"{attributes}public static partial class {name}\n{{\n}}\n\n",
            ContainerKind.Struct => $"{attributes}internal partial struct {name}\n{{\n}}\n\n",
            ContainerKind.Record => $"{attributes}public partial record {name}\n{{\n}}\n\n",
            ContainerKind.Nested => $"public static partial class Outer{container}\n{{\n{attributes}    internal static partial class {name}\n    {{\n    }}\n}}\n\n",
            _ => $"{attributes}public partial class {name}<T> where T : struct\n{{\n}}\n\n",
        };
    }

    private static string Attribute(ModelCase model, ModelSet set)
    {
        string Register(int position) => $"{model.EnumName}.{model.Members[position].Written}";
        var arguments = new List<string> { Quoted(set.Name) };
        arguments.AddRange(set.Listed.Select(Register));
        if (set.Range is var (from, to))
        {
            arguments.Add($"From = {Register(from)}");
            arguments.Add($"To = {Register(to)}");
        }
        if (set.Includes.Length > 0)
        {
            arguments.Add($"Include = new[] {{ {string.Join(", ", set.Includes.Select(Quoted))} }}");
        }
        if (set.Excluded.Length > 0)
        {
            arguments.Add($"Exclude = new object[] {{ {string.Join(", ", set.Excluded.Select(Register))} }}");
        }
        if (set.NamesFile)
        {
            arguments.Add($"RegisterFile = typeof({model.EnumName})");
        }
        if (set.Summary is not null)
        {
            arguments.Add($"Summary = {Quoted(set.Summary)}");
        }
        if (set.Ordered)
        {
            arguments.Add("Ordered = true");
        }
        return $"[RegisterSet({string.Join(", ", arguments)})]\n";
    }

    private static string Invariant(ModelInvariant invariant) =>
        $"[{(invariant.IsDisjoint ? "RegisterSetsDisjoint" : "RegisterSetSubset")}({string.Join(", ", invariant.Sets.Select(Quoted))})]\n";

    /// <summary>A C# string literal of the text, new lines included.</summary>
    public static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
