using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads one declaration bearing <c>[RegisterSet]</c> attributes into a <see cref="SetContainerModel"/>.
/// Everything decidable from the attribute and the enum it names is checked here; what needs
/// every set of the file (includes, duplicates, cycles) is left to the resolver.
/// </summary>
internal static class RegisterSetParser
{
    /// <summary>The declaration's model; null when a name around it could not be parsed (the compiler reports that syntax error).</summary>
    public static SetContainerModel? Parse(AnnotatedDeclaration declared, CancellationToken cancellationToken)
    {
        var type = declared.Symbol;
        if (SymbolNames.HasMissingName(type))
        {
            return null;
        }
        var declaration = (TypeDeclarationSyntax)declared.Node;
        var diagnostics = new List<DiagnosticInfo>();
        var isPartial = PartialTypes.Check(declaration, "register sets whose constants are generated into it", diagnostics);

        var sets = new List<RegisterSetModel>();
        foreach (var (attribute, syntax) in declared.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sets.Add(new RegisterSetAttributeReader(type, attribute, syntax, diagnostics).Read());
        }

        return new SetContainerModel(
            FullName: PartialTypes.FullMetadataName(type),
            DisplayName: type.ToDisplayString(),
            Namespace: SymbolNames.Namespace(type),
            Containers: PartialTypes.Containers(type),
            IsPartial: isPartial,
            Sets: sets.ToEquatableArray(),
            Diagnostics: diagnostics.ToEquatableArray());
    }
}
