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
    /// <summary>
    /// Roslyn puts every generated file under a folder named by the generator's full type name:
    /// <c>typeof(RegisterMaskGenerator).FullName</c>, written out since the code-fix assembly, which
    /// links this file, does not have the generator (its refactoring tests fail if the two part).
    /// </summary>
    private const string Folder = "RegisterMasks.Generator.RegisterMaskGenerator";

    public static bool IsOurs(SyntaxTree tree)
    {
        var path = tree.FilePath;
        var at = path.IndexOf(Folder, System.StringComparison.Ordinal);
        return at >= 0 && at + Folder.Length < path.Length && path[at + Folder.Length] is '/' or '\\';
    }

    /// <summary>
    /// Whether the compilation holds any output of ours beyond the attributes, which every compilation
    /// gets: masks, sets, catalogs and caches all come with a mask. A look at file paths, no binding.
    /// </summary>
    public static bool HasMasks(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (IsOurs(tree) && !tree.FilePath.EndsWith(AttributesHintName, System.StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The attributes' hint name: the one output every compilation gets.</summary>
    public const string AttributesHintName = "RegisterMasks.Attributes.g.cs";

    /// <summary>The symbols declared (at least in part) outside our output.</summary>
    public static IEnumerable<T> UserDeclared<T>(IEnumerable<T> symbols) where T : ISymbol =>
        symbols.Where(symbol => symbol.DeclaringSyntaxReferences.IsEmpty
            || symbol.DeclaringSyntaxReferences.Any(reference => !IsOurs(reference.SyntaxTree)));
}
