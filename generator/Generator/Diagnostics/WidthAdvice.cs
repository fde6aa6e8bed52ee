using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Diagnostics;

/// <summary>
/// Which width a code fix should write: the smallest supported width that fits every register
/// (KVM's BIT to BIT_ULL decision, RM0001), or, for a width that is not supported, the supported
/// width nearest to it that fits (RM0003; of two as near, the wider).
/// </summary>
internal static class WidthAdvice
{
    /// <summary>The width every register fits, or null past the widest.</summary>
    public static int? SmallestFitting(IEnumerable<RegisterModel> members)
    {
        var needed = Needed(members);
        return KnownNames.SupportedWidths.Where(width => width >= needed).Select(width => (int?)width).FirstOrDefault();
    }

    public static int? NearestFitting(long written, IEnumerable<RegisterModel> members)
    {
        var needed = Needed(members);
        return KnownNames.SupportedWidths
            .Where(width => width >= needed)
            .OrderBy(width => System.Math.Abs(width - written))
            .ThenByDescending(width => width)
            .Select(width => (int?)width)
            .FirstOrDefault();
    }

    /// <summary>The bits the registers need: one past the highest index (negative ones are RM0002's).</summary>
    private static long Needed(IEnumerable<RegisterModel> members) =>
        members.Where(member => member.IsRegister && member.Index >= 0).Select(member => member.Index + 1).DefaultIfEmpty(1).Max();

    public static DiagnosticInfo Advise(DiagnosticInfo diagnostic, int? width) =>
        width is { } fitting ? diagnostic.WithProperty(FixProperties.Width, fitting.ToString(System.Globalization.CultureInfo.InvariantCulture)) : diagnostic;
}
