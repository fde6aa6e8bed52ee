using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads the <c>[RegisterClass]</c> attributes of one holder into register files of their own
/// (<see cref="RegisterFileModel.IsClass"/>): the chosen members of the enum, in the order chosen, get
/// bits 0..n-1 (<see cref="RegisterModel.Index"/> is the bit; <see cref="RegisterModel.IndexText"/> the
/// value). Everything one attribute shows is checked here; the sets of a class are the resolver's.
/// </summary>
internal static class RegisterClassParser
{
    /// <summary>One model per class that could be read; none when a name around the holder could not be parsed.</summary>
    /// <param name="hasSets">The holder bears sets too: their parser reports it if it is not partial.</param>
    public static List<RegisterFileModel> Parse(AnnotatedDeclaration declared, bool hasSets, CancellationToken cancellationToken)
    {
        var classes = new List<RegisterFileModel>();
        var holder = declared.Symbol;
        if (SymbolNames.HasMissingName(holder))
        {
            return classes;
        }
        var holderDiagnostics = new List<DiagnosticInfo>();
        if (!hasSets && declared.Node is TypeDeclarationSyntax declaration)
        {
            PartialTypes.Check(declaration, "a register class", holderDiagnostics);
        }
        foreach (var (attribute, syntax) in declared.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = new List<DiagnosticInfo>(holderDiagnostics);
            holderDiagnostics.Clear(); // reported once, with the first class
            if (ReadClass(holder, attribute, new AttributeSyntaxReader(syntax), diagnostics, cancellationToken) is { } model)
            {
                classes.Add(model);
            }
        }
        return classes;
    }

    private sealed record Chosen(RegisterModel Member, SyntaxNode Where);

