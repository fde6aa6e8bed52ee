using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator.Parsing;

/// <summary>Reads one <c>[RegisterSet]</c> attribute: its name, register file, registers, range, includes and excludes.</summary>
internal sealed class RegisterSetReader
{
    private readonly INamedTypeSymbol _container;
    private readonly AttributeData _attribute;
    private readonly AttributeSyntaxReader _arguments;
    private readonly SemanticModel _model;
    private readonly List<DiagnosticInfo> _diagnostics;
    private string _name = "";
    private INamedTypeSymbol? _file;
    private bool _hasErrors;
    private List<(string Name, long Index)>? _registers;

    public RegisterSetReader(
        INamedTypeSymbol container, AttributeData attribute, AttributeSyntax syntax, SemanticModel model, List<DiagnosticInfo> diagnostics)
    {
        _container = container;
        _attribute = attribute;
        _arguments = new AttributeSyntaxReader(syntax);
        _model = model;
        _diagnostics = diagnostics;
    }

    public RegisterSetModel Read()
    {
        var nameSyntax = _arguments.Positional.FirstOrDefault();
        _name = ReadName(nameSyntax);

        var registerArguments = RegisterArguments();
        var from = _arguments.Named("From");
        var to = _arguments.Named("To");
        var excludeArguments = _arguments.Named("Exclude") is { } exclude ? AttributeSyntaxReader.ArrayElements(exclude) : new ExpressionSyntax[0];
        _file = DetermineFile(registerArguments.Concat(new[] { from, to }).Concat(excludeArguments));

        var listed = new List<RegisterReference>();
        var excluded = new List<RegisterReference>();
        if (_file is not null)
        {
            // The range first, so that a register also listed by name is the one RM0012 points at.
            ReadRange(from, to, listed);
            listed.AddRange(registerArguments.Select(ReadRegister).OfType<RegisterReference>());
            excluded.AddRange(excludeArguments.Select(ReadRegister).OfType<RegisterReference>());
        }

        return new RegisterSetModel(
            Name: _name,
            FileKey: _file is null ? null : SymbolNames.FullyQualified(_file),
            Listed: listed.ToEquatableArray(),
            Includes: ReadIncludes().ToEquatableArray(),
            Excluded: excluded.ToEquatableArray(),
            Summary: _attribute.NamedArguments.FirstOrDefault(pair => pair.Key == "Summary").Value.Value as string,
            NameLocation: LocationInfo.From((SyntaxNode?)nameSyntax ?? _arguments.Syntax),
            AttributeLocation: LocationInfo.From(_arguments.Syntax),
            HasErrors: _hasErrors);
    }

