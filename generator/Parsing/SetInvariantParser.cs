using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;

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
            var isSubset = KnownNames.IsOurs(attribute.AttributeClass, KnownNames.RegisterSetSubset);
            var attributeName = isSubset ? "[RegisterSetSubset]" : "[RegisterSetsDisjoint]";
            // Values from the attribute as bound (both constructors take strings), locations from the syntax.
            var arguments = new AttributeSyntaxReader(syntax).Positional.ToList();
            var elements = arguments.Count == 1 && AttributeSyntaxReader.IsArrayLiteral(arguments[0])
                ? AttributeSyntaxReader.ArrayElements(arguments[0]).ToList()
                : arguments;
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
                        DiagnosticDescriptors.InvariantNamesNoSet, LocationInfo.From(elements[i]), attributeName, elements[i].ToString()));
                }
            }
            invariants.Add(new SetInvariantModel(isSubset, attributeName, names.ToEquatableArray(), LocationInfo.From(syntax)));
        }
        return new SetInvariantsModel(invariants.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
