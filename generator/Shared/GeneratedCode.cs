using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Shared;

/// <summary>
/// Tells our own output apart from the user's code. The generator reads a compilation without its
/// output; the analyzer reads the same compilation with it (as every build and editor hands it over),
/// and must reach the same verdicts: a generated mask or constant is not a name the user took.
/// </summary>
internal static class GeneratedCode
{
    /// <summary>
    /// Roslyn puts every generated tree under a folder named by the generator's full type name:
    /// <c>typeof(RegisterMaskGenerator).FullName</c>, written out since the code-fix assembly, which
    /// compiles this file too, does not have the generator (its refactoring tests fail if the two part).
    /// </summary>
    private const string Folder = "RegisterMasks.Generator.RegisterMaskGenerator";

    public static bool IsOurs(SyntaxTree tree)
    {
        var path = tree.FilePath;
        var at = path.IndexOf(Folder, System.StringComparison.Ordinal);
        return at >= 0 && at + Folder.Length < path.Length && path[at + Folder.Length] is '/' or '\\';
    }

    /// <summary>
    /// Whether the compilation holds any output of ours beyond what every compilation gets (the
    /// attributes, and Roslyn's <c>EmbeddedAttribute</c> that marks them): masks, sets, catalogs and
    /// caches all come with a mask. A look at file paths, no binding.
    /// </summary>
    public static bool HasMasks(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (IsOurs(tree) && !IsPostInitialization(tree.FilePath))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsPostInitialization(string path) =>
        path.EndsWith(AttributesHintName, System.StringComparison.Ordinal) || path.EndsWith(EmbeddedAttributeFileName, System.StringComparison.Ordinal);

    /// <summary>The attributes' hint name: an output every compilation gets.</summary>
    public const string AttributesHintName = "RegisterMasks.Attributes.g.cs";

    /// <summary>
    /// The tree <c>AddEmbeddedAttributeDefinition</c> adds, also to every compilation, under our folder.
    /// Missing it here once made <see cref="HasMasks"/> true for every project.
    /// </summary>
    public const string EmbeddedAttributeFileName = "Microsoft.CodeAnalysis.EmbeddedAttribute.cs";

    /// <summary>The symbols declared (at least in part) outside our output.</summary>
    public static IEnumerable<T> UserDeclared<T>(IEnumerable<T> symbols) where T : ISymbol =>
        symbols.Where(symbol => symbol.DeclaringSyntaxReferences.IsEmpty
            || symbol.DeclaringSyntaxReferences.Any(reference => !IsOurs(reference.SyntaxTree)));
}
