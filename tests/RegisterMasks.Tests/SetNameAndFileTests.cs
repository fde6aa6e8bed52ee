using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// SPEC's two amendments to [RegisterSet]: a set naming no register takes its file from the sets it
/// includes, and a set name may be a C# keyword, written plain or verbatim.
/// </summary>
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
        Assert.Contains("public const global::D.RMask @namespace =", run.Source("D.Sets.RegisterSets.g.cs"));
        Assert.Equal(true, run.Load().Invoke("D.Use", "Holds"));
    }
}
