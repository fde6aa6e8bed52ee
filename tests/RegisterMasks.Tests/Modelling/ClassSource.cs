using System.Globalization;
using System.Text;

namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// Writes a <see cref="ClassCase"/> as C#: the enum (in the user's source, or alone for a library of its own),
/// the holders with their <c>[RegisterClass]</c> attributes and sets, and the other sets on <c>Abi</c>.
/// </summary>
internal static class ClassSource
{
    /// <summary>The enum's declaration, with no attribute when it is foreign (<c>[NotARegister]</c> only on a local sentinel).</summary>
    public static string Enum(ClassCase model)
    {
        var text = new StringBuilder();
        text.Append($"namespace {model.EnumNamespace}\n{{\n    public enum {model.EnumName} : {model.Underlying}\n    {{\n");
        foreach (var member in model.Members)
        {
            text.Append(member.IsSentinel ? "        [global::RegisterMasking.NotARegister]\n" : "")
                .Append($"        {member.Written} = {member.Value.ToString(CultureInfo.InvariantCulture)},\n");
        }
        return text.Append("    }\n}\n").ToString();
    }

    /// <summary>The user's source: the enum unless foreign, then the holders and <c>Abi</c>.</summary>
    public static string User(ClassCase model)
    {
        var body = new StringBuilder();
        for (var holder = 0; holder < model.HolderIsStruct.Length; holder++)
        {
            foreach (var registerClass in model.OnHolder(holder))
            {
                body.Append(Attribute(model, registerClass)).Append('\n');
            }
            foreach (var set in model.Sets.Where(set => set.Placement == SetPlacement.OnHolder && model.Classes[set.Class].Holder == holder))
            {
                body.Append(Attribute(model, set)).Append('\n');
            }
            body.Append(model.HolderIsStruct[holder] ? "public partial struct " : "public static partial class ").Append(model.HolderName(holder)).Append("\n{\n}\n\n");
        }
        var elsewhere = model.Sets.Where(set => set.Placement != SetPlacement.OnHolder).ToList();
        if (elsewhere.Count > 0)
        {
            body.Append(string.Concat(elsewhere.Select(set => Attribute(model, set) + "\n"))).Append("public static partial class Abi\n{\n}\n");
        }
        var usings = "using RegisterMasking;\n" + (model.EnumNamespace == model.Namespace ? "" : $"using {model.EnumNamespace};\n");
        var enumText = model.Foreign ? "" : model.EnumNamespace == model.Namespace && model.FileScopedNamespace ? "" : Enum(model) + "\n";
        if (model.FileScopedNamespace)
        {
            // The enum in the file-scoped namespace itself.
            var own = model.Foreign ? "" : Enum(model).Replace($"namespace {model.EnumNamespace}\n{{\n", "").TrimEnd().TrimEnd('}') + "\n";
            return $"{usings}\nnamespace {model.Namespace};\n\n{Dedent(own)}\n{body}";
        }
        return $"{usings}\n{enumText}namespace {model.Namespace}\n{{\n{body}}}\n";
    }

    private static string Dedent(string text) =>
        string.Join("\n", text.Split('\n').Select(line => line.StartsWith("    ", StringComparison.Ordinal) ? line.Substring(4) : line));

    private static string Attribute(ClassCase model, ClassModel registerClass)
    {
        string Member(int position) => $"{model.EnumName}.{model.Members[position].Written}";
        var arguments = new List<string> { $"typeof({model.EnumName})", $"\"{registerClass.MaskName}\"" };
        switch (registerClass.Choice)
        {
            case ClassChoice.Range:
                arguments.Add($"From = {Member(registerClass.From)}");
                arguments.Add($"To = {Member(registerClass.To)}");
                break;
            case ClassChoice.Listed:
                arguments.Add($"Registers = new object[] {{ {string.Join(", ", registerClass.Listed.Select(Member))} }}");
                break;
        }
        if (registerClass.Excluded.Length > 0)
        {
            arguments.Add($"Exclude = new object[] {{ {string.Join(", ", registerClass.Excluded.Select(Member))} }}");
        }
        if (registerClass.WidthWritten is { } width)
        {
            arguments.Add($"Width = {width}");
        }
        return $"[RegisterClass({string.Join(", ", arguments)})]";
    }

    private static string Attribute(ClassCase model, ClassSetModel set)
    {
        var bits = model.Classes[set.Class].Bits;
        string Member(int bit) => $"{model.EnumName}.{model.Members[bits[bit]].Written}";
        var arguments = new List<string> { $"\"{set.Name}\"" };
        arguments.AddRange(set.Listed.Select(Member));
        if (set.Range is var (from, to))
        {
            arguments.Add($"From = {Member(from)}");
            arguments.Add($"To = {Member(to)}");
        }
        if (set.Includes.Length > 0)
        {
            arguments.Add($"Include = new[] {{ {string.Join(", ", set.Includes.Select(name => $"\"{name}\""))} }}");
        }
        if (set.Excluded.Length > 0)
        {
            arguments.Add($"Exclude = new object[] {{ {string.Join(", ", set.Excluded.Select(Member))} }}");
        }
        if (set.Placement == SetPlacement.NamesHolder)
        {
            arguments.Add($"RegisterFile = typeof({model.HolderName(model.Classes[set.Class].Holder)})");
        }
        if (set.Ordered)
        {
            arguments.Add("Ordered = true");
        }
        return $"[RegisterSet({string.Join(", ", arguments)})]";
    }

    /// <summary>Where code outside the namespace reaches a set's constant.</summary>
    public static string SetAccess(ClassCase model, ClassSetModel set) =>
        model.Qualified(set.Placement == SetPlacement.OnHolder ? model.HolderName(model.Classes[set.Class].Holder) : "Abi") + "." + set.Name;
}
