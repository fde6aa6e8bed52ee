using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// The shape of every fix here: a fix is a set of edits on a <see cref="SyntaxEditor"/>, keyed on
/// the original tree, so that one fix and Fix All (document, project, solution) run the same code.
/// The editor composes several edits of one node; each edit is written to be idempotent, so a node
/// that two diagnostics point at (two registers past one width) is changed once.
/// </summary>
public abstract class SyntaxEditFixProvider : CodeFixProvider
{
    /// <summary>One way to fix a diagnostic: its title, its equivalence key (what Fix All applies), and its edit.</summary>
    protected sealed record Fix(string Title, string EquivalenceKey);

    /// <summary>The fixes offered for a diagnostic, best first; none when its syntax is not what the fix expects.</summary>
    protected abstract IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>What an edit sees of its document: the original root, and the semantic model when <see cref="UsesSemanticModel"/>.</summary>
    protected sealed record EditContext(SyntaxNode Root, SemanticModel? Model, CancellationToken CancellationToken)
    {
        private AttributeNames? _names;

        /// <summary>How our attributes are named in this document (one per document, so Fix All decides once per scope).</summary>
        internal AttributeNames Names => _names ??= new AttributeNames(Model!, CancellationToken);
    }

    /// <summary>Whether the edits bind names (to write ours so that they bind to ours: <see cref="AttributeNames"/>); most edit syntax only.</summary>
    protected virtual bool UsesSemanticModel => false;

    /// <summary>Applies the fix named by <paramref name="equivalenceKey"/> to one diagnostic.</summary>
    protected abstract void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey);

    /// <summary>Fix All's edits for many diagnostics of one document; by default each edited on its own.</summary>
    protected virtual void EditAll(SyntaxEditor editor, EditContext context, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (FixesFor(context.Root, diagnostic).Any(fix => fix.EquivalenceKey == equivalenceKey))
            {
                Edit(editor, context, diagnostic, equivalenceKey);
            }
        }
    }

    /// <summary>The edited root, with the usings an edit asked for (<see cref="AttributeNames.WithUsings"/>).</summary>
    private static SyntaxNode Changed(SyntaxEditor editor) => AttributeNames.WithUsings(editor.GetChangedRoot());

    private async Task<EditContext> ContextAsync(Document document, SyntaxNode root, CancellationToken cancellationToken) =>
        new(root, UsesSemanticModel ? await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) : null, cancellationToken);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || context.CodeActionEquivalenceKey is not { } key)
            {
                return document;
            }
            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            EditAll(editor, await ContextAsync(document, root, context.CancellationToken).ConfigureAwait(false), diagnostics, key);
            return document.WithSyntaxRoot(Changed(editor));
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in FixesFor(root, diagnostic))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellationToken => Apply(document, diagnostic, fix.EquivalenceKey, cancellationToken), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private async Task<Document> Apply(Document document, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }
        var editor = new SyntaxEditor(root, document.Project.Solution.Services);
        Edit(editor, await ContextAsync(document, root, cancellationToken).ConfigureAwait(false), diagnostic, equivalenceKey);
        return document.WithSyntaxRoot(Changed(editor));
    }
}
