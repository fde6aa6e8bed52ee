using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Top-level equivalence is answered once per pair of trees (<see cref="TopLevelEquivalence"/>). Each test first
/// has an answer kept for a tree, then asks about that tree with another partner, where the kept answer is wrong.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class TopLevelEquivalenceTests
{
    private static SyntaxTree Tree(string text) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.Latest, "Same.cs");

    private const string Body2 = "public class C { public int M() { return 2; } }";
    private const string Body3 = "public class C { public int M() { return 3; } }";
    private const string NewMember = "public class C { public int M() { return 2; } public int N; }";

    [Fact]
    public void A_kept_same_is_not_the_answer_for_another_older_tree()
    {
        var after = Tree(Body3);
        Assert.True(TopLevelEquivalence.Of(Tree(Body2), after));     // a body edit
        Assert.False(TopLevelEquivalence.Of(Tree(NewMember), after));  // the same tree against one with a member more
    }

    [Fact]
    public void A_kept_different_is_not_the_answer_for_another_older_tree()
    {
        var after = Tree(Body3);
        Assert.False(TopLevelEquivalence.Of(Tree(NewMember), after));
        Assert.True(TopLevelEquivalence.Of(Tree(Body2), after));
    }

    [Fact]
    public void The_same_pair_asked_again_gets_the_same_answer_and_each_direction_its_own()
    {
        var (before, after) = (Tree(Body2), Tree(NewMember));
        Assert.False(TopLevelEquivalence.Of(before, after));
        Assert.False(TopLevelEquivalence.Of(before, after));
        Assert.False(TopLevelEquivalence.Of(after, before));
        var bodyOnly = Tree(Body3);
        Assert.True(TopLevelEquivalence.Of(before, bodyOnly));
        Assert.True(TopLevelEquivalence.Of(bodyOnly, before));
    }
}