    private string ReadName(ExpressionSyntax? nameSyntax)
    {
        var name = nameSyntax is null ? null : _model.GetConstantValue(nameSyntax).Value as string;
        string? problem = null;
        if (name is null)
        {
            problem = $"A register set on '{_container.Name}' has no name; pass it as the first argument";
        }
        else if (!SymbolNames.IsValidIdentifier(name))
        {
            problem = $"Set name '{name}' is not a valid C# identifier";
        }
        else if (name == KnownNames.AllSetName)
        {
            problem = $"Set name '{name}' is reserved: Include uses it for every register of the file";
        }
        else if (name == _container.Name)
        {
            problem = $"Set name '{name}' is the name of the type that declares it; a member cannot share it";
        }
        else if (_container.GetMembers(name).FirstOrDefault() is { } existing)
        {
            problem = $"Set name '{name}' collides with member '{existing.ToDisplayString()}' that already exists";
        }

        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidName, (SyntaxNode?)nameSyntax ?? _arguments.Syntax, problem);
        }
        return name ?? "";
    }

    /// <summary>The registers passed to the constructor: each argument, or the elements of one array passed whole.</summary>
    private IReadOnlyList<ExpressionSyntax> RegisterArguments()
    {
        var registers = _arguments.Positional.Skip(1).ToList();
        return registers.Count == 1 && AttributeSyntaxReader.IsArrayLiteral(registers[0], _model)
            ? AttributeSyntaxReader.ArrayElements(registers[0])
            : registers;
    }

    /// <summary>
    /// The file is the one <c>RegisterFile</c> names, else the enum of the first register written.
    /// Every other register must then belong to it.
    /// </summary>
    private INamedTypeSymbol? DetermineFile(IEnumerable<ExpressionSyntax?> registerExpressions)
    {
        if (_arguments.Named("RegisterFile") is { } fileSyntax)
        {
            var named = _attribute.NamedArguments.FirstOrDefault(pair => pair.Key == "RegisterFile").Value.Value as INamedTypeSymbol;
            if (named is { TypeKind: TypeKind.Enum } && HasRegisterFileAttribute(named))
            {
                return CheckDeclaredHere(named, fileSyntax);
            }
            Report(DiagnosticDescriptors.RegisterFileUnclear, fileSyntax, $"Set '{_name}'",
                $"RegisterFile names '{named?.ToDisplayString() ?? fileSyntax.ToString()}', which is not an enum with [RegisterFile]");
            return null;
        }

        foreach (var expression in registerExpressions)
        {
            if (expression is not null && EnumTypeOf(expression) is { } enumType)
            {
                if (HasRegisterFileAttribute(enumType))
                {
                    return CheckDeclaredHere(enumType, expression);
                }
                Report(DiagnosticDescriptors.RegisterFileUnclear, expression, $"Set '{_name}'",
                    $"enum '{enumType.ToDisplayString()}' of '{expression}' has no [RegisterFile]; annotate it, or name the set's file with RegisterFile = typeof(...)");
                return null;
            }
        }

        Report(DiagnosticDescriptors.RegisterFileUnclear, _arguments.Syntax.Name, $"Set '{_name}'",
            "its register file cannot be determined, since it names no register; add RegisterFile = typeof(...)");
        return null;
    }

    private INamedTypeSymbol? CheckDeclaredHere(INamedTypeSymbol file, SyntaxNode where)
    {
        if (file.Locations.Any(location => location.IsInSource))
        {
            return file;
        }
        Report(DiagnosticDescriptors.RegisterFileUnclear, where, $"Set '{_name}'",
            $"register file '{file.ToDisplayString()}' is declared in another assembly; declare its sets in that assembly");
        return null;
    }

    private void ReadRange(ExpressionSyntax? from, ExpressionSyntax? to, List<RegisterReference> listed)
    {
        if (from is null && to is null)
        {
            return;
        }
        if (from is null || to is null)
        {
            NotARegister(from ?? to!, from is null ? "a range with To but no From" : "a range with From but no To");
            return;
        }
        if (ReadRegister(from) is not { } first || ReadRegister(to) is not { } last)
        {
            return;
        }
        if (first.Index > last.Index)
        {
            NotARegister(from, $"a range From {first.Name} ({first.Index}) To {last.Name} ({last.Index}) that runs backwards");
            return;
        }

        var location = LocationInfo.From(from);
        var seen = new HashSet<long>();
        foreach (var (name, index) in RegisterFields().Where(field => field.Index >= first.Index && field.Index <= last.Index).OrderBy(field => field.Index))
        {
            if (seen.Add(index))
            {
                listed.Add(new RegisterReference(name, ClampToInt(index), location));
            }
        }
    }

    /// <summary>One register argument, checked to be a register of the set's file; null (and a diagnostic) otherwise.</summary>
    private RegisterReference? ReadRegister(ExpressionSyntax expression)
    {
        var file = _file!;
        var enumType = EnumTypeOf(expression);
        if (enumType is null)
        {
            NotARegister(expression, $"'{expression}', {Describe(expression)}");
            return null;
        }
        if (!SymbolEqualityComparer.Default.Equals(enumType, file))
        {
            if (HasRegisterFileAttribute(enumType))
            {
                Report(DiagnosticDescriptors.RegisterFileUnclear, expression, $"Set '{_name}'",
                    $"it mixes registers of '{file.Name}' and '{enumType.Name}' ('{expression}')");
            }
            else
            {
                NotARegister(expression, $"'{expression}', a member of enum '{enumType.ToDisplayString()}'");
            }
            return null;
        }

        var constant = _model.GetConstantValue(expression);
        if (!constant.HasValue || constant.Value is null)
        {
            _hasErrors = true; // not a constant: the compiler already reports it
            return null;
        }
        var (index, text) = RegisterFileParser.ReadIndex(constant.Value);

        if (_model.GetSymbolInfo(expression).Symbol is IFieldSymbol named && SymbolEqualityComparer.Default.Equals(named.ContainingType, file))
        {
            if (RegisterFileParser.IsSentinel(named))
            {
                NotARegister(expression, $"'{expression}', a [NotARegister] member");
                return null;
            }
            return new RegisterReference(named.Name, ClampToInt(index), LocationInfo.From(expression));
        }

        foreach (var register in RegisterFields())
        {
            if (register.Index == index)
            {
                return new RegisterReference(register.Name, ClampToInt(index), LocationInfo.From(expression));
            }
        }
        NotARegister(expression, $"'{expression}', the value {text}, which no register of '{file.Name}' has");
        return null;
    }

    private IEnumerable<IncludeReference> ReadIncludes()
    {
        if (_arguments.Named("Include") is not { } include)
        {
            yield break;
        }
        foreach (var element in AttributeSyntaxReader.ArrayElements(include))
        {
            if (_model.GetConstantValue(element).Value is string name)
            {
                yield return new IncludeReference(name, LocationInfo.From(element));
            }
            else
            {
                Report(DiagnosticDescriptors.UnknownInclude, element, $"Set '{_name}' includes", element.ToString(), _file is null ? "its register file" : $"'{_file.Name}'", "");
            }
        }
    }

    /// <summary>The file's registers (sentinels left out) with their indices, in declaration order; read once per set.</summary>
    private List<(string Name, long Index)> RegisterFields() =>
        _registers ??= _file!.GetMembers().OfType<IFieldSymbol>()
            .Where(field => field.HasConstantValue && field.ConstantValue is not null && !RegisterFileParser.IsSentinel(field))
            .Select(field => (field.Name, RegisterFileParser.ReadIndex(field.ConstantValue!).Index))
            .ToList();

    private static int ClampToInt(long index) => index > int.MaxValue ? int.MaxValue : index < int.MinValue ? int.MinValue : (int)index;

    private INamedTypeSymbol? EnumTypeOf(ExpressionSyntax expression) =>
        _model.GetTypeInfo(expression).Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ? enumType : null;

    private static bool HasRegisterFileAttribute(INamedTypeSymbol enumType) => KnownNames.HasAttribute(enumType, "RegisterFileAttribute");

    private string Describe(ExpressionSyntax expression)
    {
        if (expression is TypeOfExpressionSyntax)
        {
            return "a type";
        }
        var constant = _model.GetConstantValue(expression);
        return constant switch
        {
            { HasValue: true, Value: null } => "a null",
            { HasValue: true, Value: string } => "a string",
            { HasValue: true } => "a number",
            _ => "not a constant of the register enum",
        };
    }

    private void NotARegister(SyntaxNode where, string what) =>
        Report(DiagnosticDescriptors.NotARegister, where, _name, what, _file?.Name ?? "its register file");

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode where, params object[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _hasErrors = true;
        }
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(where), arguments));
    }
}
