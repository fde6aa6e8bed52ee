using Microsoft.CodeAnalysis;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Two rules of [RegisterSet] in the contract: a set naming no register takes its file from the sets it
/// includes, and a set name may be a C# keyword, written plain or verbatim. And when that file cannot
/// be found, the diagnostic names the cause (a name no set has, sets of different files), once.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class SetNameAndFileTests
{
    private const string Header = "using RegisterMasking;\nnamespace D;\n";

    [Fact]
    public void A_set_of_includes_only_takes_its_file_from_them_through_a_chain_and_across_types()
    {
        var run = GeneratorHarness.Run(Header + """
            [RegisterFile(16)] public enum R { A, B, C, D }

            [RegisterSet("LOW", R.A, R.B)]
            [RegisterSet("HIGH", R.C)]
            public static partial class Base { }

            // TOP includes MID, itself of includes only, declared after it: files are handed on.
            [RegisterSet("TOP", Include = new[] { "MID", nameof(Base.HIGH) })]
            [RegisterSet("MID", Include = new[] { nameof(Base.LOW), "All" }, Exclude = new object[] { R.D })]
            public static partial class Derived { }

            public static class Use
            {
                public static bool Holds() => Derived.TOP == (RMask.A | RMask.B | RMask.C) && Derived.MID == (RMask.A | RMask.B | RMask.C);
            }
            """);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Equal(true, run.Load().Invoke("D.Use", "Holds"));
    }

    [Fact]
    public void A_set_that_includes_only_All_still_needs_its_file()
    {
        var run = GeneratorHarness.Run(Header + "[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"EVERY\", Include = new[] { \"All\" })] public static partial class C { }");
        var diagnostic = Assert.Single(run.RegisterMaskDiagnostics());
        Assert.Equal("RM0006", diagnostic.Id);
    }

    [Theory]
    [InlineData("namespace")]
    [InlineData("@namespace")]
    public void A_keyword_set_name_declares_the_verbatim_constant_and_includes_by_its_name(string written)
    {
        var run = GeneratorHarness.Run(Header + $$"""
            [RegisterFile(8)] public enum R { A, B }

            [RegisterSet("{{written}}", R.A)]
            [RegisterSet("MORE", R.B, Include = new[] { "namespace" })]
            public static partial class Sets { }

            public static class Use
            {
                public static bool Holds() => Sets.@namespace == RMask.A && Sets.MORE == (RMask.A | RMask.B)
                    && nameof(Sets.@namespace) == "namespace" && RMaskSets.NameOf(RMask.A)[0] == "namespace";
            }
            """);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Contains("public const global::D.RMask @namespace =", run.SetsSource("D.Sets"));
        Assert.Equal(true, run.Load().Invoke("D.Use", "Holds"));
    }

    /// <summary>The register file and the set renamed from GPRS to GPR: the first of the two source files.</summary>
    private const string Renamed = Header + """
        [RegisterFile(8)] public enum R { A, B, C }
        [RegisterSet("GPR", R.A)]
        [RegisterSet("OTHER", R.C)]
        public static partial class Common { }
        """;

    /// <summary>What decides the including set's file besides the stale name, and the file RM0007 then names.</summary>
    public static TheoryData<string, string, bool> StaleIncludes()
    {
        var cases = new TheoryData<string, string, bool>();
        foreach (var renamedFirst in new[] { true, false })
        {
            cases.Add("Include = new[] { \"GPRS\" }", "any register file", renamedFirst);
            cases.Add("R.B, Include = new[] { \"GPRS\" }", "'R'", renamedFirst);
            cases.Add("Include = new[] { \"OTHER\", \"GPRS\" }", "'R'", renamedFirst);
            cases.Add("Include = new[] { \"GPRS\" }, RegisterFile = typeof(R)", "'R'", renamedFirst);
        }
        return cases;
    }

    /// <summary>
    /// Issue 18: renaming a set that a set in another source file includes. However that set's file
    /// would be decided (by nothing but the includes, a listed register, another include, RegisterFile),
    /// and in either file order, the error is RM0007 at the stale name, with the new name to offer:
    /// not RM0006's "add RegisterFile", which would fix nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(StaleIncludes))]
    public void A_renamed_set_is_reported_at_the_include_that_still_names_it(string arguments, string ofWhat, bool renamedFirst)
    {
        var including = Header + $"[RegisterSet(\"EVERYTHING\", {arguments})] public static partial class More {{ }}\n";
        var run = renamedFirst ? GeneratorHarness.Run(Renamed, including) : GeneratorHarness.Run(including, Renamed);

        var diagnostic = Assert.Single(run.RegisterMaskDiagnostics());
        Assert.Equal("RM0007", diagnostic.Id);
        Assert.Equal($"Set 'EVERYTHING' includes 'GPRS', which is not a set of {ofWhat}", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(renamedFirst ? "Input1.cs" : "Input0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("\"GPRS\"", Text(run, diagnostic));
        Assert.Equal("GPR", diagnostic.Properties["RegisterMasks.Candidates"]); // what the RM0007 code fix offers
        Assert.Contains("GPR =", run.SetsSource("D.Common"));
        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("D.More", StringComparison.Ordinal));
    }

    /// <summary>
    /// The stale name is the one cause, reported once: sets that include the set it breaks (by includes
    /// only, or with a register of their own) and invariants that name it say nothing. Once it is fixed,
    /// everything reports nothing and compiles.
    /// </summary>
    [Fact]
    public void Sets_and_invariants_over_a_set_with_a_stale_include_get_no_diagnostic_of_their_own()
    {
        var including = Header + """
            [RegisterSet("EVERYTHING", Include = new[] { "GPRS" })]
            [RegisterSet("MORE", Include = new[] { "EVERYTHING" })]
            [RegisterSet("WITH_B", R.B, Include = new[] { "EVERYTHING" })]
            [RegisterSet("TOP", Include = new[] { "MORE", "OTHER" }, Exclude = new object[] { R.C })]
            public static partial class More { }
            [RegisterSetsDisjoint("EVERYTHING", "OTHER")]
            [RegisterSetSubset("TOP", "WITH_B")]
            public static class Checks { }
            """;
        var run = GeneratorHarness.Run(Renamed, including);
        var diagnostic = Assert.Single(run.RegisterMaskDiagnostics());
        Assert.Equal("RM0007", diagnostic.Id);
        Assert.Equal("\"GPRS\"", Text(run, diagnostic));

        var fixedRun = GeneratorHarness.Run(Renamed, including.Replace("\"GPRS\"", "\"GPR\""));
        Assert.Empty(fixedRun.RegisterMaskDiagnostics());
        fixedRun.AssertCompilesCleanly();
        Assert.Contains("TOP =\n            global::D.RMask.A;", fixedRun.SetsSource("D.More"));
    }

    /// <summary>RM0006 is left for names that all exist and still decide no one file; with a name no set has, RM0007 alone.</summary>
    [Theory]
    [InlineData("Include = new[] { \"OF_R\", \"OF_Q\" }", "RM0006",
        "Set 'S': the sets it includes belong to different register files ('OF_R' of 'R', 'OF_Q' of 'Q'); a set holds registers of one file")]
    [InlineData("Include = new[] { \"BOTH\" }", "RM0006",
        "Set 'S': its register file cannot be determined, since it names no register and the sets it includes exist in several register files ('Q', 'R'); add RegisterFile = typeof(...)")]
    [InlineData("Include = new[] { \"OF_R\", \"OF_Q\", \"MISSING\" }", "RM0007", "Set 'S' includes 'MISSING', which is not a set of any register file")]
    [InlineData("Include = new[] { \"BOTH\", \"MISSING\" }", "RM0007", "Set 'S' includes 'MISSING', which is not a set of any register file")]
    [InlineData("Include = new[] { \"OF_R\", \"BOTH\", \"of_r\" }", "RM0007", "Set 'S' includes 'of_r', which is not a set of 'R'; did you mean 'OF_R'?")]
    [InlineData("Include = new[] { \"BOTH\", \"of_r\" }", "RM0007", "Set 'S' includes 'of_r', which is not a set of any register file; did you mean 'OF_R'?")]
    [InlineData("Include = new[] { \"of_r\" }", "RM0007", "Set 'S' includes 'of_r', which is not a set of any register file; did you mean 'OF_R'?")]
    public void A_set_of_includes_only_that_decides_no_file_is_reported_for_the_cause(string arguments, string id, string message)
    {
        var run = GeneratorHarness.Run(Header + $$"""
            [RegisterFile(8)] public enum R { A }
            [RegisterFile(8)] public enum Q { X }
            [RegisterSet("OF_R", R.A)] [RegisterSet("BOTH", R.A)] public static partial class OfR { }
            [RegisterSet("OF_Q", Q.X)] [RegisterSet("BOTH", Q.X)] public static partial class OfQ { }
            [RegisterSet("S", {{arguments}})] public static partial class Including { }
            """);
        var diagnostic = Assert.Single(run.RegisterMaskDiagnostics());
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(id == "RM0006" ? "RegisterSet" : message.Split('\'')[3], Text(run, diagnostic).Trim('"'));
        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("D.Including", StringComparison.Ordinal));
        Assert.Contains("OF_R", run.SetsSource("D.OfR"));
    }

    /// <summary>A set with an error of its own is reported there; sets and invariants naming it say nothing more.</summary>
    [Fact]
    public void A_set_that_names_a_set_without_a_file_gets_no_second_diagnostic()
    {
        var run = GeneratorHarness.Run(Header + """
            [RegisterFile(8)] public enum R { A, B }
            [RegisterSet("BROKEN", RegisterFile = typeof(string))] public static partial class Bad { }
            [RegisterSet("X", Include = new[] { "BROKEN" })]
            [RegisterSet("Y", R.A, Include = new[] { "BROKEN" })]
            [RegisterSet("Z", R.B)]
            public static partial class Sets { }
            [RegisterSetsDisjoint("BROKEN", "Z")] public static class Checks { }
            """);
        var diagnostic = Assert.Single(run.RegisterMaskDiagnostics());
        Assert.Equal("RM0006", diagnostic.Id);
        Assert.Equal("typeof(string)", Text(run, diagnostic));
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("RMask Z =", sets);
        Assert.DoesNotContain("RMask X =", sets);
        Assert.DoesNotContain("RMask Y =", sets);
    }

    private static string Text(GeneratorRun run, Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
