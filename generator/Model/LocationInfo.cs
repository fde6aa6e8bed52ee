using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RegisterMasks.Generator.Model;

/// <summary>
/// Where a diagnostic goes, as plain data: a <see cref="Location"/> holds its syntax tree, which
/// would keep every model unequal across compilations and pin old trees in memory.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    public static LocationInfo? From(Location? location)
    {
        if (location?.SourceTree is null)
        {
            return null;
        }
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
