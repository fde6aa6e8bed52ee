using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>Reads a <c>[RegisterCache(typeof(TheEnum))]</c> type: the register file, and whether the type can take mutable members.</summary>
internal static class RegisterCacheParser
{
    /// <summary>The cache's model; null when a name around it could not be parsed (the compiler reports that syntax error).</summary>
    public static RegisterCacheModel? Parse(AnnotatedDeclaration declared, CancellationToken cancellationToken)
    {
        var type = declared.Symbol;
        if (SymbolNames.HasMissingName(type))
        {
            return null;
        }
        var declaration = (TypeDeclarationSyntax)declared.Node;
        var diagnostics = new List<DiagnosticInfo>();
        var hasErrors = !PartialTypes.Check(declaration, "a register cache whose members are generated into it", diagnostics);
        if (type.IsReadOnly)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReadOnlyCache, LocationInfo.From(declaration.Identifier), type.Name));
            hasErrors = true;
        }

        var (attribute, syntax) = declared.Attributes[0];
        var registerFileSyntax = new AttributeSyntaxReader(syntax).Positional.FirstOrDefault();
        var file = attribute.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
        string? registerFileKey = null;
        var registerEnum = file;
        if (file is { TypeKind: not TypeKind.Enum } && ClassEnum(file) is { } classEnum)
        {
            // A holder of register classes: the resolver picks its class (it must bear one only).
            registerFileKey = RegisterFileModel.ClassKey(SymbolNames.FullyQualified(file), "");
            registerEnum = classEnum;
        }
        else if (file is { TypeKind: TypeKind.Enum } && KnownNames.HasAttribute(file, KnownNames.RegisterFile)
            && file.Locations.Any(location => location.IsInSource))
        {
            registerFileKey = SymbolNames.FullyQualified(file);
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.CacheFileNotAFile, LocationInfo.From((SyntaxNode?)registerFileSyntax ?? syntax), type.Name,
                file?.ToDisplayString() ?? (registerFileSyntax is null ? "(missing)" : SourceQuote.Of(registerFileSyntax))));
        }

        // Over no register file, the cache gets nothing: LoadRegister's parameters would only follow from that error (RM0018, RM0019).
        var values = CacheValueReader.Read(type, registerFileKey is null ? null : registerEnum, attribute, new AttributeSyntaxReader(syntax), diagnostics, ref hasErrors);
        return new RegisterCacheModel(
            FullName: PartialTypes.FullMetadataName(type),
            Namespace: SymbolNames.Namespace(type),
            Containers: PartialTypes.Containers(type),
            RegisterFileKey: registerFileKey,
            HasErrors: hasErrors,
            Values: values,
            Diagnostics: diagnostics.ToEquatableArray())
        {
            RegisterFileLocation = LocationInfo.From((SyntaxNode?)registerFileSyntax ?? syntax),
        };
    }

    /// <summary>The enum of a holder's first register class; null when the type bears none.</summary>
    private static INamedTypeSymbol? ClassEnum(INamedTypeSymbol holder) =>
        holder.GetAttributes().Where(attribute => KnownNames.IsOurs(attribute.AttributeClass, KnownNames.RegisterClass))
            .Select(attribute => attribute.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol)
            .FirstOrDefault(type => type is { TypeKind: TypeKind.Enum });
}
