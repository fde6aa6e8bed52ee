using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads one <c>[RegisterSet]</c> attribute: its name, register file, registers, range, includes and excludes.
/// Values come from the attribute Roslyn has already bound (<see cref="AttributeData"/>), locations
/// from the syntax written: asking the semantic model instead would bind every attribute a second time
/// on every edit, since transforms run again whenever the compilation changes.
/// </summary>
internal sealed class RegisterSetAttributeReader
{
    private readonly INamedTypeSymbol _container;
    private readonly AttributeData _attribute;
    private readonly AttributeSyntaxReader _arguments;
    private readonly List<DiagnosticInfo> _diagnostics;
    private string _name = "";
    private INamedTypeSymbol? _registerFile;
    private bool _hasErrors;
    private bool _registerFileFromIncludes;
    private EquatableArray<string>? _namedMembers;
    private bool _isOrdered;
    private IReadOnlyList<RegisterModel>? _members;

    // A set over a register class: the enum written, the holder named or bearing it, and whether this is one.
    private bool _classMode;
    private INamedTypeSymbol? _classEnum;
    private string? _holder;
    private bool _holderNamed;

    public RegisterSetAttributeReader(INamedTypeSymbol container, AttributeData attribute, AttributeSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        _container = container;
        _attribute = attribute;
        _arguments = new AttributeSyntaxReader(syntax);
        _diagnostics = diagnostics;
    }

    public RegisterSetModel Read()
    {
        var nameSyntax = _arguments.Positional.FirstOrDefault();
        if (_attribute.AttributeConstructor is null)
        {
            // The attribute did not bind (missing or mistyped arguments, an unknown name): the
            // compiler reports why. Anything said here would guess at what was meant.
            return Unreadable(nameSyntax);
        }
        _isOrdered = NamedValue("Ordered").Value is true;
        _name = ReadName(nameSyntax);
        var accessibility = ReadAccessibility();

        var registerArguments = RegisterArguments();
        var from = NamedArgument("From");
        var to = NamedArgument("To");
        var excludeArguments = ArrayArgument(_arguments.Named("Exclude"), NamedValue("Exclude"));
        var candidates = registerArguments.Concat(new[] { from, to }.OfType<BoundArgument>()).Concat(excludeArguments);
        _registerFile = DetermineRegisterFile(candidates);

        var listed = new List<RegisterReference>();
        var excluded = new List<RegisterReference>();
        var rangeLength = 0;
        ClassSetReading? classReading = null;
        if (_classMode)
        {
            classReading = ReadClassSet(registerArguments, from, to, excludeArguments, listed, excluded);
        }
        else if (_registerFile is not null)
        {
            // The range first, so that a register also listed by name is the one RM0012 points at.
            ReadRange(from, to, listed);
            rangeLength = listed.Count;
            listed.AddRange(registerArguments.Select(ReadRegister).OfType<RegisterReference>());
            excluded.AddRange(excludeArguments.Select(ReadRegister).OfType<RegisterReference>());
        }

        return new RegisterSetModel(
            Name: _name,
            RegisterFileKey: _registerFile is null ? null : SymbolNames.FullyQualified(_registerFile),
            Listed: listed.ToEquatableArray(),
            Includes: ReadIncludes().ToEquatableArray(),
            Excluded: excluded.ToEquatableArray(),
            Summary: NamedValue("Summary").Value as string,
            NameLocation: LocationInfo.From((SyntaxNode?)nameSyntax ?? _arguments.Syntax),
            AttributeLocation: LocationInfo.From(_arguments.Syntax),
            HasErrors: _hasErrors)
        {
            TakesRegisterFileFromIncludes = _registerFileFromIncludes,
            Class = classReading,
            MembersNamedForFile = _namedMembers,
            RegisterFileLocation = LocationInfo.From(_arguments.Syntax.Name),
            IsOrdered = _isOrdered,
            RangeLength = rangeLength,
            Accessibility = accessibility,
        };
    }

    private RegisterSetModel Unreadable(ExpressionSyntax? nameSyntax) => new(
        Name: nameSyntax is LiteralExpressionSyntax { Token.Value: string name } ? name : "",
        RegisterFileKey: null,
        Listed: EquatableArray<RegisterReference>.Empty,
        Includes: EquatableArray<IncludeReference>.Empty,
        Excluded: EquatableArray<RegisterReference>.Empty,
        Summary: null,
        NameLocation: LocationInfo.From((SyntaxNode?)nameSyntax ?? _arguments.Syntax),
        AttributeLocation: LocationInfo.From(_arguments.Syntax),
        HasErrors: true);

