using System.Globalization;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Annotated sources the tests share.</summary>
internal static class TestInputs
{
    public static readonly int[] Widths = { 8, 16, 32, 64 };

    /// <summary>
    /// A register file of the given width with gaps, a sentinel and the top bit used, and three sets
    /// (listed, listed with the top bit, All minus the top bit). No diagnostics.
    /// </summary>
    public static string WidthFile(int width)
    {
        var half = (width / 2).ToString(CultureInfo.InvariantCulture);
        var top = (width - 1).ToString(CultureInfo.InvariantCulture);
        return $$"""
            using RegisterMasking;

            namespace Widths
            {
                [RegisterFile({{width}})]
                public enum Reg{{width}}
                {
                    R0 = 0,
                    R1 = 1,
                    R3 = 3,
                    RHALF = {{half}},
                    TOP = {{top}},
                    [NotARegister]
                    COUNT = {{width}},
                }

                [RegisterSet("LOW", Reg{{width}}.R0, Reg{{width}}.R1)]
                [RegisterSet("EDGES", Reg{{width}}.R0, Reg{{width}}.TOP)]
                [RegisterSet("ALL_BUT_TOP", Include = new[] { "All" }, Exclude = new object[] { Reg{{width}}.TOP })]
                public static partial class Sets{{width}}
                {
                }
            }
            """;
    }

    /// <summary>
    /// A register file with aliases (the last declared names the bit), gaps and the top bit: the
    /// hardest case for ToStringFast to agree with Enum.ToString().
    /// </summary>
    public static string AliasedFile(int width)
    {
        var top = (width - 1).ToString(CultureInfo.InvariantCulture);
        var mid = (width / 2 + 1).ToString(CultureInfo.InvariantCulture);
        return $$"""
            using RegisterMasking;

            namespace Aliased
            {
            #pragma warning disable RM0004 // the aliases are the point of this input
                [RegisterFile({{width}})]
                public enum Reg{{width}}
                {
                    A = 0,
                    B = 2,
                    B_ALIAS = 2,
                    B_ALIAS2 = 2,
                    C = 5,
                    MID = {{mid}},
                    TOP = {{top}},
                    TOP_ALIAS = {{top}},
                }
            #pragma warning restore RM0004
            }
            """;
    }
}