    private static RegisterFileModel? ReadClass(
        INamedTypeSymbol holder, AttributeData attribute, AttributeSyntaxReader arguments, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length < 2)
        {
            return null; // it did not bind: the compiler says why
        }
        var enumSyntax = (SyntaxNode?)arguments.Positional.ElementAtOrDefault(0) ?? arguments.Syntax;
        var maskSyntax = (SyntaxNode?)arguments.Positional.ElementAtOrDefault(1) ?? arguments.Syntax;
        var maskName = attribute.ConstructorArguments[1].Value as string ?? "";
        var owner = maskName.Length > 0 ? maskName : holder.Name;
        if (attribute.ConstructorArguments[0].Value is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            if (attribute.ConstructorArguments[0].Value is ITypeSymbol { TypeKind: not TypeKind.Error } other)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassEnumNotAnEnum, LocationInfo.From(enumSyntax), owner, other.ToDisplayString()));
            }
            return diagnostics.Count == 0 ? null : Unusable(holder, maskName, maskSyntax, diagnostics);
        }

        var maskLocation = LocationInfo.From(maskSyntax);
        RegisterFileParser.CheckMaskName(holder.ContainingNamespace, maskName, owner, maskLocation, diagnostics);
        CheckNameable(enumType, owner, enumSyntax, diagnostics);
        var usable = !diagnostics.Any(diagnostic => diagnostic.IsError);
        var jsonConverterTaken = RegisterFileParser.CheckJsonConverterName(holder, maskName, maskLocation, diagnostics);

        var all = RegisterFileParser.ReadMembers(enumType, cancellationToken);
        var chosen = Choose(attribute, arguments, enumType, owner, all, diagnostics);
        var members = AssignBits(chosen, arguments, enumType, owner, maskName, diagnostics);
        var count = members.Where(member => member.HasBit).Select(member => member.Index).Distinct().Count();
        var width = ReadWidth(attribute, arguments, owner, count, diagnostics);
        usable &= width > 0;

        return new RegisterFileModel(
            EnumFullName: SymbolNames.FullyQualified(enumType),
            EnumName: owner,
            Namespace: SymbolNames.Namespace(holder),
            MaskName: maskName,
            IsPublic: SymbolNames.IsVisibleOutsideAssembly(enumType) && SymbolNames.IsVisibleOutsideAssembly(holder),
            Width: width,
            Members: members.ToEquatableArray(),
            MaskNameLocation: maskLocation,
            IsUsable: usable,
            Diagnostics: diagnostics.ToEquatableArray())
        {
            ClassHolder = SymbolNames.FullyQualified(holder),
            IsConsecutive = IsConsecutive(members),
            CoversEveryValue = enumType.EnumUnderlyingType?.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
                && members.Where(member => member.HasBit).Select(member => member.IndexText).Distinct().Count() == 256,
            JsonConverterTaken = jsonConverterTaken,
        };
    }

    private static RegisterFileModel Unusable(INamedTypeSymbol holder, string maskName, SyntaxNode maskSyntax, List<DiagnosticInfo> diagnostics) =>
        new(
            EnumFullName: "",
            EnumName: maskName.Length > 0 ? maskName : holder.Name,
            Namespace: SymbolNames.Namespace(holder),
            MaskName: maskName,
            IsPublic: false,
            Width: 0,
            Members: EquatableArray<RegisterModel>.Empty,
            MaskNameLocation: LocationInfo.From(maskSyntax),
            IsUsable: false,
            Diagnostics: diagnostics.ToEquatableArray())
        {
            ClassHolder = SymbolNames.FullyQualified(holder),
        };

    /// <summary>The mask lives at namespace level, so it must name the enum (not past a private type, nor through a generic one).</summary>
    private static void CheckNameable(INamedTypeSymbol enumType, string owner, SyntaxNode where, List<DiagnosticInfo> diagnostics)
    {
        for (ISymbol current = enumType; current is INamedTypeSymbol type; current = current.ContainingSymbol)
        {
            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                var accessibility = SyntaxFacts.GetText(type.DeclaredAccessibility);
                diagnostics.Add(ReferenceEquals(type, enumType)
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.EnumNotAccessible, LocationInfo.From(where), enumType.Name, accessibility)
                    : DiagnosticInfo.Create(DiagnosticDescriptors.EnumInInaccessibleType, LocationInfo.From(where), enumType.Name, accessibility, type.ToDisplayString()));
                return;
            }
            if (!ReferenceEquals(type, enumType) && type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumInGenericType, LocationInfo.From(where), enumType.Name, type.ToDisplayString()));
                return;
            }
        }
    }

    /// <summary>The members the class holds, in bit order, each with the argument that brought it in (where its errors go).</summary>
    private static List<Chosen> Choose(
        AttributeData attribute, AttributeSyntaxReader arguments, INamedTypeSymbol enumType, string owner, IReadOnlyList<RegisterModel> all, List<DiagnosticInfo> diagnostics)
    {
        var fromSyntax = arguments.Named("From");
        var toSyntax = arguments.Named("To");
        var listSyntax = arguments.Named("Registers");
        var chosen = new List<Chosen>();

        if (listSyntax is not null)
        {
            if (fromSyntax is not null || toSyntax is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassRangeAndList, LocationInfo.From(listSyntax), owner));
            }
            var seen = new HashSet<string>();
            foreach (var (syntax, value) in Elements(listSyntax, Named(attribute, "Registers")))
            {
                if (Member(syntax, value, enumType, owner, all, diagnostics) is { } member && member.IsRegister)
                {
                    if (!seen.Add(member.Name))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassListedTwice, LocationInfo.From(syntax), owner, member.Name));
                        continue;
                    }
                    chosen.Add(new Chosen(member, syntax));
                }
            }
        }
        else if (fromSyntax is not null || toSyntax is not null)
        {
            if (fromSyntax is null || toSyntax is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassHalfOpenRange, LocationInfo.From((fromSyntax ?? toSyntax)!), owner,
                    fromSyntax is null ? "To" : "From", fromSyntax is null ? "From" : "To"));
                return chosen;
            }
            var first = Member(fromSyntax, Named(attribute, "From"), enumType, owner, all, diagnostics);
            var last = Member(toSyntax, Named(attribute, "To"), enumType, owner, all, diagnostics);
            if (first is null || last is null)
            {
                return chosen;
            }
            int start = IndexOf(all, first), end = IndexOf(all, last);
            if (start > end)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassRangeBackwards, LocationInfo.From(fromSyntax), owner, first.Name, last.Name, enumType.Name));
                return chosen;
            }
            chosen.AddRange(all.Skip(start).Take(end - start + 1).Where(member => member.IsRegister).Select(member => new Chosen(member, fromSyntax)));
        }
        else
        {
            chosen.AddRange(all.Where(member => member.IsRegister).Select(member => new Chosen(member, arguments.Syntax)));
        }

        if (arguments.Named("Exclude") is { } excludeSyntax)
        {
            foreach (var (syntax, value) in Elements(excludeSyntax, Named(attribute, "Exclude")))
            {
                if (Member(syntax, value, enumType, owner, all, diagnostics) is not { } member)
                {
                    continue;
                }
                if (chosen.RemoveAll(entry => entry.Member.Name == member.Name) == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassExcludedAbsent, LocationInfo.From(syntax), owner, SourceQuote.Of(syntax)));
                }
            }
        }
        return chosen;
    }

    private static int IndexOf(IReadOnlyList<RegisterModel> all, RegisterModel member)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], member))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Bit i for the i-th member; a <c>[RegisterAlias]</c> member shares the bit of the member of its value. A
    /// second member of a value, or a name no mask member may take, gets no bit and is reported.
    /// </summary>
    private static List<RegisterModel> AssignBits(
        List<Chosen> chosen, AttributeSyntaxReader arguments, INamedTypeSymbol enumType, string owner, string maskName, List<DiagnosticInfo> diagnostics)
    {
        var byValue = new Dictionary<string, RegisterModel>();
        var members = new List<RegisterModel>();
        var next = 0;
        foreach (var (member, where) in chosen.Where(entry => !entry.Member.IsAlias))
        {
            var location = LocationInfo.From(where);
            if (member.Name is "None" or KnownNames.AllSetName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegisterNameReserved, location, member.Name, enumType.Name));
                continue;
            }
            if (member.Name == maskName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegisterNamedAsMask, location, member.Name, enumType.Name));
                continue;
            }
            if (byValue.TryGetValue(member.IndexText, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassValueShared, location, owner, member.Name, member.IndexText, first.Name));
                continue;
            }
            var bit = member with { Index = next++, Location = location };
            byValue.Add(member.IndexText, bit);
            members.Add(bit);
        }
        foreach (var (alias, where) in chosen.Where(entry => entry.Member.IsAlias))
        {
            if (alias.Name is "None" or KnownNames.AllSetName || alias.Name == maskName)
            {
                continue;
            }
            members.Add(byValue.TryGetValue(alias.IndexText, out var target)
                ? alias with { Index = target.Index, Location = LocationInfo.From(where) }
                : alias with { Index = next++, IsAlias = false, Location = LocationInfo.From(where) });
        }
        return members;
    }

    /// <summary>Whether every bit's value is bit 0's plus the bit: then a value is its bit by one subtraction.</summary>
    private static bool IsConsecutive(List<RegisterModel> members)
    {
        var registers = members.Where(member => member.HasBit && !member.IsAlias).OrderBy(member => member.Index).ToList();
        if (registers.Count == 0 || !decimal.TryParse(registers[0].IndexText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first))
        {
            return false;
        }
        for (var i = 0; i < registers.Count; i++)
        {
            if (registers[i].Index != i
                || !decimal.TryParse(registers[i].IndexText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                || value != first + i)
            {
                return false;
            }
        }
        return true;
    }

    private static int ReadWidth(AttributeData attribute, AttributeSyntaxReader arguments, string owner, int count, List<DiagnosticInfo> diagnostics)
    {
        var widthSyntax = arguments.Named("Width");
        var written = Named(attribute, "Width").Value is int value ? value : 0;
        var where = LocationInfo.From((SyntaxNode?)widthSyntax ?? arguments.Syntax);
        var fitting = KnownNames.SupportedWidths.Where(width => width >= count).DefaultIfEmpty(0).First();
        if (written == 0)
        {
            if (fitting == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassTooLarge, where, owner, count));
            }
            return fitting;
        }
        if (!KnownNames.SupportedWidths.Contains(written))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedWidth, where, owner, written.ToString(CultureInfo.InvariantCulture), KnownNames.SupportedWidthsText));
            return 0;
        }
        if (count > written)
        {
            diagnostics.Add(fitting == 0
                ? DiagnosticInfo.Create(DiagnosticDescriptors.ClassTooLarge, where, owner, count)
                : DiagnosticInfo.Create(DiagnosticDescriptors.ClassDoesNotFit, where, owner, count, written, fitting));
            return 0;
        }
        return written;
    }

    private static TypedConstant Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(pair => pair.Key == name).Value;

    /// <summary>An array argument's elements as written, beside their bound values (none when they do not line up).</summary>
    private static IEnumerable<(ExpressionSyntax Syntax, TypedConstant Value)> Elements(ExpressionSyntax syntax, TypedConstant values)
    {
        var elements = AttributeSyntaxReader.ArrayElements(syntax);
        var bound = values.Kind == TypedConstantKind.Array && !values.IsNull ? values.Values : default;
        for (var i = 0; i < elements.Count; i++)
        {
            yield return (elements[i], !bound.IsDefault && bound.Length == elements.Count ? bound[i] : default);
        }
    }

    /// <summary>The enum's member an argument names: by the name written (so a sentinel and a register of one value are told apart), else the first of its value.</summary>
    private static RegisterModel? Member(
        ExpressionSyntax syntax, TypedConstant value, INamedTypeSymbol enumType, string owner, IReadOnlyList<RegisterModel> all, List<DiagnosticInfo> diagnostics)
    {
        if (value.Kind == TypedConstantKind.Error || (value.Kind == TypedConstantKind.Enum && value.Value is null))
        {
            return null; // the compiler reports it
        }
        if (value.Kind != TypedConstantKind.Enum || value.Type is not INamedTypeSymbol type || value.Value is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassValueNotAMember, LocationInfo.From(syntax), owner, syntax, AttributeSyntaxReader.DescribeNonMember(value), enumType.Name));
            return null;
        }
        if (!SymbolEqualityComparer.Default.Equals(type, enumType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassMemberOfAnotherEnum, LocationInfo.From(syntax), owner, syntax, type.ToDisplayString(), enumType.Name));
            return null;
        }
        var (_, text) = RegisterFileParser.ReadIndex(value.Value);
        var written = AttributeSyntaxReader.MemberNameWritten(syntax);
        if (all.FirstOrDefault(member => member.Name == written && member.IndexText == text) is { } named)
        {
            return named;
        }
        if (all.FirstOrDefault(member => member.IndexText == text) is { } byValue)
        {
            return byValue;
        }
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassValueNotAMember, LocationInfo.From(syntax), owner, syntax, "value " + text + ", held by no member", enumType.Name));
        return null;
    }

}
