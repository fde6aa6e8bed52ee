using System.Globalization;
using Microsoft.CodeAnalysis;
using RegisterMasks.Generator;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Shared;
using RegisterMasks.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Every message shape, as the analyzer reports it: one case per descriptor, snapshotted as
/// (ID, severity, span, the text under it, message). A changed message is one reviewed snapshot
/// diff; a descriptor no case reaches fails <see cref="Every_descriptor_has_a_case"/>.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class DiagnosticSnapshotTests
{
    private const string Header = "using RegisterMasking;\nnamespace D;\n";

    /// <summary>Case name, and the source that shows its message shape.</summary>
    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["IndexDoesNotFit"] = "[RegisterFile(8)] public enum R { A, FAR = 8 }",
        ["NegativeIndex"] = "[RegisterFile(8)] public enum R { BELOW = -1, A }",
        ["UnsupportedWidth"] = "[RegisterFile(12)] public enum R { A }",
        ["SharedIndex"] = "[RegisterFile(8)] public enum R { A, B, B2 = 1 }",
        ["ValueNotARegister"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, 3)] public static partial class C { }",
        ["MemberOfAnotherEnum"] = "[RegisterFile(8)] public enum R { A }\npublic enum O { X }\n[RegisterSet(\"S\", R.A, O.X)] public static partial class C { }",
        ["SentinelInSet"] = "[RegisterFile(8)] public enum R { A, [NotARegister] COUNT }\n[RegisterSet(\"S\", R.A, R.COUNT)] public static partial class C { }",
        ["UndefinedValueInSet"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, (R)5)] public static partial class C { }",
        ["HalfOpenRange"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", R.A, To = R.B)] public static partial class C { }",
        ["BackwardRange"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", From = R.B, To = R.A)] public static partial class C { }",
        ["ValueNotARegisterOfAnyFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", 3)] public static partial class C { }",
        ["RegisterFileArgumentNotAFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", RegisterFile = typeof(string))] public static partial class C { }",
        ["EnumWithoutRegisterFile"] = "public enum P { X }\n[RegisterSet(\"S\", P.X)] public static partial class C { }",
        ["SetFileUndetermined"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\")] public static partial class C { }",
        ["IncludesNameNoSingleFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"RS\", R.A)][RegisterSet(\"QS\", Q.X)][RegisterSet(\"S\", Include = new[] { \"RS\", \"QS\" })] public static partial class C { }",
        ["IncludesNameSetsOfSeveralFiles"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"BOTH\", R.A)] public static partial class C1 { }\n[RegisterSet(\"BOTH\", Q.X)] public static partial class C2 { }\n[RegisterSet(\"S\", Include = new[] { \"BOTH\" })] public static partial class C { }",
        ["FileOfAnotherAssembly"] = "[RegisterSet(\"S\", Lib.LibReg.A)] public static partial class C { }",
        ["SetMixesFiles"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n[RegisterSet(\"S\", R.A, Q.X)] public static partial class C { }",
        ["CacheFileNotAFile"] = "public enum P { X }\n[RegisterCache(typeof(P))] public sealed partial class Cache { }",
        ["InvariantFileUndetermined"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSetsDisjoint(\"All\", \"All\")] public static class I { }",
        ["InvariantMixesFiles"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"RS\", R.A)][RegisterSet(\"QS\", Q.X)] public static partial class C { }\n[RegisterSetsDisjoint(\"RS\", \"QS\")] public static class I { }",
        ["InvariantFileAmbiguous"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"S\", R.A)] public static partial class C1 { }\n[RegisterSet(\"S\", Q.X)] public static partial class C2 { }\n[RegisterSetSubset(\"S\", \"All\")] public static class I { }",
        ["UnknownInclude"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Include = new[] { \"NOPE\" })] public static partial class C { }",
        ["UnknownIncludeOtherCase"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"BASE\", R.A)]\n[RegisterSet(\"S\", R.A, Include = new[] { \"base\" })] public static partial class C { }",
        ["IncludeOfAnotherFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"QS\", Q.X)][RegisterSet(\"S\", R.A, Include = new[] { \"QS\" })] public static partial class C { }",
        ["UnknownIncludeOfAnyFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"GPR\", R.A)][RegisterSet(\"S\", Include = new[] { \"GPRS\" })] public static partial class C { }",
        ["UnknownIncludeOfAnyFileOtherCase"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"GPR\", R.A)][RegisterSet(\"S\", Include = new[] { \"gpr\" })] public static partial class C { }",
        ["IncludeNotAName"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Include = new string[] { null! })] public static partial class C { }",
        ["InvariantNamesNoSet"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static partial class C { }\n[RegisterSetSubset(\"S\", \"NOPE\")] public static class I { }",
        ["IncludeCycle"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"PING\", R.A, Include = new[] { \"PONG\" })]\n[RegisterSet(\"PONG\", R.B, Include = new[] { \"PING\" })] public static partial class C { }",
        ["DuplicateSetName"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", R.A)] public static partial class C1 { }\n[RegisterSet(\"S\", R.B)] public static partial class C2 { }",
        ["MaskNameNotAnIdentifier"] = "[RegisterFile(8, MaskName = \"not valid\")] public enum R { A }",
        ["MaskNameTakenByType"] = "[RegisterFile(8)] public enum R { A }\npublic class RMask { }",
        ["ExtensionsNameTaken"] = "[RegisterFile(8)] public enum R { A }\npublic class RMaskExtensions { }",
        ["MaskNameTakenByFile"] = "[RegisterFile(8, MaskName = \"Shared\")] public enum R { A }\n[RegisterFile(8, MaskName = \"Shared\")] public enum Q { X }",
        ["RegisterNameReserved"] = "[RegisterFile(8)] public enum R { A, None }",
        ["RegisterNamedAsMask"] = "[RegisterFile(8)] public enum R { A, RMask }",
        ["SetWithoutName"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(null!, R.A)] public static partial class C { }",
        ["SetNameNotAnIdentifier"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"not valid\", R.A)] public static partial class C { }",
        ["SetNameReserved"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"All\", R.A)] public static partial class C { }",
        ["SetNamedAsItsType"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"C\", R.A)] public static partial class C { }",
        ["SetNameTakenByMember"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static partial class C { public const int S = 1; }",
        ["SetNameOnTwoFiles"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n[RegisterSet(\"S\", R.A)]\n[RegisterSet(\"S\", Q.X)] public static partial class C { }",
        ["NotPartial"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static class C { }",
        ["ContainerNotPartial"] = "[RegisterFile(8)] public enum R { A }\npublic static class Outer { [RegisterSet(\"S\", R.A)] public static partial class C { } }",
        ["ReadOnlyCache"] = "[RegisterFile(8)] public enum R { A }\n[RegisterCache(typeof(R))] public readonly partial struct Cache { }",
        ["ListedTwice"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, R.A)] public static partial class C { }",
        ["ExcludedButAbsent"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", R.A, Exclude = new object[] { R.B })] public static partial class C { }",
        ["EmptySet"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", RegisterFile = typeof(R))] public static partial class C { }",
        ["SetsOverlap"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"X\", R.A, R.B)][RegisterSet(\"Y\", R.B)] public static partial class C { }\n[RegisterSetsDisjoint(\"X\", \"Y\")] public static class I { }",
        ["NotASubset"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"X\", R.A, R.B)][RegisterSet(\"Y\", R.B)] public static partial class C { }\n[RegisterSetSubset(\"X\", \"Y\")] public static class I { }",
        ["PartitionMisses"] = "[RegisterFile(8)] public enum R { A, B, C }\n[RegisterSet(\"X\", R.A, R.B, R.C)][RegisterSet(\"P1\", R.A)][RegisterSet(\"P2\", R.B)] public static partial class C { }\n" +
            "[RegisterSetsPartition(\"X\", \"P1\", \"P2\")] public static class I { }",
        ["PartitionOverlaps"] = "[RegisterFile(8)] public enum R { A, B, C }\n[RegisterSet(\"P1\", R.A, R.B)][RegisterSet(\"P2\", R.B, R.C)] public static partial class C { }\n" +
            "[RegisterSetsPartition(\"All\", new[] { \"P1\", \"P2\" })] public static class I { }",
        ["PartitionExceeds"] = "[RegisterFile(8)] public enum R { A, B, C }\n[RegisterSet(\"X\", R.A, R.B)][RegisterSet(\"P1\", R.A)][RegisterSet(\"P2\", R.B, R.C)] public static partial class C { }\n" +
            "[RegisterSetsPartition(\"X\", \"P1\", \"P2\")] public static class I { }",
        ["EnumNotAccessible"] = "public static partial class Outer { [RegisterFile(8)] private enum R { A } }",
        ["EnumInInaccessibleType"] = "public static partial class Outer { private static class Inner { [RegisterFile(8)] public enum R { A } } }",
        ["EnumInGenericType"] = "public static partial class Outer<T> { [RegisterFile(8)] public enum R { A } }",
        ["OrderNameTakenByMember"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Ordered = true)] public static partial class C { public const int S_ORDER = 1; }",
        ["OrderNameTakenBySet"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Ordered = true)][RegisterSet(\"S_ORDER\", R.A)] public static partial class C { }",
        ["JsonConverterNameTaken"] = "[RegisterFile(8)] public enum R { A }\npublic sealed class RMaskJsonConverter { }",
        ["OpsNameTaken"] = "[RegisterFile(8)] public enum R { A }\npublic struct RMaskOps { }",
        ["ComplementOutsideAll"] = "[RegisterFile(8)] public enum R { A }\npublic static class U { public static RMask F(RMask m) => ~m; }",
        ["HasFlagOnMask"] = "[RegisterFile(8)] public enum R { A }\npublic static class U { public static bool F(RMask m) => m.HasFlag(RMask.A); }",
        ["EnumToStringOnMask"] = "[RegisterFile(8)] public enum R { A }\npublic static class U { public static string F(RMask m) => m.ToString(); }",
        ["EnumTryParseOfMask"] = "[RegisterFile(8)] public enum R { A }\npublic static class U { public static bool F(string s, out RMask m) => System.Enum.TryParse(s, out m); }",
        ["HandWrittenBit"] = "[RegisterFile(8)] public enum R { A }\npublic static class U { public static RMask F(R r) => (RMask)(1 << (int)r); }",
        ["NumberIsDeclaredSet"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"AB\", R.A, R.B)] public static partial class S { }\npublic static class U { public static RMask F() => (RMask)3; }",
        ["AliasOfNothing"] = "[RegisterFile(8)] public enum R { A, [RegisterAlias] B }",
        ["CacheLoadRegisterMissing"] = "[RegisterFile(8)] public enum R { A }\n[RegisterCache(typeof(R), ValueType = typeof(ulong))] public sealed partial class Cache { }",
        ["CacheValueTypeUnusable"] = "[RegisterFile(8)] public enum R { A }\n[RegisterCache(typeof(R), ValueType = typeof(System.Span<byte>))] public sealed partial class Cache { }",
        ["CachePartialMethodDeclared"] = "[RegisterFile(8)] public enum R { A }\n[RegisterCache(typeof(R), ValueType = typeof(ulong))] public sealed partial class Cache { partial void StoreRegister(R register, ulong value); }",
        ["CacheValuesInStruct"] = "[RegisterFile(8)] public enum R { A }\n[RegisterCache(typeof(R), ValueType = typeof(ulong))] public partial struct Cache { }",
        ["SetAccessibilityUnknown"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Accessibility = \"friend\")] public static partial class C { }",
        ["SwitchMissesRegisters"] = "[RegisterFile(8)] public enum R { A, B, C }\n[RegisterSet(\"S\", R.A, R.B, R.C)] public static partial class C { }\n" +
            "public static class U { [CoversRegisterSet(\"S\")] public static int F(R r) => r switch { R.B => 1, _ => 0 }; }",
        ["CoveredSetUnknown"] = "[RegisterFile(8)] public enum R { A }\npublic static class U { [CoversRegisterSet(\"NOPE\")] public static int F(R r) => 0; }",
        ["CoveredSetNotOfFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n[RegisterSet(\"S\", Q.X)] public static partial class C { }\n" +
            "public static class U { [CoversRegisterSet(\"S\", RegisterFile = typeof(R))] public static int F(R r) => 0; }",
        ["CoveredSetAmbiguous"] = "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n[RegisterSet(\"S\", R.A)] public static partial class C1 { }\n" +
            "[RegisterSet(\"S\", Q.X)] public static partial class C2 { }\npublic static class U { [CoversRegisterSet(\"S\")] public static int F(R r) => 0; }",
        ["CoveredFileNotAFile"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static partial class C { }\n" +
            "public static class U { [CoversRegisterSet(\"S\", RegisterFile = typeof(string))] public static int F(R r) => 0; }",
        ["SetAccessibilityProtected"] = "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Accessibility = \"protected\")] public static partial class C { }",
        ["NotInClass"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", From = R.A, To = R.A)] public static partial class H { }\n[RegisterSet(\"S\", R.B, RegisterFile = typeof(H))] public static partial class C { }",
        ["BackwardClassRange"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\")] public static partial class H { }\n[RegisterSet(\"S\", From = R.B, To = R.A)] public static partial class C { }",
        ["SetClassAmbiguous"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M1\")][RegisterClass(typeof(R), \"M2\")] public static partial class H { }\n[RegisterSet(\"S\", R.A)] public static partial class C { }",
        ["SetFileOrClassAmbiguous"] = "[RegisterFile(8)] public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", From = R.B, To = R.B)] public static partial class H { }\n[RegisterSet(\"S\", R.B)] public static partial class C { }",
        ["SetInNoClass"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M1\", From = R.A, To = R.A)][RegisterClass(typeof(R), \"M2\", From = R.B, To = R.B)] public static partial class H { }\n[RegisterSet(\"S\", R.A, R.B)] public static partial class C { }",
        ["HolderWithSeveralClasses"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M1\")][RegisterClass(typeof(R), \"M2\")] public static partial class H { }\n[RegisterCache(typeof(H))] public sealed partial class Cache { }",
        ["ClassValueShared"] = "public enum R { A, B, C = 1 }\n[RegisterClass(typeof(R), \"M\", Registers = new object[] { R.A, R.B, R.C })] public static partial class H { }",
        ["ClassRangeBackwards"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", From = R.B, To = R.A)] public static partial class H { }",
        ["ClassHalfOpenRange"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", From = R.B)] public static partial class H { }",
        ["ClassRangeAndList"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", From = R.A, To = R.B, Registers = new object[] { R.A })] public static partial class H { }",
        ["ClassMemberOfAnotherEnum"] = "public enum R { A, B }\npublic enum Q { X }\n[RegisterClass(typeof(R), \"M\", Registers = new object[] { R.A, Q.X })] public static partial class H { }",
        ["ClassValueNotAMember"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", Registers = new object[] { R.A, (R)7 })] public static partial class H { }",
        ["ClassExcludedAbsent"] = "public enum R { A, B, C }\n[RegisterClass(typeof(R), \"M\", From = R.A, To = R.B, Exclude = new object[] { R.C })] public static partial class H { }",
        ["ClassListedTwice"] = "public enum R { A, B }\n[RegisterClass(typeof(R), \"M\", Registers = new object[] { R.A, R.A })] public static partial class H { }",
        ["ClassEnumNotAnEnum"] = "[RegisterClass(typeof(int), \"M\")] public static partial class H { }",
        ["ClassDoesNotFit"] = "public enum R { A, B, C, D, E, F, G, H, I }\n[RegisterClass(typeof(R), \"M\", Width = 8)] public static partial class Holder { }",
        ["ClassTooLarge"] = "public enum R { " + string.Join(", ", Enumerable.Range(0, 1025).Select(i => "R" + i)) + " }\n[RegisterClass(typeof(R), \"M\")] public static partial class H { }",
    };

    /// <summary>A register file compiled into another assembly, which the cases reference.</summary>
    private static readonly Lazy<MetadataReference> s_library = new(() =>
    {
        var library = GeneratorHarness.Run("namespace Lib { [RegisterMasking.RegisterFile(8)] public enum LibReg { A } }");
        using var stream = new MemoryStream();
        Assert.True(library.Output.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    });

    public static IEnumerable<object[]> CaseNames() => Cases.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Message_shape(string name)
    {
        var references = Basic.Reference.Assemblies.Net80.References.All.Append(s_library.Value);
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compilation(new[] { Header + Cases[name] }, references: references));
        var diagnostics = run.RegisterMaskDiagnostics().Concat(AnalyzerHarness.AnalyzeUsage(run.Output)).ToList();
        Assert.Contains(diagnostics, diagnostic => DescriptorName(diagnostic.Descriptor) == name);
        Snapshot.Match(string.Join("\n", diagnostics.Select(diagnostic => Describe(run, diagnostic))), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public void Every_descriptor_has_a_case()
    {
        var names = DiagnosticDescriptors.All.Concat(DiagnosticDescriptors.Usage).Concat(DiagnosticDescriptors.Coverage).Select(DescriptorName).ToList();
        var declared = typeof(DiagnosticDescriptors).GetFields().Where(field => field.FieldType == typeof(DiagnosticDescriptor)).Select(field => field.Name);
        Assert.Equal(declared.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal)); // every descriptor is reported by one of the analyzers
        Assert.Equal(names.Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(names.Count, DiagnosticDescriptors.All.Concat(DiagnosticDescriptors.Usage).Concat(DiagnosticDescriptors.Coverage).Distinct().Count()); // no field is listed twice
    }

    /// <summary>The descriptor's field name in <see cref="DiagnosticDescriptors"/>.</summary>
    private static string DescriptorName(DiagnosticDescriptor descriptor) =>
        typeof(DiagnosticDescriptors).GetFields().Single(field => field.FieldType == typeof(DiagnosticDescriptor) && ReferenceEquals(field.GetValue(null), descriptor)).Name;

    private static string Describe(GeneratorRun run, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var text = diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        return string.Create(CultureInfo.InvariantCulture,
            $"{diagnostic.Id} {diagnostic.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) `{text}`: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }
}
