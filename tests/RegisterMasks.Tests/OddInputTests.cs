using System.Globalization;
using Microsoft.CodeAnalysis;
using RegisterMasks.Shared;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Valid but unusual inputs, written by hand: each generates code that compiles cleanly (warnings
/// are errors here) with no RM error; and odd inputs that are mistakes, each with its RM error in
/// the user's source.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class OddInputTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "an enum with no member", "[RegisterFile(8)] public enum R { }" },
        { "an enum with 1,000 registers", ThousandRegisters() },
        { "[Flags] on the register enum", "[System.Flags, RegisterFile(16)] public enum R { A = 1, B = 2, C = 4 }\n[RegisterSet(\"AB\", R.A, R.B)] public static partial class S { }" },
        { "a keyword as the enum's name", "[RegisterFile(8)] public enum @event { @class, @int }\n[RegisterSet(\"BOTH\", @event.@class, @event.@int)] public static partial class S { }" },
        { "non-ASCII names", "[RegisterFile(8)] public enum Ärger { Über, Straße }\n[RegisterSet(\"Größe\", Ärger.Über)] public static partial class Ölfeld { }" },
        { "sets on a record struct", "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"AB\", R.A, R.B)] public partial record struct S;" },
        { "sets on nested generic types", "[RegisterFile(8)] public enum R { A, B }\npublic partial class Outer<T> { internal partial struct Inner<U> where U : struct { [RegisterSet(\"AB\", R.A, R.B)] private partial class Deepest { } } }" },
        { "an enum nested in a class", "public static partial class Holder { [RegisterFile(8)] internal enum R { A, B } }\n[RegisterSet(\"AB\", Holder.R.A, Holder.R.B)] internal static partial class S { }" },
        { "a negative sentinel", "[RegisterFile(8)] public enum R { [NotARegister] NONE = -1, A, B }\n[RegisterSet(\"AB\", R.A, R.B)] public static partial class S { }" },
        { "two register files side by side", "[RegisterFile(8)] public enum R { A, B }\n[RegisterFile(16)] public enum Q { A, B }\n[RegisterSet(\"A\", R.A)] [RegisterSet(\"B\", Q.A)] public static partial class S { }\n[RegisterSet(\"A\", Q.B)] public static partial class T { }" },
        { "a sets file of more than a megabyte", HugeSetsFile() },
        { "one container split over partial parts", "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"X\", R.A)] public static partial class S { }\n[RegisterSet(\"Y\", R.B, Include = new[] { \"X\" })] public static partial class S { }" },
    };

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "two files claiming one mask name", "RM0010", "[RegisterFile(8, MaskName = \"Shared\")] public enum R { A }\n[RegisterFile(8, MaskName = \"Shared\")] public enum Q { A }" },
        { "a mask name taken by a type", "RM0010", "[RegisterFile(8, MaskName = \"Taken\")] public enum R { A }\npublic class Taken { }" },
        { "sets of two files with one name on one type", "RM0010", "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { A }\n[RegisterSet(\"A\", R.A)] [RegisterSet(\"A\", Q.A)] public static partial class S { }" },
        { "a width of 0", "RM0003", "[RegisterFile(0)] public enum R { A }" },
        { "a width of 65", "RM0003", "[RegisterFile(65)] public enum R { A }" },
        { "a set named like a member of its type", "RM0010", "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"Existing\", R.A)] public static partial class S { public const int Existing = 1; }" },
        { "a set on a partial type nested in one that is not", "RM0011", "[RegisterFile(8)] public enum R { A }\npublic static class Outer { [RegisterSet(\"X\", R.A)] public static partial class S { } }" },
        { "an include of a set of another file", "RM0007", "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { A }\n[RegisterSet(\"QA\", Q.A)] [RegisterSet(\"RA\", R.A, Include = new[] { \"QA\" })] public static partial class S { }" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_inputs_compile_cleanly(string why, string declarations)
    {
        var run = GeneratorHarness.Run("using RegisterMasking;\nnamespace M;\n" + declarations);

        Assert.DoesNotContain(run.RegisterMaskDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(run.GeneratedCode);
        run.AssertCompilesCleanly();
        Assert.NotNull(why);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_inputs_get_their_diagnostic_in_the_users_source(string why, string id, string declarations)
    {
        var run = GeneratorHarness.Run("using RegisterMasking;\nnamespace M;\n" + declarations);

        Assert.Contains(run.RegisterMaskDiagnostics(), diagnostic => diagnostic.Id == id && diagnostic.Location.GetLineSpan().Path == "Input0.cs");
        Assert.Empty(run.ErrorsOutsideUserSource());
        Assert.NotNull(why);
    }

    /// <summary>40 sets of 1,000 registers each on one type: a generated file of about 1.3 MB.</summary>
    private static string HugeSetsFile() =>
        "[RegisterFile(1024)] public enum R {\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"    R{i.ToString(CultureInfo.InvariantCulture)},\n")) + "}\n" +
        string.Concat(Enumerable.Range(0, 40).Select(i => $"[RegisterSet(\"ALL_BUT_{i.ToString(CultureInfo.InvariantCulture)}\", Include = new[] {{ \"All\" }}, Exclude = new object[] {{ R.R{i.ToString(CultureInfo.InvariantCulture)} }})]\n")) +
        "public static partial class Huge { }";

    private static string ThousandRegisters() =>
        "[RegisterFile(1024)] public enum R {\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"    R{i.ToString(CultureInfo.InvariantCulture)},\n")) + "}\n" +
        "[RegisterSet(\"LOW\", From = R.R0, To = R.R499)] [RegisterSet(\"HIGH\", Include = new[] { \"All\" }, Exclude = new object[] { R.R0 })] public static partial class S { }";
}