    /// <summary>An argument as written (for its location) with its value as Roslyn bound it.</summary>
    private sealed record BoundArgument(ExpressionSyntax Syntax, TypedConstant Value);

    private string ReadName(ExpressionSyntax? nameSyntax)
    {
        var written = _attribute.ConstructorArguments.Length > 0 && _attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
            ? _attribute.ConstructorArguments[0].Value as string
            : null;
        // "namespace" and "@namespace" both declare @namespace, whose name (for Include and nameof) is namespace.
        var name = written is { Length: > 1 } && written[0] == '@' ? written.Substring(1) : written;
        var where = (SyntaxNode?)nameSyntax ?? _arguments.Syntax;
        if (name is null)
        {
            Report(DiagnosticDescriptors.SetWithoutName, where, _container.Name);
        }
        else if (!SymbolNames.IsValidIdentifierOrKeyword(name))
        {
            Report(DiagnosticDescriptors.SetNameNotAnIdentifier, where, written!);
        }
        else if (name == KnownNames.AllSetName)
        {
            Report(DiagnosticDescriptors.SetNameReserved, where, name);
        }
        else if (name == _container.Name)
        {
            Report(DiagnosticDescriptors.SetNamedAsItsType, where, name);
        }
        else if (GeneratedCode.UserDeclared(_container.GetMembers(name)).FirstOrDefault() is { } existing)
        {
            Report(DiagnosticDescriptors.SetNameTakenByMember, where, name, existing.ToDisplayString());
        }
        else if (_isOrdered && GeneratedCode.UserDeclared(_container.GetMembers(SymbolNames.OrderName(name))).FirstOrDefault() is { } taken)
        {
            Report(DiagnosticDescriptors.OrderNameTakenByMember, where, name, SymbolNames.OrderName(name), taken.ToDisplayString());
        }
        return name ?? "";
    }

