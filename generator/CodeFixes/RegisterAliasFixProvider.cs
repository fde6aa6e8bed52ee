using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>RM0004: marks the later of two registers sharing an index <c>[RegisterAlias]</c>, saying the alias is meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterAliasFixProvider)), Shared]
public sealed class RegisterAliasFixProvider : MemberAttributeFixProvider
{
    public RegisterAliasFixProvider()
        : base(DiagnosticIds.SharedIndex, "RegisterAlias")
    {
    }
}

/// <summary>RM0002: marks a member with a negative value, such as <c>Invalid = -1</c>, <c>[NotARegister]</c>: a sentinel, which gets no bit.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotARegisterFixProvider)), Shared]
public sealed class NotARegisterFixProvider : MemberAttributeFixProvider
{
    public NotARegisterFixProvider()
        : base(DiagnosticIds.NegativeIndex, "NotARegister")
    {
    }
}

/// <summary>
/// Puts one of our attributes on the enum member a diagnostic points at, on the member's own line,
/// named so that it binds to ours there (<see cref="AttributeNames"/>; the enum's
/// <c>[RegisterFile]</c> shows how the user writes our names).
/// </summary>
public abstract class MemberAttributeFixProvider : SyntaxEditFixProvider
{
    private readonly string _attribute;
    private readonly string _key;

    protected MemberAttributeFixProvider(string id, string attribute)
    {
        FixableDiagnosticIds = ImmutableArray.Create(id);
        _attribute = attribute;
        _key = "RegisterMasks.Mark" + attribute;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    protected sealed override bool UsesSemanticModel => true;

    protected sealed override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<EnumMemberDeclarationSyntax>() is { } member)
        {
            yield return new Fix($"Mark '{member.Identifier.ValueText}' [{_attribute}]", _key);
        }
    }

    protected sealed override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var member = FixSyntax.NodeOf(context.Root, diagnostic).FirstAncestorOrSelf<EnumMemberDeclarationSyntax>()!;
        var sibling = member.Parent is EnumDeclarationSyntax declaration ? FixSyntax.RegisterFileAttribute(declaration) : null;
        var attribute = context.Model is null ? AttributeNames.Global(_attribute, null) : context.Names.Attribute(_attribute, null, member.SpanStart, sibling);
        editor.ReplaceNode(member, (node, _) => FixSyntax.WithMemberAttribute((EnumMemberDeclarationSyntax)node, attribute, _attribute));
    }
}
