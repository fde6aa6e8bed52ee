using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.Text;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Runs a refactoring as an IDE does: the sources are documents of an <see cref="AdhocWorkspace"/>
/// project that references the generator, so the workspace's compilation holds our output (the masks
/// and constants the refactoring recognises); the action offered at a marked span is applied to the
/// solution, and the result is every source's text.
/// </summary>
internal static class RefactoringHarness
{
    /// <summary>The titles offered at the first occurrence of <paramref name="at"/> in source <paramref name="index"/>.</summary>
    public static async Task<List<string>> TitlesAsync(CodeRefactoringProvider provider, int index, string at, params string[] sources) =>
        (await ActionsAsync(provider, TestWorkspace.Project(sources, withGenerator: true).Documents.Single(document => document.Name == $"Input{index}.cs"), SpanOf(sources[index], at))).Select(action => action.Title).ToList();

    /// <summary>The sources after the first action offered at <paramref name="at"/> in source <paramref name="index"/>.</summary>
    public static Task<string[]> ApplyAsync(CodeRefactoringProvider provider, int index, string at, params string[] sources) =>
        ApplyAsync(provider, index, SpanOf(sources[index], at), sources);

    /// <summary>The sources after the first action offered at <paramref name="span"/>, or null when none is.</summary>
    public static async Task<string[]?> TryApplyAsync(CodeRefactoringProvider provider, int index, TextSpan span, params string[] sources)
    {
        var project = TestWorkspace.Project(sources, withGenerator: true);
        var document = project.Documents.Single(candidate => candidate.Name == $"Input{index}.cs");
        return (await ActionsAsync(provider, document, span)).FirstOrDefault() is { } action ? await TextsAfterAsync(project, action) : null;
    }

    private static async Task<string[]> ApplyAsync(CodeRefactoringProvider provider, int index, TextSpan span, string[] sources)
    {
        var project = TestWorkspace.Project(sources, withGenerator: true);
        var document = project.Documents.Single(candidate => candidate.Name == $"Input{index}.cs");
        return await TextsAfterAsync(project, (await ActionsAsync(provider, document, span)).First());
    }

    private static async Task<string[]> TextsAfterAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
        var texts = new List<string>();
        foreach (var changedDocument in changed.Documents.OrderBy(candidate => candidate.Name, StringComparer.Ordinal))
        {
            texts.Add((await changedDocument.GetTextAsync()).ToString());
        }
        return texts.ToArray();
    }

    private static TextSpan SpanOf(string source, string at)
    {
        var start = source.IndexOf(at, StringComparison.Ordinal);
        return start >= 0 ? new TextSpan(start, at.Length) : throw new ArgumentException($"'{at}' is not in the source", nameof(at));
    }

    private static async Task<List<CodeAction>> ActionsAsync(CodeRefactoringProvider provider, Document document, TextSpan span)
    {
        var actions = new List<CodeAction>();
        await provider.ComputeRefactoringsAsync(new CodeRefactoringContext(document, span, actions.Add, CancellationToken.None));
        return actions;
    }
}
