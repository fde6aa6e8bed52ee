using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RegisterMasks.Generator.Model;

/// <summary>
/// Where a diagnostic goes, as plain data: a <see cref="Location"/> holds its syntax tree, which
/// would keep every model unequal across compilations and pin old trees in memory. The analyzer
/// turns it back into a location in the tree of <see cref="FilePath"/>, so that suppressions and
/// editors see it (see <see cref="RegisterMaskAnalyzer"/>).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span)
{
    /// <summary>Every location we report is syntax the user wrote: a node of a parsed tree.</summary>
    public static LocationInfo From(SyntaxNode node) => new(node.SyntaxTree.FilePath, node.Span);

    public static LocationInfo From(SyntaxToken token) => new(token.SyntaxTree!.FilePath, token.Span);

    /// <summary>
    /// A symbol's source location (an enum member's name). A member of an enum of another assembly (a register
    /// class may be over one) has none: its path is empty, and nothing is ever reported there.
    /// </summary>
    public static LocationInfo From(Location location) => new(location.SourceTree?.FilePath ?? "", location.SourceSpan);
}
