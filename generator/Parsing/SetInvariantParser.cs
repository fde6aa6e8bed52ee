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
    public static SetInvariantsModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var invariants = new List<SetInvariantModel>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var attribute in context.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }
            var isSubset = KnownNames.IsOurs(attribute.AttributeClass, "RegisterSetSubsetAttribute");
            var attributeName = isSubset ? "[RegisterSetSubset]" : "[RegisterSetsDisjoint]";
            var arguments = new AttributeSyntaxReader(syntax).Positional;
            var elements = arguments.Count == 1 && AttributeSyntaxReader.IsArrayLiteral(arguments[0], context.SemanticModel)
                ? AttributeSyntaxReader.ArrayElements(arguments[0])
                : arguments;

            var names = new List<IncludeReference>();
            foreach (var element in elements)
            {
                if (context.SemanticModel.GetConstantValue(element).Value is string name)
                {
                    names.Add(new IncludeReference(name, LocationInfo.From(element)));
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnknownInclude, LocationInfo.From(element), attributeName + " names", element.ToString(), "any register file", ""));
                }
            }
            invariants.Add(new SetInvariantModel(isSubset, attributeName, names.ToEquatableArray(), LocationInfo.From(syntax)));
        }
        return new SetInvariantsModel(invariants.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
