using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Tells our own output apart from the user's code. The generator reads a compilation without its
/// output; the analyzer reads the same compilation with it (as every build and editor hands it over),
/// and must reach the same verdicts: a generated mask or constant is not a name the user took.
/// </summary>
internal static class GeneratedCode
{
    /// <summary>Roslyn puts every generated file under a folder named by the generator's full type name.</summary>
    private static readonly string s_folder = typeof(RegisterMaskGenerator).FullName!;

    public static bool IsOurs(SyntaxTree tree)
    {
        var path = tree.FilePath;
        var at = path.IndexOf(s_folder, System.StringComparison.Ordinal);
        return at >= 0 && at + s_folder.Length < path.Length && path[at + s_folder.Length] is '/' or '\\';
    }

    /// <summary>The symbols declared (at least in part) outside our output.</summary>
    public static IEnumerable<T> UserDeclared<T>(IEnumerable<T> symbols) where T : ISymbol =>
        symbols.Where(symbol => symbol.DeclaringSyntaxReferences.IsEmpty
            || symbol.DeclaringSyntaxReferences.Any(reference => !IsOurs(reference.SyntaxTree)));
}