    /// <summary>
    /// <c>Accessibility</c>, as C# writes it (the two-word ones in either order, as C# takes them), or
    /// null for the default. A word C# has no accessibility for is RM0027, and so is any protected one
    /// on a type no other type can derive from: C# rejects it there (or, sealed, warns).
    /// </summary>
    private string? ReadAccessibility()
    {
        if (_arguments.Named("Accessibility") is not { } syntax || NamedValue("Accessibility").Value is not string written)
        {
            return null;
        }
        var words = written.Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries);
        var accessibility = string.Join(" ", words.OrderBy(word => word == "protected" ? 1 : 0)) switch
        {
            "public" => "public",
            "internal" => "internal",
            "protected" => "protected",
            "private" => "private",
            "internal protected" => "protected internal",
            "private protected" => "private protected",
            _ => null,
        };
        if (accessibility is null)
        {
            Report(DiagnosticDescriptors.SetAccessibilityUnknown, syntax, _name, written);
            return null;
        }
        var sealedKind = _container.IsStatic ? "static class"
            : _container.TypeKind == TypeKind.Struct ? (_container.IsRecord ? "record struct" : "struct")
            : _container.IsSealed ? (_container.IsRecord ? "sealed record" : "sealed class")
            : null;
        if (accessibility.Contains("protected") && sealedKind is not null)
        {
            Report(DiagnosticDescriptors.SetAccessibilityProtected, syntax, _name, accessibility, sealedKind, _container.Name);
            return null;
        }
        return accessibility;
    }

    /// <summary>The registers passed to the constructor: each argument, or the elements of one array passed whole.</summary>
    private List<BoundArgument> RegisterArguments()
    {
        var syntax = _arguments.Positional.Skip(1).ToList();
        if (syntax.Count == 1 && AttributeSyntaxReader.IsArrayLiteral(syntax[0]))
        {
            syntax = AttributeSyntaxReader.ArrayElements(syntax[0]).ToList();
        }
        var values = _attribute.ConstructorArguments.Length > 1 ? _attribute.ConstructorArguments[1] : default;
        return Pair(syntax, values);
    }

    private List<BoundArgument> ArrayArgument(ExpressionSyntax? syntax, TypedConstant values) =>
        syntax is null ? new List<BoundArgument>() : Pair(AttributeSyntaxReader.ArrayElements(syntax).ToList(), values);

    /// <summary>
    /// Elements as written beside their bound values. When they do not line up (an argument the
    /// compiler could not bind), each element gets no value and is reported as not a register.
    /// </summary>
    private static List<BoundArgument> Pair(List<ExpressionSyntax> syntax, TypedConstant values)
    {
        var bound = values.Kind == TypedConstantKind.Array && !values.IsNull ? values.Values : default;
        return syntax.Select((element, i) => new BoundArgument(element, !bound.IsDefault && bound.Length == syntax.Count ? bound[i] : default)).ToList();
    }

    private BoundArgument? NamedArgument(string name) =>
        _arguments.Named(name) is { } syntax ? new BoundArgument(syntax, NamedValue(name)) : null;

    private TypedConstant NamedValue(string name) =>
        _attribute.NamedArguments.FirstOrDefault(pair => pair.Key == name).Value;

    /// <summary>
    /// The file is the one <c>RegisterFile</c> names, else the enum of the first register written.
    /// Every other register must then belong to it.
    /// </summary>
    private INamedTypeSymbol? DetermineRegisterFile(IEnumerable<BoundArgument> registers)
    {
        if (_arguments.Named("RegisterFile") is { } registerFileSyntax)
        {
            var named = NamedValue("RegisterFile").Value as INamedTypeSymbol;
            if (named is { TypeKind: not TypeKind.Enum } && KnownNames.HasAttribute(named, KnownNames.RegisterClass))
            {
                // A holder of register classes: the resolver picks its class (by member, when it has several).
                _classMode = true;
                _holder = SymbolNames.FullyQualified(named);
                _holderNamed = true;
                return null;
            }
            if (named is { TypeKind: TypeKind.Enum } && HasRegisterFileAttribute(named))
            {
                return CheckDeclaredHere(named, registerFileSyntax);
            }
            Report(DiagnosticDescriptors.RegisterFileArgumentNotAFile, registerFileSyntax, _name, named?.ToDisplayString() ?? SourceQuote.Of(registerFileSyntax));
            return null;
        }

        var onHolder = KnownNames.HasAttribute(_container, KnownNames.RegisterClass);
        foreach (var argument in registers)
        {
            if (EnumTypeOf(argument.Value) is { } enumType)
            {
                if (HasRegisterFileAttribute(enumType) && !onHolder)
                {
                    // The register file's, unless a class of the enum holds every member named too: the
                    // resolver asks for RegisterFile then (it sees every class).
                    var written = registers.Select(each => AttributeSyntaxReader.MemberNameWritten(each.Syntax)).ToList();
                    _namedMembers = written.All(name => name is not null) ? written.Select(name => name!).ToEquatableArray() : null;
                    return CheckDeclaredHere(enumType, argument.Syntax);
                }
                // An enum without [RegisterFile]: a register class's, if one holds the set's members (the
                // resolver decides, and reports RM0006 there when the enum has no class).
                _classMode = true;
                _classEnum = enumType;
                _holder = onHolder ? SymbolNames.FullyQualified(_container) : null;
                return null;
            }
        }

        if (registers.Any(argument => argument.Value.Kind == TypedConstantKind.Error))
        {
            _hasErrors = true; // a register argument did not bind: the compiler reports it
            return null;
        }
        if (registers.Any())
        {
            // Registers written, none a member of an enum: each is the mistake (not a missing RegisterFile,
            // and not to be dropped when the includes give the file).
            foreach (var argument in registers)
            {
                Report(DiagnosticDescriptors.ValueNotARegisterOfAnyFile, argument.Syntax, _name, argument.Syntax, AttributeSyntaxReader.DescribeNonMember(argument.Value));
            }
            return null;
        }
        if (NamesASetToInclude())
        {
            _registerFileFromIncludes = true; // the resolver decides it from the sets included
            return null;
        }
        if (onHolder)
        {
            _classMode = true; // no register named: the holder's class
            _holder = SymbolNames.FullyQualified(_container);
            return null;
        }
        Report(DiagnosticDescriptors.SetFileUndetermined, _arguments.Syntax.Name, _name);
        return null;
    }

    private INamedTypeSymbol? CheckDeclaredHere(INamedTypeSymbol file, SyntaxNode where)
    {
        if (file.Locations.Any(location => location.IsInSource))
        {
            return file;
        }
        Report(DiagnosticDescriptors.FileOfAnotherAssembly, where, _name, file.ToDisplayString());
        return null;
    }

    private void ReadRange(BoundArgument? from, BoundArgument? to, List<RegisterReference> listed)
    {
        if (from is null && to is null)
        {
            return;
        }
        if (from is null || to is null)
        {
            Report(DiagnosticDescriptors.HalfOpenRange, (from ?? to)!.Syntax, _name, from is null ? "To" : "From", from is null ? "From" : "To", RegisterFileName);
            return;
        }
        if (ReadRegister(from) is not { } first || ReadRegister(to) is not { } last)
        {
            return;
        }
        if (first.Index > last.Index)
        {
            Report(DiagnosticDescriptors.BackwardRange, from.Syntax, _name, first.Name, first.Index, last.Name, last.Index, RegisterFileName);
            return;
        }

        var location = LocationInfo.From(from.Syntax);
        var seen = new HashSet<long>();
        foreach (var register in Members().Where(member => member.IsRegister && member.Index >= first.Index && member.Index <= last.Index).OrderBy(member => member.Index))
        {
            if (seen.Add(register.Index))
            {
                listed.Add(new RegisterReference(register.Name, ClampToInt(register.Index), location));
            }
        }
    }

    /// <summary>One register argument, checked to be a register of the set's file; null (and a diagnostic) otherwise.</summary>
    private RegisterReference? ReadRegister(BoundArgument argument)
    {
        var file = _registerFile!;
        var expression = argument.Syntax;
        var enumType = EnumTypeOf(argument.Value);
        if (enumType is null)
        {
            Report(DiagnosticDescriptors.ValueNotARegister, expression, _name, expression, AttributeSyntaxReader.DescribeNonMember(argument.Value), RegisterFileName);
            return null;
        }
        if (!SymbolEqualityComparer.Default.Equals(enumType, file))
        {
            if (HasRegisterFileAttribute(enumType))
            {
                Report(DiagnosticDescriptors.SetMixesFiles, expression, _name, file.Name, enumType.Name, expression);
            }
            else
            {
                Report(DiagnosticDescriptors.MemberOfAnotherEnum, expression, _name, expression, enumType.ToDisplayString(), RegisterFileName);
            }
            return null;
        }
        if (argument.Value.Value is null)
        {
            _hasErrors = true; // not a constant: the compiler already reports it
            return null;
        }
        var (index, text) = RegisterFileParser.ReadIndex(argument.Value.Value);

        // The member written decides between a register and a sentinel of the same value (KVM's
        // NR_VCPU_REGS and VCPU_EXREG_PDPTR): looked up by the name in the syntax, not bound again.
        var written = AttributeSyntaxReader.MemberNameWritten(expression);
        if (written is not null && Members().FirstOrDefault(member => member.Name == written && member.Index == index) is { } named)
        {
            if (!named.IsRegister)
            {
                Report(DiagnosticDescriptors.SentinelInSet, expression, _name, expression, RegisterFileName);
                return null;
            }
            return new RegisterReference(named.Name, ClampToInt(index), LocationInfo.From(expression));
        }

        if (Members().FirstOrDefault(member => member.IsRegister && member.Index == index) is { } register)
        {
            return new RegisterReference(register.Name, ClampToInt(index), LocationInfo.From(expression));
        }
        Report(DiagnosticDescriptors.UndefinedValueInSet, expression, _name, expression, text, RegisterFileName);
        return null;
    }

    /// <summary>
    /// A set over a register class: each register read by member (its value for now), the range kept as its
    /// two bounds. Which class, and so which bits, the resolver decides.
    /// </summary>
    private ClassSetReading ReadClassSet(
        List<BoundArgument> registerArguments, BoundArgument? from, BoundArgument? to, List<BoundArgument> excludeArguments,
        List<RegisterReference> listed, List<RegisterReference> excluded)
    {
        var first = registerArguments.Concat(new[] { from, to }.OfType<BoundArgument>()).FirstOrDefault();
        RegisterReference? rangeFrom = null, rangeTo = null;
        if (from is not null && to is not null)
        {
            rangeFrom = ReadClassRegister(from);
            rangeTo = ReadClassRegister(to);
        }
        else if (from is not null || to is not null)
        {
            Report(DiagnosticDescriptors.HalfOpenRange, (from ?? to)!.Syntax, _name, from is null ? "To" : "From", from is null ? "From" : "To", RegisterFileName);
        }
        listed.AddRange(registerArguments.Select(ReadClassRegister).OfType<RegisterReference>());
        excluded.AddRange(excludeArguments.Select(ReadClassRegister).OfType<RegisterReference>());
        return new ClassSetReading(
            _classEnum is null ? null : SymbolNames.FullyQualified(_classEnum),
            _classEnum?.ToDisplayString() ?? "",
            _holder,
            _holderNamed,
            rangeFrom,
            rangeTo,
            first is null ? "" : SourceQuote.Of(first.Syntax),
            first is null ? null : LocationInfo.From(first.Syntax));
    }

    /// <summary>A member of the class's enum, by the name written (else the first member of its value), with its value as the index.</summary>
    private RegisterReference? ReadClassRegister(BoundArgument argument)
    {
        var expression = argument.Syntax;
        if (argument.Value.Kind == TypedConstantKind.Error)
        {
            _hasErrors = true; // the compiler reports it
            return null;
        }
        var enumType = EnumTypeOf(argument.Value);
        if (enumType is null)
        {
            Report(DiagnosticDescriptors.ValueNotARegister, expression, _name, expression, AttributeSyntaxReader.DescribeNonMember(argument.Value), RegisterFileName);
            return null;
        }
        _classEnum ??= enumType;
        if (!SymbolEqualityComparer.Default.Equals(enumType, _classEnum))
        {
            Report(DiagnosticDescriptors.MemberOfAnotherEnum, expression, _name, expression, enumType.ToDisplayString(), RegisterFileName);
            return null;
        }
        if (argument.Value.Value is null)
        {
            _hasErrors = true;
            return null;
        }
        var (index, text) = RegisterFileParser.ReadIndex(argument.Value.Value);
        var members = RegisterFileParser.ReadMembers(_classEnum, CancellationToken.None);
        var written = AttributeSyntaxReader.MemberNameWritten(expression);
        if ((members.FirstOrDefault(member => member.Name == written && member.IndexText == text)
            ?? members.FirstOrDefault(member => member.IndexText == text)) is { } named)
        {
            return new RegisterReference(named.Name, ClampToInt(index), LocationInfo.From(expression));
        }
        Report(DiagnosticDescriptors.UndefinedValueInSet, expression, _name, expression, text, RegisterFileName);
        return null;
    }

    /// <summary>Whether Include names a set other than All: one whose file a set naming no register can take.</summary>
    private bool NamesASetToInclude() =>
        NamedValue("Include") is { Kind: TypedConstantKind.Array, IsNull: false } includes
        && includes.Values.Any(value => value.Value is string name && name != KnownNames.AllSetName);

    private IEnumerable<IncludeReference> ReadIncludes()
    {
        foreach (var argument in ArrayArgument(_arguments.Named("Include"), NamedValue("Include")))
        {
            if (argument.Value.Kind == TypedConstantKind.Primitive && argument.Value.Value is string name)
            {
                yield return new IncludeReference(name, LocationInfo.From(argument.Syntax));
            }
            else
            {
                Report(DiagnosticDescriptors.IncludeNotAName, argument.Syntax, _name, argument.Syntax, _registerFile is null ? "its register file" : $"'{_registerFile.Name}'");
            }
        }
    }

    /// <summary>The file's members exactly as its own model has them; read once per set.</summary>
    private IReadOnlyList<RegisterModel> Members() => _members ??= RegisterFileParser.ReadMembers(_registerFile!, CancellationToken.None);

    private static int ClampToInt(long index) => index > int.MaxValue ? int.MaxValue : index < int.MinValue ? int.MinValue : (int)index;

    private static INamedTypeSymbol? EnumTypeOf(TypedConstant value) =>
        value.Kind == TypedConstantKind.Enum && value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ? enumType : null;

    private static bool HasRegisterFileAttribute(INamedTypeSymbol enumType) => KnownNames.HasAttribute(enumType, KnownNames.RegisterFile);

    /// <summary>How RM0005 names the file the set is over.</summary>
    private string RegisterFileName => _registerFile?.Name ?? _classEnum?.Name ?? "its register file";

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode where, params object[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(where), arguments));
    }
}
