using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Coverage;

/// <summary>
/// <c>[CoversRegisterSet("NAME")]</c> on a method, constructor or property: every <c>switch</c>
/// statement and switch expression in it (nested ones, and those in its lambdas and local functions)
/// whose governing value is of the set's enum (or that enum made nullable) must have a case for each
/// register of the set, or RM0028 is reported on its <c>switch</c> keyword, naming every register it
/// lacks. A name that gives no set is RM0029, at the argument.
/// </summary>
/// <remarks>
/// Registers are compared by value, as the switch compares them: a case naming an alias covers the
/// register of its value, and the set's registers are counted once per value. The set is the one
/// the resolver computed (includes, ranges and excludes applied), read once per compilation: a set
/// that grows in another tree reports the switches that lack the new register at the next analysis,
/// in an editor as in a build.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CoversRegisterSetAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] Attribute = { KnownNames.CoversRegisterSet };

    /// <summary>Declarations the attribute can be on (its targets: methods, constructors, properties, and their accessors and operators).</summary>
    private static readonly SyntaxKind[] MemberKinds =
    {
        SyntaxKind.MethodDeclaration, SyntaxKind.ConstructorDeclaration, SyntaxKind.PropertyDeclaration, SyntaxKind.IndexerDeclaration,
        SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration,
        SyntaxKind.InitAccessorDeclaration, SyntaxKind.AddAccessorDeclaration, SyntaxKind.RemoveAccessorDeclaration,
    };

    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.Coverage;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);   // why: RegisterMaskAnalyzer.Initialize
        context.RegisterCompilationStartAction(static start =>
        {
            // Where no member carries an attribute named like ours, nothing is registered: a look at the
            // declarations' syntax (never into bodies), so a project that does not use it pays for no action.
            var compilation = start.Compilation;
            var names = AnnotationScanner.CandidateNames(compilation, Attribute, start.CancellationToken);
            if (!compilation.SyntaxTrees.Any(tree => !GeneratedCode.IsOurs(tree) && s_memberAttributeNames.Of(tree, start.CancellationToken).Overlaps(names)))
            {
                return;
            }
            var sets = new CompilationSets(compilation);
            start.RegisterSyntaxNodeAction(analysis => Analyze(analysis, names, sets), MemberKinds);
        });
    }

    /// <summary>The last identifiers of the attributes on a tree's members (methods, properties, accessors).</summary>
    private static readonly PerTree<HashSet<string>> s_memberAttributeNames = new(static (tree, cancellationToken) =>
        AnnotationScanner.LastIdentifiers(Members(tree.GetRoot(cancellationToken)).SelectMany(AttributesOf)));

    /// <summary>Every declaration outside bodies, members among them.</summary>
    private static IEnumerable<SyntaxNode> Members(SyntaxNode root) =>
        root.DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax
            or BasePropertyDeclarationSyntax or AccessorListSyntax);

    private static IEnumerable<AttributeSyntax> AttributesOf(SyntaxNode node)
    {
        var lists = node switch
        {
            BaseMethodDeclarationSyntax method => method.AttributeLists,
            BasePropertyDeclarationSyntax property => property.AttributeLists,
            AccessorDeclarationSyntax accessor => accessor.AttributeLists,
            _ => default,
        };
        return lists.SelectMany(list => list.Attributes);
    }

    private static IEnumerable<AttributeSyntax> Candidates(SyntaxNode node, HashSet<string> names) =>
        AttributesOf(node).Where(attribute => AnnotationScanner.LastIdentifier(attribute.Name) is { } name && names.Contains(name));

    private static void Analyze(SyntaxNodeAnalysisContext analysis, HashSet<string> names, CompilationSets sets)
    {
        var node = analysis.Node;
        var model = analysis.SemanticModel;
        var cancellationToken = analysis.CancellationToken;
        ISymbol? member = null;
        List<SwitchCases>? switches = null;
        foreach (var attribute in Candidates(node, names))
        {
            if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol { ContainingType: var attributeType }
                || !KnownNames.IsOurs(attributeType, KnownNames.CoversRegisterSet)
                || attribute.ArgumentList is not { } arguments
                || arguments.Arguments.FirstOrDefault(argument => argument.NameEquals is null) is not { } setArgument
                || model.GetConstantValue(setArgument.Expression, cancellationToken) is not { HasValue: true } setName
                || setName.Value is not (string or null))
            {
                continue;   // not ours, or an argument the compiler reports
            }
            member ??= model.GetDeclaredSymbol(node, cancellationToken);
            if (member is null)
            {
                return;
            }
            var name = (string?)setName.Value;
            var fileArgument = arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "RegisterFile");
            var registerFile = fileArgument?.Expression is TypeOfExpressionSyntax typeOf ? model.GetTypeInfo(typeOf.Type, cancellationToken).Type : null;
            if (registerFile is IErrorTypeSymbol)
            {
                continue;   // a type the compiler cannot find: its error alone
            }
            var set = sets.Get(cancellationToken).Find(name, registerFile, out var problem, out var files);
            var memberName = MemberName(member);
            switch (problem)
            {
                case CoveredSetProblem.Unknown:
                    analysis.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CoveredSetUnknown, setArgument.GetLocation(), memberName, name ?? ""));
                    continue;
                case CoveredSetProblem.NotOfFile:
                    analysis.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CoveredSetNotOfFile, setArgument.GetLocation(), memberName, name ?? "", registerFile!.Name));
                    continue;
                case CoveredSetProblem.Ambiguous:
                    analysis.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CoveredSetAmbiguous, setArgument.GetLocation(), memberName, name ?? "", string.Join(", ", files)));
                    continue;
                case CoveredSetProblem.NotAFile:
                    analysis.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CoveredFileNotAFile, fileArgument!.GetLocation(), memberName, name ?? "",
                        registerFile?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? SourceQuote.Of(fileArgument.Expression)));
                    continue;
            }
            if (set is null)
            {
                continue;
            }
            switches ??= node.DescendantNodes().Select(candidate => SwitchCases.Read(candidate, model, cancellationToken)).OfType<SwitchCases>().ToList();
            foreach (var cases in switches)
            {
                Check(analysis, memberName, set, cases);
            }
        }
    }

    private static void Check(SyntaxNodeAnalysisContext analysis, string memberName, CoveredSet set, SwitchCases cases)
    {
        var model = analysis.SemanticModel;
        var type = model.GetTypeInfo(cases.Governing, analysis.CancellationToken).Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];   // a switch over R? covers R's registers the same way; null is one more case
        }
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType || SymbolNames.FullyQualified(enumType) != set.File.EnumFullName)
        {
            return;
        }
        var missing = set.Registers.Where(register => !cases.Values.Contains(register.Value)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        analysis.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SwitchMissesRegisters, cases.Keyword.GetLocation(),
            FixFor(cases, enumType, missing, model, analysis.CancellationToken),
            memberName, set.Name, string.Join(", ", missing.Select(register => register.Name))));
    }

    /// <summary>
    /// What the fix writes, decided here: each missing register as code at the switch binds it, in the
    /// style the switch's cases already use (<c>R.A</c> with the same qualifier, or <c>A</c> under
    /// <c>using static</c>), else the shortest name that binds; and the exception a new case throws.
    /// No fix when a register cannot be named there.
    /// </summary>
    private static ImmutableDictionary<string, string?> FixFor(SwitchCases cases, INamedTypeSymbol enumType, List<CoveredRegister> missing, SemanticModel model, CancellationToken cancellationToken)
    {
        var position = cases.Keyword.SpanStart;
        string? qualifier = null;
        var bare = false;
        foreach (var constant in cases.Constants)
        {
            if (model.GetSymbolInfo(constant, cancellationToken).Symbol is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.ContainingType, enumType))
            {
                bare = constant is IdentifierNameSyntax;
                qualifier = constant is MemberAccessExpressionSyntax access ? access.Expression.WithoutTrivia().ToString() : null;
                break;
            }
        }
        var written = new List<string>();
        foreach (var register in missing)
        {
            if (enumType.GetMembers(register.Name).OfType<IFieldSymbol>().FirstOrDefault() is not { } field)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }
            var name = SymbolNames.Escaped(field.Name);
            var styled = bare ? name : qualifier is not null ? qualifier + "." + name : null;
            var text = styled is not null && BoundNames.BindsTo(model, position, styled, field) ? styled : BoundNames.Member(field, model, position);
            if (text is null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }
            written.Add(text);
        }
        var exception = model.Compilation.GetTypeByMetadataName("System.NotImplementedException");
        return ImmutableDictionary<string, string?>.Empty
            .Add(FixProperties.MissingCases, string.Join(FixProperties.ReplacementSeparator.ToString(), written))
            .Add(FixProperties.CaseException, exception is null ? "global::System.NotImplementedException" : BoundNames.Type(exception, model, position));
    }

    /// <summary>The member as messages name it: <c>Vcpu.LoadRegister</c>; an accessor by its property.</summary>
    private static string MemberName(ISymbol member)
    {
        if (member is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            member = associated;
        }
        var type = member.ContainingType?.ToDisplayString(MemberFormat);
        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? member.ContainingType!.Name : member.Name;
        return type is null ? name : type + "." + name;
    }

    /// <summary>The compilation's sets, read once, by whichever member asks first; a cancelled read leaves nothing behind.</summary>
    private sealed class CompilationSets
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new();
        private CoveredSets? _sets;

        public CompilationSets(Compilation compilation) => _compilation = compilation;

        public CoveredSets Get(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _sets) is { } known)
            {
                return known;
            }
            lock (_gate)
            {
                return _sets ??= CoveredSets.Read(_compilation, cancellationToken);
            }
        }
    }
}
