using System.Text.RegularExpressions;

namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// One mistake a user can make, put into the source of a valid <see cref="ModelCase"/>. The line
/// holding the mistake is marked <c>/*defect*/</c>: the generator must report one of
/// <see cref="Ids"/> on that very line. <see cref="Apply"/> returns null when the case has nothing
/// to hang the mistake on (no sentinel, no two overlapping sets...).
/// </summary>
internal sealed record Defect(string Name, string[] Ids, Func<ModelCase, Random, string, string?> Apply)
{
    public const string Marker = "/*defect*/";

    public override string ToString() => Name;

    private static readonly string[] UnsupportedWidths = { "0", "-1", "1", "7", "12", "65", "100", "200", "1025", "int.MaxValue", "int.MinValue" };
    private static readonly string[] InvalidNames = { "", " ", "not valid", "1abc", "@@class", "a-b", "All\n" };

    public static readonly Defect[] All =
    {
        new("register past the width", new[] { "RM0001" }, (model, random, source) =>
            AddMember(model, source, $"TOO_HIGH {Marker} = {model.Width + random.Next(4)}")),
        new("negative register", new[] { "RM0002" }, (model, random, source) =>
            AddMember(model, source, $"NEGATIVE {Marker} = {-1 - random.Next(1000)}")),
        new("unsupported width", new[] { "RM0003" }, (model, random, source) =>
            source.Replace($"[RegisterFile({model.Width}", $"[RegisterFile({UnsupportedWidths[random.Next(UnsupportedWidths.Length)]} {Marker}")),
        new("sentinel in a set", new[] { "RM0005" }, (model, random, source) =>
        {
            var sentinel = model.Members.FirstOrDefault(member => member.IsSentinel)?.Written ?? "LIMIT";
            if (sentinel == "LIMIT")
            {
                source = AddMember(model, source, $"[NotARegister] LIMIT = {model.Width}");
            }
            return AddSet(model, source, $"\"WITH_SENTINEL\", {Register(model, random)}, {model.EnumName}.{sentinel} {Marker}");
        }),
        new("number in a set", new[] { "RM0005" }, (model, random, source) =>
            AddSet(model, source, $"\"WITH_NUMBER\", {Register(model, random)}, {random.Next(64)} {Marker}")),
        new("undefined enum value in a set", new[] { "RM0005" }, (model, random, source) =>
            Enumerable.Range(0, 128).Where(value => model.Members.All(member => member.Index != value)).Select(value => (int?)value).FirstOrDefault() is { } undefined
                ? AddSet(model, source, $"\"WITH_UNDEFINED\", ({model.EnumName}){undefined} {Marker}")
                : null),
        new("range that runs backwards", new[] { "RM0005" }, (model, random, source) =>
        {
            var registers = model.Registers.GroupBy(member => member.Index).Select(group => group.First()).OrderBy(member => member.Index).ToList();
            return registers.Count < 2
                ? null
                : AddSet(model, source, $"\"BACKWARDS\", From = {model.EnumName}.{registers[^1].Written} {Marker}, To = {model.EnumName}.{registers[0].Written}");
        }),
        new("register of an enum that is not a register file", new[] { "RM0005", "RM0006" }, (model, random, source) =>
            AddSet(model, source, $"\"FOREIGN\", {Register(model, random)}, NotRegisters.Other {Marker}") + "\npublic enum NotRegisters { Other }\n"),
        // However the set's file is decided: by a register, by RegisterFile, or by its includes alone (a set renamed away).
        new("include of a set that does not exist", new[] { "RM0007" }, (model, random, source) =>
            AddSet(model, source, "\"INCLUDES_MISSING\", " + (random.Next(3) switch
            {
                0 => $"{Register(model, random)}, ",
                1 => $"RegisterFile = typeof({model.EnumName}), ",
                _ => "",
            }) + $"Include = new[] {{ \"NO_SUCH_SET\" {Marker} }}")),
        // With RegisterFile, or with nothing but each other to take a file from.
        new("include cycle", new[] { "RM0008" }, (model, random, source) =>
        {
            var file = random.Next(2) == 0 ? $", RegisterFile = typeof({model.EnumName})" : "";
            return AddSet(model, AddSet(model, source, $"\"CYCLE_B\", Include = new[] {{ \"CYCLE_A\" }}{file}"),
                $"\"CYCLE_A\", Include = new[] {{ \"CYCLE_B\" {Marker} }}{file}");
        }),
        new("set name used twice", new[] { "RM0009" }, (model, random, source) =>
            model.Sets.Length == 0 ? null : AddSet(model, source, $"\"{model.Sets[random.Next(model.Sets.Length)].Name}\" {Marker}, {Register(model, random)}")),
        new("set name that is not an identifier", new[] { "RM0010" }, (model, random, source) =>
            AddSet(model, source, $"{ModelSource.Quoted(InvalidNames[random.Next(InvalidNames.Length)])} {Marker}, {Register(model, random)}")),
        new("mask name that is not an identifier or is taken", new[] { "RM0010" }, (model, random, source) =>
        {
            var name = random.Next(3) switch { 0 => model.EnumName, 1 => "Invalid Name", _ => "class" };
            var header = Regex.Match(source, @"\[RegisterFile\((\d+)(, MaskName = ""[^""]*"")?\)\]");
            return source.Remove(header.Index, header.Length).Insert(header.Index, $"[RegisterFile({model.Width}, MaskName = \"{name}\" {Marker})]");
        }),
        new("sets on a type that is not partial", new[] { "RM0011" }, (model, random, source) =>
        {
            if (model.Sets.Length == 0)
            {
                return null;
            }
            var container = model.Sets[random.Next(model.Sets.Length)].Container;
            var name = model.Containers[container] == ContainerKind.Nested ? $"Outer{container}" : $"C{container}";
            var declaration = new Regex($@"partial (class|struct|record) {name}\b(.*)");
            return declaration.Replace(source, match => $"{match.Groups[1].Value} {name}{match.Groups[2].Value} {Marker}", 1);
        }),
        new("disjoint sets that overlap", new[] { "RM0014" }, (model, random, source) =>
        {
            var pair = Pairs(model).Where(pair => model.Value(pair.A).Overlaps(model.Value(pair.B))).OrderBy(_ => random.Next()).FirstOrDefault();
            return pair.A is null ? null : source + $"\n[RegisterSetsDisjoint(\"{pair.A}\", \"{pair.B}\")] {Marker}\npublic static class DisjointCheck {{ }}\n";
        }),
        new("subset that is not one", new[] { "RM0015" }, (model, random, source) =>
        {
            var pair = Pairs(model).Concat(Pairs(model).Select(pair => (A: pair.B, B: pair.A)))
                .Where(pair => !model.Value(pair.A).IsSubsetOf(model.Value(pair.B))).OrderBy(_ => random.Next()).FirstOrDefault();
            return pair.A is null ? null : source + $"\n[RegisterSetSubset(\"{pair.A}\", \"{pair.B}\")] {Marker}\npublic static class SubsetCheck {{ }}\n";
        }),
        new("partition that is not one", new[] { "RM0017" }, (model, random, source) =>
        {
            // Two sets partition All only when disjoint and together every register: rare, and then skipped.
            var pair = Pairs(model).OrderBy(_ => random.Next()).FirstOrDefault();
            return pair.A is null || (!model.Value(pair.A).Overlaps(model.Value(pair.B)) && model.Value(pair.A).Union(model.Value(pair.B)).ToHashSet().SetEquals(model.Value("All")))
                ? null
                : source + $"\n[RegisterSetsPartition(\"All\", \"{pair.A}\", \"{pair.B}\")] {Marker}\npublic static class PartitionCheck {{ }}\n";
        }),
        new("register alias that aliases nothing", new[] { "RM0020" }, (model, random, source) =>
            Enumerable.Range(0, model.Width).Where(index => model.Members.All(member => member.Index != index)).Select(index => (int?)index).FirstOrDefault() is { } free
                ? AddMember(model, source, $"[RegisterAlias] ALIAS_OF_NOTHING {Marker} = {free}")
                : null),
        new("cache with values and no LoadRegister", new[] { "RM0018" }, (model, random, source) =>
            source + $"\n[RegisterCache(typeof({model.Qualified(model.EnumName)}), ValueType = typeof(ulong) {Marker})]\npublic sealed partial class ValuesNeverLoaded\n{{\n}}\n"),
        new("cache whose values cannot be held", new[] { "RM0019" }, (model, random, source) =>
            source + (random.Next(2) == 0
                ? $"\n[RegisterCache(typeof({model.Qualified(model.EnumName)}), ValueType = typeof(System.Span<int>) {Marker})]\npublic sealed partial class SpanCache\n{{\n}}\n"
                : $"\n[RegisterCache(typeof({model.Qualified(model.EnumName)}), ValueType = typeof(ulong) {Marker})]\npublic partial struct StructCache\n{{\n}}\n")),

        // Register classes, each over an enum of its own appended to the case (any underlying type, values consecutive or scattered).
        new("two registers of a class sharing a value", new[] { "RM0030" }, (model, random, source) =>
        {
            var (declaration, members) = ClassEnum(random, random.Next(3, 10));
            var twin = members[random.Next(members.Count)];
            declaration = declaration.Replace(" }\n", $", Twin = {twin.Value} }}\n");
            var first = members.IndexOf(twin);
            var choice = random.Next(3) switch
            {
                0 => "",
                1 => $", Registers = new object[] {{ ClassRegs.{twin.Name}, ClassRegs.Twin }}",
                _ => $", From = ClassRegs.{members[first].Name}, To = ClassRegs.Twin",
            };
            return AddClasses(source, declaration, $"[RegisterClass(typeof(ClassRegs), \"SharedMask\"{choice})] {Marker}");
        }),
        new("class range whose From is declared after its To", new[] { "RM0031" }, (model, random, source) =>
        {
            var (declaration, members) = ClassEnum(random, random.Next(2, 10));
            int a = random.Next(members.Count - 1), b = random.Next(a + 1, members.Count);
            return AddClasses(source, declaration, $"[RegisterClass(typeof(ClassRegs), \"BackMask\", From = ClassRegs.{members[b].Name} {Marker}, To = ClassRegs.{members[a].Name})]");
        }),
        new("class naming a member of another enum", new[] { "RM0031" }, (model, random, source) =>
        {
            var (declaration, members) = ClassEnum(random, random.Next(2, 10));
            var other = model.Registers.First();
            var foreign = random.Next(2) == 0 ? $"{model.Qualified(model.EnumName)}.{other.Written}" : "System.DayOfWeek.Friday";
            var arguments = random.Next(3) switch
            {
                0 => $"Registers = new object[] {{ ClassRegs.{members[0].Name}, {foreign} {Marker} }}",
                1 => $"From = {foreign} {Marker}, To = ClassRegs.{members[^1].Name}",
                _ => $"Exclude = new object[] {{ {foreign} {Marker} }}",
            };
            return AddClasses(source, declaration, $"[RegisterClass(typeof(ClassRegs), \"MixedMask\", {arguments})]");
        }),
        new("class excluding a member it does not hold", new[] { "RM0031" }, (model, random, source) =>
        {
            var (declaration, members) = ClassEnum(random, random.Next(3, 10));
            var to = random.Next(1, members.Count - 1);
            var outside = members[random.Next(to + 1, members.Count)].Name;
            return AddClasses(source, declaration,
                $"[RegisterClass(typeof(ClassRegs), \"ExclMask\", From = ClassRegs.{members[0].Name}, To = ClassRegs.{members[to].Name}, Exclude = new object[] {{ ClassRegs.{outside} {Marker} }})]");
        }),
        new("class with more registers than its Width", new[] { "RM0032" }, (model, random, source) =>
        {
            var width = new[] { 8, 16, 32, 64 }[random.Next(4)];
            var (declaration, members) = ClassEnum(random, width + 1 + random.Next(8));
            var choice = random.Next(2) == 0 ? "" : $"From = ClassRegs.{members[0].Name}, To = ClassRegs.{members[^1].Name}, ";
            return AddClasses(source, declaration, $"[RegisterClass(typeof(ClassRegs), \"NarrowMask\", {choice}Width = {width} {Marker})]");
        }),
        // Two classes splitting one enum; a set names a register of each, or names its holder and a register of the other.
        new("set naming registers no class holds together", new[] { "RM0005", "RM0006" }, (model, random, source) =>
        {
            var (declaration, members) = ClassEnum(random, random.Next(4, 12));
            var split = random.Next(1, members.Count - 1);
            var classes = $"[RegisterClass(typeof(ClassRegs), \"LowMask\", From = ClassRegs.{members[0].Name}, To = ClassRegs.{members[split - 1].Name})]\n" +
                $"public static partial class LowClass {{ }}\n" +
                $"[RegisterClass(typeof(ClassRegs), \"HighMask\", From = ClassRegs.{members[split].Name}, To = ClassRegs.{members[^1].Name})]";
            var low = members[random.Next(split)].Name;
            var high = members[random.Next(split, members.Count)].Name;
            var set = random.Next(2) == 0
                ? $"[RegisterSet(\"SPLIT\", ClassRegs.{low}, ClassRegs.{high})] {Marker}"
                : $"[RegisterSet(\"OUTSIDE\", ClassRegs.{high} {Marker}, RegisterFile = typeof(LowClass))]";
            return AddClasses(source, declaration, classes, set);
        }),
        new("set whose registers two classes hold", new[] { "RM0006" }, (model, random, source) =>
        {
            var (declaration, members) = ClassEnum(random, random.Next(3, 12));
            var last = random.Next(1, members.Count - 1);
            var first = random.Next(1, last + 1);
            var shared = members[random.Next(first, last + 1)].Name;
            var classes = $"[RegisterClass(typeof(ClassRegs), \"LowMask\", From = ClassRegs.{members[0].Name}, To = ClassRegs.{members[last].Name})]\n" +
                $"[RegisterClass(typeof(ClassRegs), \"HighMask\", From = ClassRegs.{members[first].Name}, To = ClassRegs.{members[^1].Name})]";
            // On the holder of both, or elsewhere: either way both hold every register it names.
            return random.Next(2) == 0
                ? AddClasses(source, declaration, classes + $"\n[RegisterSet(\"BOTH\", ClassRegs.{shared})] {Marker}")
                : AddClasses(source, declaration, classes, $"[RegisterSet(\"BOTH\", ClassRegs.{shared})] {Marker}");
        }),
    };

