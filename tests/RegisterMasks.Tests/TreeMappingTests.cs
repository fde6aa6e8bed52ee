using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// <see cref="TreeMapping"/> moves a location read from an older version of a tree to the current one. It takes the
/// changes from an editor's text when the text knows them, and compares the two texts otherwise. Every span of the old
/// text is tried: one it maps must hold the same text at its new place, and one wholly before or after every change must
/// map. The inputs are built to fool the shortcut: several changes in one edit, a chain of edits, an edit that puts back
/// what was there, and texts that share nothing with each other's history.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class TreeMappingTests
{
    private const string Original = "class C\n{\n    [Attr(\"S1\", 1)] int F() { return 2; }\n    [Attr(\"S2\", 3)] int G() { return 4; }\n}\n";

    private static SyntaxTree Tree(SourceText text) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.Latest, "Mapped.cs");

    private static SourceText Edited(SourceText text, params (string Old, string New)[] edits) =>
        text.WithChanges(edits.Select(edit =>
        {
            var at = text.ToString().IndexOf(edit.Old, StringComparison.Ordinal);
            Assert.True(at >= 0, edit.Old);
            return new TextChange(new TextSpan(at, edit.Old.Length), edit.New);
        }));

    public static TheoryData<string> Edits() => new() { "one change", "two changes at once", "two edits in a row", "an edit undone", "a change to the same text", "an unrelated text" };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_span_it_maps_holds_the_same_text_and_every_span_away_from_the_change_maps(string edit)
    {
        var before = SourceText.From(Original);
        var after = edit switch
        {
            // Replacements whose first and last characters differ from the text they replace, so that a mapping one
            // character too generous at either end moves text that is not there any more.
            "one change" => Edited(before, ("return 2;", "{ }")),
            "two changes at once" => Edited(before, ("return 2;", "{ }"), ("return 4;", "")),
            "two edits in a row" => Edited(Edited(before, ("return 2;", "{ }")), ("return 4;", "x")),
            "an edit undone" => Edited(Edited(before, ("return 2;", "{ }")), ("{ }", "return 2;")),
            "a change to the same text" => Edited(before, ("return 2;", "return 2;")),
            _ => SourceText.From(Original.Replace("return 2;", "{ }", StringComparison.Ordinal)),
        };
        var mapping = TreeMapping.Between(Tree(before), Tree(after));
        // Where the texts differ, by comparison: a mapping may keep less than this, never more.
        var (old, current) = (before.ToString(), after.ToString());
        var prefix = 0;
        while (prefix < Math.Min(old.Length, current.Length) && old[prefix] == current[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < Math.Min(old.Length, current.Length) - prefix && old[^(suffix + 1)] == current[^(suffix + 1)])
        {
            suffix++;
        }
        // The text the edit replaced, in the old text: from the first statement it changed to the last (all of the
        // text's difference for the unrelated text). Every span wholly outside it must map.
        var (typedStart, typedEnd) = edit switch
        {
            "an unrelated text" => (prefix, old.Length - suffix),
            "two changes at once" or "two edits in a row" => (old.IndexOf("return 2;", StringComparison.Ordinal), old.IndexOf("return 4;", StringComparison.Ordinal) + "return 4;".Length),
            _ => (old.IndexOf("return 2;", StringComparison.Ordinal), old.IndexOf("return 2;", StringComparison.Ordinal) + "return 2;".Length),
        };

        for (var start = 0; start <= old.Length; start++)
        {
            for (var end = start; end <= old.Length; end++)
            {
                var span = TextSpan.FromBounds(start, end);
                if (mapping.TryMap(span, out var moved))
                {
                    Assert.True(moved.End <= current.Length && old.Substring(span.Start, span.Length) == current.Substring(moved.Start, moved.Length),
                        $"{span} mapped to {moved}, which holds other text");
                    Assert.True(end <= prefix || start >= old.Length - suffix, $"{span} reaches into the changed text {prefix}..{old.Length - suffix} and was mapped");
                }
                else
                {
                    Assert.False(end <= typedStart || start >= typedEnd, $"{span} is away from the change {typedStart}..{typedEnd} and was not mapped");
                }
            }
        }
    }

    /// <summary>
    /// Keystroke after keystroke, a reading keeps the version its models were read from, and each entry's mapping is the
    /// last one composed with one step (<see cref="TreeMapping.Of"/>). Typed here as an editor types: text added, deleted,
    /// put back, in two bodies, and one version parsed afresh (no history, so that step is compared). After every step,
    /// every span of the version read is tried against the current text, as in the test above; and the composed mapping
    /// must keep every span before the first body edited and after the last.
    /// </summary>
    [Fact]
    public void A_chain_of_keystrokes_composes_each_step_with_the_mapping_before()
    {
        var read = Tree(SourceText.From(Original));
        var steps = new (string Old, string New)[]
        {
            ("return 2;", "return 2 ;"), ("2 ;", "2 + 1;"), ("return 4;", "return 44;"), ("2 + 1;", "2;"), ("44;", "4;"),
            ("return 2;", "{ }"), ("{ }", "return 2;"), ("return 4;", "return x + y;"),
        };
        var (previous, old) = (read, Original);
        var edited = new List<(int Start, int End)>();   // where the steps typed, in the version read
        for (var i = 0; i < steps.Count(); i++)
        {
            var text = Edited(previous.GetText(), steps[i]);
            // The fourth step's tree is parsed afresh: its text shares no history with the one before.
            var current = i == 3 ? Tree(SourceText.From(text.ToString())) : previous.WithChangedText(text);
            var bodyInRead = old.IndexOf(steps[i].Old.StartsWith("return 4", StringComparison.Ordinal) || steps[i].Old.StartsWith("44", StringComparison.Ordinal) ? "return 4;" : "return 2;", StringComparison.Ordinal);
            edited.Add((bodyInRead, bodyInRead + "return 2;".Length));
            TreeMapping.Continued(read, previous, current);
            var mapping = TreeMapping.Of(new TreeReading(current, read, AnnotationModels.None, null));
            var now = current.GetText().ToString();

            for (var start = 0; start <= old.Length; start++)
            {
                for (var end = start; end <= old.Length; end++)
                {
                    var span = TextSpan.FromBounds(start, end);
                    if (mapping.TryMap(span, out var moved))
                    {
                        Assert.True(moved.End <= now.Length && old.Substring(span.Start, span.Length) == now.Substring(moved.Start, moved.Length),
                            $"step {i}: {span} mapped to {moved}, which holds other text");
                    }
                    else
                    {
                        // One mapping keeps a prefix and a suffix: what lies between the first body edited and the last is given up.
                        var (first, last) = (edited.Min(body => body.Start), edited.Max(body => body.End));
                        Assert.False(end <= first || start >= last, $"step {i}: {span} is away from the bodies edited ({first}..{last}) and was not mapped");
                    }
                }
            }
            if (i == 4)
            {
                // The text is the version read again, which a comparison would map whole: the composed mapping still gives up
                // the bodies edited since, so it was composed from the steps, not compared.
                Assert.Equal(Original, now);
                Assert.False(mapping.TryMap(new TextSpan(Original.IndexOf("[Attr(\"S2\"", StringComparison.Ordinal), 4), out _));
            }
            previous = current;
        }
    }

    [Fact]
    public void Compose_keeps_what_both_keep()
    {
        var (a, b, c) = (SourceText.From("0123456789"), SourceText.From("01xx3456789"), SourceText.From("01xx34567yy9"));
        var first = TreeMapping.Between(Tree(a), Tree(b));    // "2" became "xx": kept 0..2, and 3.. moved by one
        var second = TreeMapping.Between(Tree(b), Tree(c));   // "8" became "yy": kept 0..9 of b, and 10.. moved by one
        var both = TreeMapping.Compose(first, second);

        Assert.True(both.TryMap(new TextSpan(0, 2), out var start) && start == new TextSpan(0, 2));
        Assert.True(both.TryMap(new TextSpan(9, 1), out var end) && end == new TextSpan(11, 1));   // "9", two further on
        Assert.False(both.TryMap(new TextSpan(3, 1), out _));                                       // "3": between the changes
        Assert.Same(first, TreeMapping.Compose(first, TreeMapping.Identity));
        Assert.Same(second, TreeMapping.Compose(TreeMapping.Identity, second));
    }

    /// <summary>Texts that share no history are compared a block of 4,096 characters at a time: a change at a block's edge.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(9999)]
    public void Unrelated_texts_map_every_character_but_the_changed_one(int changed)
    {
        var old = new string('a', 10_000);
        var current = old[..changed] + "bb" + old[(changed + 1)..];   // one character replaced by two
        var mapping = TreeMapping.Between(Tree(SourceText.From(old)), Tree(SourceText.From(current)));

        for (var i = 0; i < old.Length; i++)
        {
            var mapped = mapping.TryMap(new TextSpan(i, 1), out var moved);
            Assert.True(mapped == (i != changed), $"character {i}: mapped {mapped}");
            Assert.True(!mapped || moved.Start == (i < changed ? i : i + 1), $"character {i} moved to {moved.Start}");
        }
    }
}
