using Microsoft.CodeAnalysis;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Inputs that are wrong in ways the compiler also sees (missing arguments, wrong types, error
/// types, syntax errors): the generator never throws (the harness fails on CS8784/CS8785), and
/// each gets an error located in the user's own source.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class MalformedInputTests
{
    public static TheoryData<string> Inputs => new()
    {
        "[RegisterFile(\"wide\")] public enum R { A }",
        "[RegisterFile(-1)] public enum R { A }",
        "[RegisterFile(int.MaxValue)] public enum R { A }",
        "[RegisterFile(8, MaskName = null)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static partial class S1 { public const int X = (int)RMask.A; }",
        "[RegisterFile(8, MaskName = \"\")] public enum R { A }",
        "[RegisterFile(8)] public enum R { A = Missing.Value }",
        "[RegisterFile(8)] public enum R : ulong { A = ulong.MaxValue }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet] public static partial class S { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(null, R.A)] public static partial class S { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", null)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", Missing.A)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, From = Missing.A, To = R.A)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Include = null)] public static partial class S1 { public const int Y = (int)S.A; }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Include = new[] { (string)null })] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Include = new[] { 42 })] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, Exclude = new object[] { typeof(R) })] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", RegisterFile = typeof(Missing))] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", RegisterFile = typeof(int))] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A | R.A)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", R.A | R.B)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A,)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A, }\n[RegisterSet(\"S\" R.A)] public static partial class S1 { }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static partial class S1 { void M( }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static partial class Dup { }\n[RegisterSet(\"S\", R.A)] public static partial class Dup { }",
        "[RegisterFile(8)] [RegisterFile(16)] public enum R { A }",
        "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"Ärger\", R.A)] public static partial class S1 { }\n[RegisterSet(\"@@class\", R.A)] public static partial class S2 { }",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_generator_survives_and_reports_an_error_in_the_users_source(string declarations)
    {
        var run = GeneratorHarness.Run("using RegisterMasking;\nnamespace M;\n" + declarations);

        var errors = run.AnalyzerDiagnostics.Concat(run.Input.GetDiagnostics()).Concat(run.CompilationDiagnostics)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToList();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, diagnostic => diagnostic.Location.GetLineSpan().Path == "Input0.cs");
    }
}
