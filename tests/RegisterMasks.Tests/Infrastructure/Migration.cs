using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.CodeFixes;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Migrates sources as a user in an IDE would, with what the package offers and nothing else: Fix All
/// (solution) for every diagnostic a fix changes, the generator's own first (until the width fits no
/// mask exists for the rest to use), and "Convert to [RegisterSet]" wherever it is offered.
/// </summary>
internal sealed class Migration
{
    /// <summary>What was applied, in order: "Fix All RM0001 (9)", "Convert NAME".</summary>
    public List<string> Applied { get; } = new();

    /// <summary>The sources once fixing the generator's own diagnostics let them compile (the masks exist, nothing converted yet).</summary>
    public string[]? Compiling { get; private set; }

    public async Task<string[]> RunAsync(string[] sources)
    {
        for (var round = 0; round < 6; round++)
        {
            var start = sources;
            sources = await FixAllAsync(id => string.CompareOrdinal(id, "RM0021") < 0, sources);
            Compiling ??= sources;
            sources = await ConvertEverywhereAsync(sources);
            sources = await FixAllAsync(id => string.CompareOrdinal(id, "RM0021") >= 0, sources);
            if (start.SequenceEqual(sources))
            {
                break;
            }
        }
        return sources;
    }

    /// <summary>Every RM diagnostic, of the generator's analyzer and the usage analyzer, in the user's sources.</summary>
    public static List<Diagnostic> Diagnostics(string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        return run.RegisterMaskDiagnostics().Concat(AnalyzerHarness.AnalyzeUsage(run.Output)).ToList();
    }

    /// <summary>"RM0001 x9, RM0007 x1": diagnostics counted by ID.</summary>
    public static string Counts(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} x{group.Count()}"));

    /// <summary>
    /// Fix All (solution) with the first fix of the first diagnostic of the lowest ID that
    /// <paramref name="ids"/> takes, again until no such diagnostic is left that a fix changes.
    /// </summary>
    private async Task<string[]> FixAllAsync(Func<string, bool> ids, string[] sources)
    {
        var stuck = new HashSet<string>();
        while (true)
        {
            var next = Diagnostics(sources).Where(diagnostic => ids(diagnostic.Id) && !stuck.Contains(diagnostic.Id) && Providers.ContainsKey(diagnostic.Id))
                .GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal).FirstOrDefault();
            if (next is null)
            {
                return sources;
            }
            var fixedSources = await new CodeFixHarness(Providers[next.Key], next.Key).FixAllAsync(FixAllScope.Solution, 0, null, sources);
            if (fixedSources.SequenceEqual(sources))
            {
                stuck.Add(next.Key);
                continue;
            }
            Applied.Add($"Fix All {next.Key} ({next.Count()})");
            sources = fixedSources;
        }
    }

    /// <summary>
    /// "Convert to [RegisterSet]" at each place it may be offered (a field's name, a method's or property's
    /// name, a returned expression), one at a time, since each conversion changes the others' files.
    /// </summary>
    private async Task<string[]> ConvertEverywhereAsync(string[] sources)
    {
        var refactoring = new ConvertToRegisterSetRefactoring();
        var declined = new HashSet<(int, string)>();
        while (true)
        {
            var candidate = sources.SelectMany((source, index) => Candidates(source).Select(place => (Index: index, place.Key, place.Span)))
                .FirstOrDefault(place => !declined.Contains((place.Index, place.Key)));
            if (candidate.Key is null)
            {
                return sources;
            }
            if (await RefactoringHarness.TryApplyAsync(refactoring, candidate.Index, candidate.Span, sources) is { } converted && !converted.SequenceEqual(sources))
            {
                Applied.Add("Convert " + candidate.Key);
                sources = converted;
            }
            else
            {
                declined.Add((candidate.Index, candidate.Key));
            }
        }
    }

    /// <summary>The places of one source where a constant union may stand, each with a key that names it across edits.</summary>
    private static IEnumerable<(string Key, TextSpan Span)> Candidates(string source)
    {
        foreach (var node in CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } field:
                    yield return (field.Identifier.ValueText, field.Identifier.Span);
                    break;
                case MethodDeclarationSyntax method:
                    yield return (method.Identifier.ValueText + "()", method.Identifier.Span);
                    break;
                case PropertyDeclarationSyntax property:
                    yield return (property.Identifier.ValueText, property.Identifier.Span);
                    break;
                case ReturnStatementSyntax { Expression: { } returned } statement:
                    var owner = statement.Ancestors().Select(ancestor => ancestor switch
                    {
                        MethodDeclarationSyntax method => method.Identifier.ValueText,
                        PropertyDeclarationSyntax property => property.Identifier.ValueText,
                        _ => null,
                    }).FirstOrDefault(name => name is not null);
                    yield return ($"return {string.Join(" ", returned.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))} in {owner}", returned.Span);
                    break;
            }
        }
    }

    /// <summary>Every code fix in the package, by the IDs it fixes.</summary>
    private static readonly Dictionary<string, CodeFixProvider> Providers = typeof(ConvertToRegisterSetRefactoring).Assembly.GetTypes()
        .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .SelectMany(provider => provider.FixableDiagnosticIds.Select(id => (Id: id, Provider: provider)))
        .ToDictionary(pair => pair.Id, pair => pair.Provider);
}
