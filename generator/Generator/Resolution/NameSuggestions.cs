using System;
using System.Collections.Generic;
using System.Linq;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Names a mistyped set name may have meant: those within edit distance 2 (a name differing only
/// in case counts as distance 0), nearest first, then by name, so that a code fix can offer each.
/// </summary>
internal static class NameSuggestions
{
    public const int MaxDistance = 2;

    public static List<string> Near(string written, IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: string.Equals(name, written, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(written, name)))
            .Where(candidate => candidate.Distance <= MaxDistance && candidate.Name != written)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Select(candidate => candidate.Name)
            .ToList();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, each 1.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