    /// <summary>
    /// An enum for register classes (no attribute): distinct values, consecutive from a random start or scattered,
    /// of a random underlying type. Written on one line, so that whichever argument a diagnostic takes stays on the marked line.
    /// </summary>
    private static (string Declaration, List<(string Name, long Value)> Members) ClassEnum(Random random, int count)
    {
        var (type, min, max) = new (string, long, long)[] { ("sbyte", -100, 100), ("byte", 0, 200), ("short", -3000, 3000), ("int", -100000, 100000), ("uint", 0, 100000), ("long", -5000000000, 5000000000), ("ulong", 0, 5000000000) }[random.Next(7)];
        var values = new List<long>();
        if (random.Next(2) == 0)
        {
            var start = min + random.Next((int)Math.Min(100, max - min - count));
            values.AddRange(Enumerable.Range(0, count).Select(i => start + i));
        }
        else
        {
            while (values.Count < count)
            {
                var value = min + (long)(random.NextDouble() * (max - min));
                if (!values.Contains(value))
                {
                    values.Add(value);
                }
            }
        }
        var members = values.Select((value, i) => ($"Q{i}", value)).ToList();
        return ($"public enum ClassRegs : {type} {{ {string.Join(", ", members.Select(member => $"{member.Item1} = {member.value}"))} }}\n", members);
    }

