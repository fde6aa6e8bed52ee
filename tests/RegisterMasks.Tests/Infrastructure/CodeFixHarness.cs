using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Runs a code fix as an IDE does: the sources are documents of an <see cref="AdhocWorkspace"/>
/// project; their diagnostics come from the generator and analyzer over the same text (as the
/// editor's would); the fix's actions are collected from its provider, and one, or its Fix All,
/// is applied to the solution. Every result is the fixed sources' text.
/// </summary>
internal sealed class CodeFixHarness
{
    private readonly CodeFixProvider _provider;
    private readonly string _id;

    public CodeFixHarness(CodeFixProvider provider, string id)
    {
        _provider = provider;
        _id = id;
    }

    /// <summary>The diagnostics of <see cref="_id"/> in the user's sources, in file and position order.</summary>
    public static List<Diagnostic> Diagnostics(string id, params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        return run.RegisterMaskDiagnostics().Concat(AnalyzerHarness.AnalyzeUsage(run.Output))
            .Where(diagnostic => diagnostic.Id == id)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToList();
    }

    /// <summary>The titles of the actions offered for the diagnostic at <paramref name="index"/>.</summary>
    public async Task<List<string>> TitlesAsync(int index, params string[] sources)
    {
        var (document, diagnostic) = Open(index, sources);
        return (await ActionsAsync(document, diagnostic)).Select(action => action.Title).ToList();
    }

    /// <summary>Applies the action titled <paramref name="title"/> (the first when null) to the diagnostic at <paramref name="index"/>.</summary>
    public async Task<string[]> ApplyAsync(int index, string? title, params string[] sources)
    {
        var (document, diagnostic) = Open(index, sources);
        var actions = await ActionsAsync(document, diagnostic);
        var action = title is null ? actions.First() : actions.Single(candidate => candidate.Title == title);
        return await TextsAfterAsync(document.Project.Solution, action);
    }

    /// <summary>Fix All for the equivalence key of the first action on the diagnostic at <paramref name="index"/>, in <paramref name="scope"/>.</summary>
    public async Task<string[]> FixAllAsync(FixAllScope scope, int index, string? title, params string[] sources)
    {
        var (document, diagnostic) = Open(index, sources);
        var actions = await ActionsAsync(document, diagnostic);
        var key = (title is null ? actions.First() : actions.Single(candidate => candidate.Title == title)).EquivalenceKey;
        var all = DiagnosticsByPath(sources);
        var context = new FixAllContext(document, _provider, scope, key, new[] { _id }, new Provider(all), CancellationToken.None);
        var fix = await _provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(fix);
        return await TextsAfterAsync(document.Project.Solution, fix!);
    }

    private (Document Document, Diagnostic Diagnostic) Open(int index, string[] sources)
    {
        var diagnostic = Diagnostics(_id, sources)[index];
        var project = TestWorkspace.Project(sources, withGenerator: true);   // as an IDE's: fixes bind names against our output
        var document = project.Documents.Single(candidate => candidate.FilePath == diagnostic.Location.SourceTree!.FilePath);
        return (document, Relocate(diagnostic, document));
    }

    private async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await _provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<string[]> TextsAfterAsync(Solution solution, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var project = changed.Projects.Single();
        var texts = new List<string>();
        foreach (var document in project.Documents.OrderBy(document => document.FilePath, StringComparer.Ordinal))
        {
            texts.Add((await document.GetTextAsync()).ToString());
        }
        return texts.ToArray();
    }

    /// <summary>The diagnostic, located in the document's own tree (the same text, so the same span).</summary>
    private static Diagnostic Relocate(Diagnostic diagnostic, Document document) =>
        Relocate(diagnostic, document.GetSyntaxTreeAsync().GetAwaiter().GetResult()!);

    /// <summary>Same ID, span, properties and message text, in another tree (the message kept as text: its arguments are not public).</summary>
    private static Diagnostic Relocate(Diagnostic diagnostic, SyntaxTree tree)
    {
        var descriptor = new DiagnosticDescriptor(diagnostic.Id, diagnostic.Descriptor.Title, "{0}", diagnostic.Descriptor.Category, diagnostic.Severity, isEnabledByDefault: true);
        return Diagnostic.Create(descriptor, Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties, diagnostic.GetMessage());
    }

    private Dictionary<string, List<Diagnostic>> DiagnosticsByPath(string[] sources) =>
        Diagnostics(_id, sources).GroupBy(diagnostic => diagnostic.Location.SourceTree!.FilePath).ToDictionary(group => group.Key, group => group.ToList());

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly Dictionary<string, List<Diagnostic>> _byPath;

        public Provider(Dictionary<string, List<Diagnostic>> byPath) => _byPath = byPath;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _byPath.TryGetValue(document.FilePath!, out var found)
                ? found.Select(diagnostic => Relocate(diagnostic, tree!)).ToList()
                : Enumerable.Empty<Diagnostic>();
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var all = new List<Diagnostic>();
            foreach (var document in project.Documents)
            {
                all.AddRange(await GetDocumentDiagnosticsAsync(document, cancellationToken));
            }
            return all;
        }
    }
}
