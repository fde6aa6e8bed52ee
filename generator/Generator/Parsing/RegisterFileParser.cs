using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads one <c>[RegisterFile]</c> enum into a <see cref="RegisterFileModel"/>, with every mistake
/// that can be seen from the enum alone (width, indices, aliases, names) as diagnostics.
/// </summary>
internal static class RegisterFileParser
{
    /// <summary>The enum's model; null when a name around it could not be parsed (the compiler reports that syntax error).</summary>
    public static RegisterFileModel? Parse(AnnotatedDeclaration declared, CancellationToken cancellationToken)
    {
        var enumSymbol = declared.Symbol;
        if (SymbolNames.HasMissingName(enumSymbol))
        {
            return null;
        }
        var (attribute, attributeSyntax) = declared.Attributes[0];
        var arguments = new AttributeSyntaxReader(attributeSyntax);
        var diagnostics = new List<DiagnosticInfo>();

        var enumName = enumSymbol.Name;
        var read = ReadMembers(enumSymbol, cancellationToken);
        var width = ReadWidth(attribute, arguments, enumName, read, diagnostics);
        var (maskName, maskNameLocation) = ReadMaskName(enumSymbol, attribute, arguments, diagnostics);
        CheckNameableFromNamespace(enumSymbol, declared.Node, diagnostics);
        var isUsable = !diagnostics.Any(diagnostic => diagnostic.IsError); // so far, only what concerns the file as a whole
        var jsonConverterTaken = CheckJsonConverterName(enumSymbol, maskName, maskNameLocation ?? LocationInfo.From(arguments.Syntax), diagnostics);
        var opsTaken = CheckOpsName(enumSymbol, maskName, declared.Node.SyntaxTree, maskNameLocation ?? LocationInfo.From(arguments.Syntax), diagnostics);

        var members = CheckMembers(read, enumName, maskName, width, diagnostics);

        return new RegisterFileModel(
            EnumFullName: SymbolNames.FullyQualified(enumSymbol),
            EnumName: enumName,
            Namespace: SymbolNames.Namespace(enumSymbol),
            MaskName: maskName,
            IsPublic: SymbolNames.IsVisibleOutsideAssembly(enumSymbol),
            Width: width,
            Members: members.ToEquatableArray(),
            MaskNameLocation: maskNameLocation ?? LocationInfo.From(declared.Node.Identifier),
            IsUsable: isUsable,
            Diagnostics: diagnostics.ToEquatableArray())
        {
            JsonConverterTaken = jsonConverterTaken,
            OpsTaken = opsTaken,
        };
    }