    /// <summary>The enum, a holder bearing the class attributes, and a holder of further sets when given, after the case.</summary>
    private static string AddClasses(string source, string enumDeclaration, string holderAttributes, string? setElsewhere = null) =>
        source + "\n" + enumDeclaration + holderAttributes + "\npublic static partial class ClassHolder { }\n" +
        (setElsewhere is null ? "" : setElsewhere + "\npublic static partial class ClassSets { }\n");

    private static string Register(ModelCase model, Random random)
    {
        var registers = model.Registers.ToList();
        return $"{model.EnumName}.{registers[random.Next(registers.Count)].Written}";
    }

    /// <summary>A new member at the top of the enum, which becomes <c>long</c> so that any value fits.</summary>
    private static string AddMember(ModelCase model, string source, string member)
    {
        var header = $"public enum {model.EnumName} : {model.Underlying}\n{{\n";
        return source.Replace(header, $"public enum {model.EnumName} : long\n{{\n    {member},\n");
    }

    /// <summary>A new <c>[RegisterSet]</c> on the type bearing the first set, or on a new partial class after the enum.</summary>
    private static string AddSet(ModelCase model, string source, string arguments)
    {
        var attribute = $"[RegisterSet({arguments})]\n";
        var first = source.IndexOf("[RegisterSet(", StringComparison.Ordinal);
        if (first >= 0)
        {
            return source.Insert(first, attribute);
        }
        var afterEnum = source.IndexOf("}\n", source.IndexOf($"public enum {model.EnumName}", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        return source.Insert(afterEnum, $"\n{attribute}public static partial class Added\n{{\n}}\n");
    }

    private static IEnumerable<(string A, string B)> Pairs(ModelCase model) =>
        ModelCase.Pairs(model.Sets.Select(set => set.Name).ToList());

    /// <summary>The zero-based line of the marker in the source.</summary>
    public static int MarkedLine(string source) =>
        source.Substring(0, source.IndexOf(Marker, StringComparison.Ordinal)).Count(character => character == '\n');
}
