using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>Reads <c>[RegisterSetsDisjoint]</c> and <c>[RegisterSetSubset]</c> attributes: the set names and where each was written.</summary>
internal static class SetInvariantParser
{
    public static SetInvariantsModel Parse(AnnotatedDeclaration declared, CancellationToken cancellationToken)
    {
        var invariants = new List<SetInvariantModel>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var (attribute, syntax) in declared.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = KnownNames.IsOurs(attribute.AttributeClass, KnownNames.RegisterSetSubset) ? InvariantKind.Subset
                : KnownNames.IsOurs(attribute.AttributeClass, KnownNames.RegisterSetsPartition) ? InvariantKind.Partition
                : InvariantKind.Disjoint;
            var attributeName = kind switch
            {
                InvariantKind.Subset => "[RegisterSetSubset]",
                InvariantKind.Partition => "[RegisterSetsPartition]",
                _ => "[RegisterSetsDisjoint]",
            };
            // Values from the attribute as bound (both constructors take strings), locations from the syntax.
            var arguments = new AttributeSyntaxReader(syntax).Positional.ToList();
            // A params array may be passed whole (new[] { ... }) after the arguments before it.
            var elements = arguments
                .SelectMany(argument => AttributeSyntaxReader.IsArrayLiteral(argument) ? AttributeSyntaxReader.ArrayElements(argument) : new[] { argument })
                .ToList();
            var values = attribute.ConstructorArguments.SelectMany(argument => argument.Kind == TypedConstantKind.Array
                ? (argument.IsNull ? Enumerable.Empty<TypedConstant>() : argument.Values)
                : new[] { argument }).ToList();

            var names = new List<IncludeReference>();
            for (var i = 0; i < elements.Count; i++)
            {
                if (values.Count == elements.Count && values[i].Value is string name)
                {
                    names.Add(new IncludeReference(name, LocationInfo.From(elements[i])));
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvariantNamesNoSet, LocationInfo.From(elements[i]), attributeName, SourceQuote.Of(elements[i])));
                }
            }
            invariants.Add(new SetInvariantModel(kind, attributeName, names.ToEquatableArray(), LocationInfo.From(syntax)));
        }
        return new SetInvariantsModel(invariants.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