    /// <summary>
    /// Where System.Text.Json is referenced, the mask gets <c>{Mask}JsonConverter</c> beside it. A type of
    /// the user's with that name (a hand-written converter, say) keeps it: ours is left out, and with it the
    /// attribute that would attach it, and RM0010 says so. Without System.Text.Json, the name is free.
    /// </summary>
    internal static bool CheckJsonConverterName(INamedTypeSymbol enumSymbol, string maskName, LocationInfo where, List<DiagnosticInfo> diagnostics)
    {
        var converterName = maskName + "JsonConverter";
        if (!SymbolNames.IsValidIdentifier(maskName)
            || GeneratedCode.UserDeclared(enumSymbol.ContainingNamespace.GetTypeMembers(converterName)).FirstOrDefault() is not { } existing)
        {
            return false;
        }
        if (enumSymbol.ContainingModule.ReferencedAssemblySymbols.Any(assembly => assembly.Name == "System.Text.Json"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JsonConverterNameTaken, where, maskName, enumSymbol.Name, existing.ToDisplayString(), converterName));
        }
        return true;
    }

    /// <summary>
    /// Where the target has static abstract interface members, the mask gets <c>{Mask}Ops</c> beside it, for generic code
    /// over every mask. A type of the user's with that name keeps it: ours is left out, and RM0010 says so. Where the
    /// target has no such members (before C# 11, or a runtime before .NET 7), the name is free.
    /// </summary>
    private static bool CheckOpsName(INamedTypeSymbol enumSymbol, string maskName, SyntaxTree tree, LocationInfo where, List<DiagnosticInfo> diagnostics)
    {
        var opsName = maskName + "Ops";
        if (!SymbolNames.IsValidIdentifier(maskName)
            || GeneratedCode.UserDeclared(enumSymbol.ContainingNamespace.GetTypeMembers(opsName)).FirstOrDefault() is not { } existing)
        {
            return false;
        }
        if (tree.Options is CSharpParseOptions { LanguageVersion: var version }
            && Emitting.TargetFeatures.SupportsStaticAbstracts(version, enumSymbol.BaseType?.ContainingAssembly))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OpsNameTaken, where, maskName, enumSymbol.Name, existing.ToDisplayString(), opsName));
        }
        return true;
    }

    private static int ReadWidth(
        AttributeData attribute, AttributeSyntaxReader arguments, string enumName, IReadOnlyList<RegisterModel> members, List<DiagnosticInfo> diagnostics)
    {
        var widthSyntax = arguments.Positional.FirstOrDefault();
        if (widthSyntax is null && attribute.AttributeConstructor is not null)
        {
            return 64; // the parameterless constructor
        }

        var value = attribute.ConstructorArguments.FirstOrDefault().Value;
        if (value is int width && KnownNames.SupportedWidths.Contains(width))
        {
            return width;
        }

        var shown = value is int number ? number.ToString(CultureInfo.InvariantCulture) : (widthSyntax is null ? "(missing)" : SourceQuote.Of(widthSyntax));
        var unsupported = DiagnosticInfo.Create(
            DiagnosticDescriptors.UnsupportedWidth,
            LocationInfo.From((SyntaxNode?)widthSyntax ?? arguments.Syntax),
            enumName,
            shown,
            KnownNames.SupportedWidthsText);
        diagnostics.Add(value is int written && widthSyntax is not null ? WidthAdvice.Advise(unsupported, WidthAdvice.NearestFitting(written, members)) : unsupported);
        return 0;
    }

    private static (string Name, LocationInfo? Location) ReadMaskName(
        INamedTypeSymbol enumSymbol, AttributeData attribute, AttributeSyntaxReader arguments, List<DiagnosticInfo> diagnostics)
    {
        var syntax = arguments.Named("MaskName");
        var written = attribute.NamedArguments.FirstOrDefault(pair => pair.Key == "MaskName").Value.Value as string;
        var name = written ?? enumSymbol.Name + "Mask";
        var location = syntax is null ? null : LocationInfo.From(syntax);
        CheckMaskName(enumSymbol.ContainingNamespace, name, enumSymbol.Name, location ?? LocationInfo.From(arguments.Syntax), diagnostics);
        return (name, location);
    }

    /// <summary>RM0010 when a mask name is no identifier, or it or its extension class's name is a type of the namespace already.</summary>
    /// <param name="owner">What the messages call the register file or class.</param>
    internal static void CheckMaskName(INamespaceSymbol ns, string name, string owner, LocationInfo where, List<DiagnosticInfo> diagnostics)
    {
        if (!SymbolNames.IsValidIdentifier(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaskNameNotAnIdentifier, where, name, owner));
        }
        else if (GeneratedCode.UserDeclared(ns.GetTypeMembers(name)).FirstOrDefault() is { } existing)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaskNameTakenByType, where, name, owner, existing.ToDisplayString()));
        }
        else if (GeneratedCode.UserDeclared(ns.GetTypeMembers(name + "Extensions")).FirstOrDefault(IsNotAPartialStaticClass) is { } extensions)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExtensionsNameTaken, where, name, owner, extensions.ToDisplayString()));
        }
    }

    /// <summary>Users may extend the generated extension class with their own static partial part; anything else collides.</summary>
    private static bool IsNotAPartialStaticClass(INamedTypeSymbol type) =>
        !type.IsStatic || type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>
    /// The mask and extension class live at namespace level, so they must be able to name the enum:
    /// not through a generic type (which type argument?), nor past a private or protected type.
    /// </summary>
    private static void CheckNameableFromNamespace(INamedTypeSymbol enumSymbol, SyntaxNode node, List<DiagnosticInfo> diagnostics)
    {
        var where = LocationInfo.From(((EnumDeclarationSyntax)node).Identifier);
        for (ISymbol current = enumSymbol; current is INamedTypeSymbol type; current = current.ContainingSymbol)
        {
            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                var accessibility = SyntaxFacts.GetText(type.DeclaredAccessibility);
                diagnostics.Add(ReferenceEquals(type, enumSymbol)
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.EnumNotAccessible, where, enumSymbol.Name, accessibility)
                    : DiagnosticInfo.Create(DiagnosticDescriptors.EnumInInaccessibleType, where, enumSymbol.Name, accessibility, type.ToDisplayString()));
                return;
            }
            if (!ReferenceEquals(type, enumSymbol) && type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumInGenericType, where, enumSymbol.Name, type.ToDisplayString()));
                return;
            }
        }
    }

    /// <summary>
    /// The enum's members as every parser must see them: in declaration order, each name once (a
    /// second member of a name is the user's CS0102), sentinels marked. The set reader uses this
    /// too, so that a set never holds an index its register file does not have.
    /// </summary>
    internal static IReadOnlyList<RegisterModel> ReadMembers(INamedTypeSymbol enumSymbol, CancellationToken cancellationToken) =>
        s_members.GetValue(enumSymbol, symbol => ReadMembersOnce(symbol, cancellationToken));

    /// <summary>
    /// Members already read, per enum symbol of one compilation: every set of a file needs them, and
    /// a large file has hundreds of sets. Keyed weakly, so an entry goes with its compilation.
    /// </summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, IReadOnlyList<RegisterModel>> s_members = new();

    private static IReadOnlyList<RegisterModel> ReadMembersOnce(INamedTypeSymbol enumSymbol, CancellationToken cancellationToken)
    {
        var members = new List<RegisterModel>();
        var names = new HashSet<string>();
        foreach (var field in enumSymbol.GetMembers().OfType<IFieldSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!field.HasConstantValue || field.ConstantValue is null || field.Name.Length == 0 || !names.Add(field.Name))
            {
                continue; // the compiler reports the missing value, the missing name, or the name declared twice (CS0102)
            }
            var (index, text) = ReadIndex(field.ConstantValue);
            members.Add(new RegisterModel(field.Name, index, text, !IsSentinel(field), LocationInfo.From(field.Locations[0]))
            {
                IsAlias = KnownNames.HasAttribute(field, KnownNames.RegisterAlias),
            });
        }
        return members;
    }

    /// <summary>An enum constant as a signed index, clamped to long, and its exact text for messages.</summary>
    internal static (long Index, string Text) ReadIndex(object constant)
    {
        var text = Convert.ToString(constant, CultureInfo.InvariantCulture) ?? "";
        var index = constant is ulong big ? (big > long.MaxValue ? long.MaxValue : (long)big) : Convert.ToInt64(constant, CultureInfo.InvariantCulture);
        return (index, text);
    }

    internal static bool IsSentinel(IFieldSymbol field) => KnownNames.HasAttribute(field, KnownNames.NotARegister);

    /// <summary>The rules for one register; a register that breaks one gets no bit (<see cref="RegisterModel.HasBit"/>).</summary>
    private static List<RegisterModel> CheckMembers(IReadOnlyList<RegisterModel> members, string enumName, string maskName, int width, List<DiagnosticInfo> diagnostics)
    {
        var firstAtIndex = new Dictionary<long, RegisterModel>();
        var checkedMembers = new List<RegisterModel>(members.Count);
        foreach (var member in members)
        {
            if (!member.IsRegister)
            {
                checkedMembers.Add(member);
                continue;
            }
            var reported = diagnostics.Count;
            if (member.Index < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NegativeIndex, member.Location, member.Name, member.IndexText));
            }
            else if (width > 0 && member.Index >= width)
            {
                diagnostics.Add(WidthAdvice.Advise(
                    DiagnosticInfo.Create(DiagnosticDescriptors.IndexDoesNotFit, member.Location, member.Name, member.IndexText, enumName, width, width - 1),
                    WidthAdvice.SmallestFitting(members)));
            }

            if (member.Name is "None" or KnownNames.AllSetName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegisterNameReserved, member.Location, member.Name, enumName));
            }
            else if (member.Name == maskName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegisterNamedAsMask, member.Location, member.Name, enumName));
            }
            var hasBit = diagnostics.Count == reported;
            checkedMembers.Add(hasBit ? member : member with { HasBit = false });

            if (member.IsAlias)
            {
                continue;   // meant to share its index: checked below, once every register is known
            }
            if (firstAtIndex.TryGetValue(member.Index, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SharedIndex, member.Location, member.Name, member.IndexText, first.Name));
            }
            else
            {
                firstAtIndex.Add(member.Index, member);
            }
        }
        for (var i = 0; i < checkedMembers.Count; i++)
        {
            var alias = checkedMembers[i];
            if (alias is { IsRegister: true, IsAlias: true } && !firstAtIndex.ContainsKey(alias.Index))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasOfNothing, alias.Location, alias.Name, alias.IndexText));
                checkedMembers[i] = alias with { HasBit = false };
            }
        }
        return checkedMembers;
    }
}
