using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator;
using RegisterMasks.Shared;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// What a primed driver makes of an edit must be what a new driver makes of the edited code. The
/// declaration snapshot lets a primed driver skip reading the annotations after an edit it judges
/// unable to change them; these tests make the edits that could fool it (a constant in another
/// file, a body edit that moves a diagnostic, a type that takes a generated name, an alias) and
/// compare every generated file and every diagnostic (ID, message, file, span) with a fresh run.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class IncrementalCorrectnessTests
{
    [Fact]
    public void A_constant_edited_in_a_file_without_annotations_changes_the_set_it_names()
    {
        var before = new Code();
        var after = before with { First = 2 };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Contains(TrackingNames.Annotations, Ran(incremental));
        Assert.NotEqual(Fresh(before).SetsSource("N.Sets"), fresh.SetsSource("N.Sets"));
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void A_body_edit_above_a_diagnostic_reads_nothing_again_and_the_analyzer_moves_the_diagnostic()
    {
        var before = new Code { ListsATwice = true };
        var after = before with { ExtraLinesInAnnotatedBody = 3 };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Empty(Ran(incremental)); // a body edit in an annotated file stays on the fast path

        var moved = Assert.Single(incremental.RegisterMaskDiagnostics());
        var original = Assert.Single(Fresh(before).RegisterMaskDiagnostics());
        Assert.Equal(original.Location.GetLineSpan().StartLinePosition.Line + 3, moved.Location.GetLineSpan().StartLinePosition.Line);
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void A_body_edit_in_a_file_without_annotations_reads_nothing_again()
    {
        var before = new Code();
        var after = before with { Factor = 5 };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Empty(Ran(incremental));
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void A_type_added_to_a_file_without_annotations_that_takes_the_mask_name_is_reported()
    {
        var before = new Code();
        var after = before with { TypeNamedLikeTheMask = true };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Contains(incremental.RegisterMaskDiagnostics(), diagnostic => diagnostic.Id == "RM0010" && diagnostic.GetMessage().Contains("RMask"));
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void An_alias_of_an_attribute_is_followed()
    {
        var before = new Code();
        var after = before with { SetThroughAlias = true };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Empty(incremental.RegisterMaskDiagnostics());
        Assert.Equal(Fresh(before).GeneratedCode, fresh.GeneratedCode);
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void An_alias_declared_in_another_file_starts_a_set_written_through_it()
    {
        var before = new Code { SetThroughPlainFileAlias = true };
        var after = before with { AliasInPlainFile = true };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Null(Fresh(before).SetsOf("N.FarSets")); // [FarSet] binds to nothing yet
        Assert.Contains("FAR_SET", fresh.SetsSource("N.FarSets"));
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void A_type_that_starts_shadowing_the_attribute_name_in_another_file_takes_the_sets_away()
    {
        var before = new Code();
        var after = before with { ShadowsTheSetAttribute = true };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.NotNull(Fresh(before).SetsOf("N.Sets"));
        Assert.Null(fresh.SetsOf("N.Sets")); // [RegisterSet] in N is now N's own attribute
        AssertSame(fresh, incremental);
    }

    /// <summary>
    /// An edit of our attributes' arguments reads that file alone again (the other files' models are
    /// the very objects read before), and what depends on it across files still follows: the set of
    /// another file that includes the edited one, over the edited register file.
    /// </summary>
    [Theory]
    [InlineData("a register added to a set")]
    [InlineData("the register file's width")]
    [InlineData("an invalid width")]
    [InlineData("the mask's name")]
    [InlineData("an include in the other file")]
    public void An_edit_of_our_arguments_reads_that_file_alone_and_its_effects_elsewhere_follow(string edit)
    {
        var before = new Code();
        var after = edit switch
        {
            "a register added to a set" => before with { ListsATwice = true },
            "the register file's width" => before with { Width = 16 },
            "an invalid width" => before with { Width = 12 },
            "the mask's name" => before with { MaskName = "Custom" },
            _ => before with { OtherInclude = "NOPE" },
        };

        var (incremental, fresh) = RunBoth(before, after);

        AssertSame(fresh, incremental);
        Assert.NotEqual(Describe(Fresh(before)).Concat(Fresh(before).Sources.Values), Describe(fresh).Concat(fresh.Sources.Values)); // the edit matters
        var edited = edit == "an include in the other file" ? 2 : 1;
        var reused = AnnotationReuseProbe.ReusedTrees(Compile(before), Update(Compile(before), before, after));
        Assert.Equal(new[] { 0, 1, 2 }.Where(index => index != edited), reused);
    }

    [Fact]
    public void Marking_an_alias_takes_its_warning_away_and_gives_the_bit_back_its_name()
    {
        var before = new Code { HasAliasOfB = true };
        var after = before with { AliasMarked = true };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Equal("RM0004", Assert.Single(Fresh(before).RegisterMaskDiagnostics()).Id);
        Assert.Empty(incremental.RegisterMaskDiagnostics());
        Assert.Contains("\"B2\",", Fresh(before).Source("N.RMask.g.cs"));   // the last declared names the bit (in the names by index)...
        Assert.DoesNotContain("\"B2\",", fresh.Source("N.RMask.g.cs"));    // ...unless it is marked an alias
        AssertSame(fresh, incremental);
    }

    [Fact]
    public void A_preprocessor_symbol_defined_in_the_parse_options_is_seen()
    {
        var code = new Code { SetUnderPreprocessorSymbol = true };
        var compilation = Compile(code);
        var primed = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).Driver;
        var withSymbol = GeneratorHarness.Latest.WithPreprocessorSymbols("EXTRA");
        var edited = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(
            compilation.SyntaxTrees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), withSymbol, tree.FilePath)));

        var incremental = GeneratorHarness.Run(primed, edited);

        Assert.Contains("EXTRA_SET", incremental.SetsSource("N.Sets"));
        AssertSame(GeneratorHarness.Run(GeneratorHarness.CreateDriver(), edited), incremental);
    }

    [Fact]
    public void A_changed_reference_reads_the_annotations_again()
    {
        var compilation = Compile(new Code());
        var primed = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).Driver;
        var edited = compilation.RemoveReferences(compilation.References.First());

        var incremental = GeneratorHarness.Run(primed, edited);

        Assert.Contains(TrackingNames.Annotations, Ran(incremental, IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void A_method_typed_in_a_file_without_annotations_reads_nothing_again()
    {
        var before = new Code();
        var after = before with { NewMethod = true };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Empty(Ran(incremental));
        Assert.Equal(new[] { 0, 1, 2 }, AnnotationReuseProbe.ReusedTrees(Compile(before), Update(Compile(before), before, after)));   // no file read again
        AssertSame(fresh, incremental);
    }

    /// <summary>
    /// Top-level edits of a file without annotations built to fool the rule that lets such edits keep
    /// every model (UnseenEdits): each declares, changes or reaches a name the annotations bind, and
    /// must be read again; the outputs must be a fresh run's.
    /// </summary>
    [Theory]
    [InlineData("a type that shadows a namespace a set names", true)]
    [InlineData("a nested enum that shadows the register file", true)]
    [InlineData("an overload of a method named in nameof", false)]
    [InlineData("a using added", false)]
    [InlineData("an enum member's value changed", false)]
    [InlineData("a type named as the mask's extensions", true)]
    [InlineData("a type named as the mask's Ops", true)]
    public void A_top_level_edit_that_an_annotation_can_see_reads_the_annotations_again(string edit, bool changesOutput)
    {
        var before = new Code();
        var after = edit switch
        {
            "a type that shadows a namespace a set names" => before with { TypeShadowsIds = true },
            "a nested enum that shadows the register file" => before with { NestedEnumShadowsR = true },
            "an overload of a method named in nameof" => before with { OverloadOfTwice = true },
            "a using added" => before with { UsingAdded = true },
            "a type named as the mask's extensions" => before with { ExtensionsNameTaken = true },
            "a type named as the mask's Ops" => before with { OpsNameTaken = true },
            _ => before with { PlainEnumValue = true },
        };

        var (incremental, fresh) = RunBoth(before, after);

        Assert.Empty(AnnotationReuseProbe.ReusedTrees(Compile(before), Update(Compile(before), before, after)));   // every file read again
        Assert.Equal(changesOutput, !Describe(Fresh(before)).Concat(Fresh(before).Sources.Values).SequenceEqual(Describe(fresh).Concat(fresh.Sources.Values)));
        AssertSame(fresh, incremental);
    }

    /// <summary>
    /// 60 random edits of every kind above, one after another on the same driver, each checked against
    /// a fresh run. Seeded; REGISTERMASKS_EDITS_SEED=n replays the sequence of another seed.
    /// </summary>
    [Fact]
    public void A_random_sequence_of_edits_gives_what_a_fresh_run_gives_at_every_step()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("REGISTERMASKS_EDITS_SEED"), out var chosen) ? chosen : 20261125;
        var random = new Random(seed);
        var code = new Code();
        var compilation = Compile(code);
        var driver = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).Driver;
        var skipped = 0;

        for (var step = 0; step < 60; step++)
        {
            var edited = Edit(code, random);
            compilation = Update(compilation, code, edited);
            code = edited;
            var incremental = GeneratorHarness.Run(driver, compilation);
            driver = incremental.Driver;
            skipped += Ran(incremental).Contains(TrackingNames.Annotations) ? 0 : 1;

            var fresh = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Unread(compilation));
            AssertSame(fresh, incremental, $"seed {seed}, step {step}: {code}");
        }
        Assert.True(skipped > 5, $"only {skipped} of 60 edits were judged unable to change the annotations (seed {seed})");
    }

    /// <summary>The files the tests edit: one without annotations, two with them, as parameters (<c>ReadingStoreConcurrencyTests</c> edits them too).</summary>
    internal sealed record Code
    {
        public int Factor { get; init; } = 2;
        public int First { get; init; } = 1;
        public bool TypeNamedLikeTheMask { get; init; }
        public int ExtraLinesInAnnotatedBody { get; init; }
        public int Addend { get; init; } = 1;
        public bool ListsATwice { get; init; }
        public bool ListsD { get; init; } = true;
        public bool SetThroughAlias { get; init; }
        public bool SetUnderPreprocessorSymbol { get; init; }
        public bool AliasInPlainFile { get; init; }
        public bool ShadowsTheSetAttribute { get; init; }
        public bool SetThroughPlainFileAlias { get; init; }
        public int Width { get; init; } = 8;
        public string? MaskName { get; init; }
        public string OtherInclude { get; init; } = "FIRST";
        public bool HasAliasOfB { get; init; }
        public bool AliasMarked { get; init; }
        public bool NewMethod { get; init; }
        public bool OverloadOfTwice { get; init; }
        public bool NestedEnumShadowsR { get; init; }
        public bool TypeShadowsIds { get; init; }
        public bool UsingAdded { get; init; }
        public bool PlainEnumValue { get; init; }
        public bool ExtensionsNameTaken { get; init; }
        public bool OpsNameTaken { get; init; }

        public string Plain => $$"""
            namespace Ids
            {
                public static class Index
                {
                    public const int First = {{First}};
                    public static int Twice(int value)
                    {
                        return value * {{Factor}};
                    }
            {{(OverloadOfTwice ? "        public static int Twice(long value) => 0;" : "")}}
                }

                // A type no annotation names: a method typed here cannot change what they read.
                public sealed class Worker
                {
                    public int Run(int value) => value;
            {{(NewMethod ? "        public int Added(int x) => x;" : "")}}
                }

                public enum Plain { P = {{(PlainEnumValue ? 2 : 1)}} }
            }
            namespace N
            {
                // A part of an annotated type, without annotations: what is declared here is seen by the sets on Sets.
                public static partial class Sets
                {
            {{(NestedEnumShadowsR ? "        public enum R { A, B, C, D }" : "")}}
                }
            {{(TypeShadowsIds ? "    public static class Ids { public static class Index { public const int First = 3; } }" : "")}}
            {{(ExtensionsNameTaken ? "    public class RMaskExtensions { }" : "")}}
            {{(OpsNameTaken ? "    public struct RMaskOps { }" : "")}}
            }
            {{(TypeNamedLikeTheMask ? "namespace N { public class RMask { } }" : "")}}
            {{(ShadowsTheSetAttribute ? "namespace N { public sealed class RegisterSetAttribute : System.Attribute { public RegisterSetAttribute(string name, params object[] registers) { } } }" : "")}}
            """;

        /// <summary>A third file: a set over the annotated file's register file, including one of its sets.</summary>
        public string Others => $$"""
            using RegisterMasking;
            namespace N
            {
                [RegisterSet("OTHER", R.B, Include = new[] { "{{OtherInclude}}" })]
                [RegisterSet(nameof(Ids.Index.Twice), R.C)]
                public static partial class OtherSets { }
            }
            """;

        /// <summary>Usings must come first: a global alias, declared in the plain file, that the annotated file may use.</summary>
        public string PlainWithUsings => (AliasInPlainFile ? "global using FarSet = RegisterMasking.RegisterSetAttribute;\n" : "") + (UsingAdded ? "using static System.Math;\n" : "") + Plain;

        public string Annotated => $$"""
            using RegisterMasking;
            {{(SetThroughAlias ? "using Set = RegisterMasking.RegisterSetAttribute;" : "")}}
            namespace N
            {
                public static class Helper
                {
                    public static int Work(int value)
                    {{{string.Concat(Enumerable.Repeat("\n", ExtraLinesInAnnotatedBody))}}
                        return value + {{Addend}};
                    }
                }

                [RegisterFile({{Width}}{{(MaskName is null ? "" : $", MaskName = \"{MaskName}\"")}})] public enum R { A, B, C, D{{(HasAliasOfB ? (AliasMarked ? ", [RegisterAlias] B2 = 1" : ", B2 = 1") : "")}} }

                [{{(SetThroughAlias ? "Set" : "RegisterSet")}}("FIRST", (R)Ids.Index.First{{(ListsATwice ? ", R.A, R.A" : "")}}{{(ListsD ? ", R.D" : "")}})]
                public static partial class Sets { }

                {{(SetThroughPlainFileAlias ? "[FarSet(\"FAR_SET\", R.B)] public static partial class FarSets { }" : "")}}
            {{(SetUnderPreprocessorSymbol ? "#if EXTRA\n    [RegisterSet(\"EXTRA_SET\", R.C)] public static partial class Sets { }\n#endif" : "")}}
            }
            """;
    }

    private static Code Edit(Code code, Random random) => random.Next(24) switch
    {
        23 => code with { OpsNameTaken = !code.OpsNameTaken },
        22 => code with { ExtensionsNameTaken = !code.ExtensionsNameTaken },
        16 => code with { NewMethod = !code.NewMethod },
        17 => code with { OverloadOfTwice = !code.OverloadOfTwice },
        18 => code with { NestedEnumShadowsR = !code.NestedEnumShadowsR },
        19 => code with { TypeShadowsIds = !code.TypeShadowsIds },
        20 => code with { UsingAdded = !code.UsingAdded },
        21 => code with { PlainEnumValue = !code.PlainEnumValue },
        14 => code with { HasAliasOfB = !code.HasAliasOfB },
        15 => code with { AliasMarked = !code.AliasMarked },
        11 => code with { Width = new[] { 8, 16, 12, 128 }[random.Next(4)] },
        12 => code with { MaskName = random.Next(2) == 0 ? null : "Custom" },
        13 => code with { OtherInclude = random.Next(2) == 0 ? "FIRST" : "NOPE" },
        8 => code with { AliasInPlainFile = !code.AliasInPlainFile },
        9 => code with { ShadowsTheSetAttribute = !code.ShadowsTheSetAttribute },
        10 => code with { SetThroughPlainFileAlias = !code.SetThroughPlainFileAlias },
        0 => code with { Factor = code.Factor + 1 },
        1 => code with { First = random.Next(4) },
        2 => code with { TypeNamedLikeTheMask = !code.TypeNamedLikeTheMask },
        3 => code with { ExtraLinesInAnnotatedBody = random.Next(4) },
        4 => code with { Addend = code.Addend + 1 },
        5 => code with { ListsATwice = !code.ListsATwice },
        6 => code with { ListsD = !code.ListsD },
        _ => code with { SetThroughAlias = !code.SetThroughAlias },
    };

    internal static CSharpCompilation Compile(Code code) => GeneratorHarness.Compilation(new[] { code.PlainWithUsings, code.Annotated, code.Others });

    /// <summary>
    /// Replaces only the files whose text changed, as the IDE does: the others stay the same tree objects.
    /// A replaced file keeps its tree's parse options (a preprocessor symbol defined by an earlier edit stays).
    /// </summary>
    internal static CSharpCompilation Update(CSharpCompilation compilation, Code before, Code after)
    {
        foreach (var (path, oldText, newText) in new[] { ("Input0.cs", before.PlainWithUsings, after.PlainWithUsings), ("Input1.cs", before.Annotated, after.Annotated), ("Input2.cs", before.Others, after.Others) })
        {
            if (oldText != newText)
            {
                var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
                compilation = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, (CSharpParseOptions)old.Options, path: path));
            }
        }
        return compilation;
    }

    private static GeneratorRun Fresh(Code code) => GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Unread(Compile(code)));

    private static (GeneratorRun Incremental, GeneratorRun Fresh) RunBoth(Code before, Code after)
    {
        var compilation = Compile(before);
        var primed = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).Driver;
        var edited = Update(compilation, before, after);
        return (GeneratorHarness.Run(primed, edited), GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Unread(edited)));
    }

    /// <summary>Our steps that ran again in a run: those with an output of the given reason (Modified: ran and changed).</summary>
    private static List<string> Ran(GeneratorRun run, IncrementalStepRunReason reason = IncrementalStepRunReason.Modified) =>
        run.Result.TrackedSteps
            .Where(step => step.Key is TrackingNames.Annotations or TrackingNames.Resolution
                && step.Value.SelectMany(stepRun => stepRun.Outputs).Any(output => output.Reason == reason))
            .Select(step => step.Key)
            .ToList();

    private static void AssertSame(GeneratorRun fresh, GeneratorRun incremental, string? context = null)
    {
        Assert.True(fresh.Sources.Count == incremental.Sources.Count && fresh.Sources.All(source =>
            incremental.Sources.TryGetValue(source.Key, out var text) && text == source.Value), $"generated files differ ({context})");
        Assert.Equal(Describe(fresh), Describe(incremental));
    }

    private static IEnumerable<string> Describe(GeneratorRun run) =>
        run.RegisterMaskDiagnostics().Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}");
}

/// <summary>Which files' models a reading took over unchanged from the reading before it (<c>AnnotationReading</c>'s rules).</summary>
internal static class AnnotationReuseProbe
{
    public static List<int> ReusedTrees(Compilation before, Compilation after)
    {
        var first = RegisterMasks.Generator.Incremental.AnnotationReading.Fresh(before, before.SyntaxTrees.ToImmutableArray(), CancellationToken.None);
        var second = RegisterMasks.Generator.Incremental.AnnotationReading.Following(first, after, CancellationToken.None);
        return Enumerable.Range(0, first.Trees.Length).Where(index => ReferenceEquals(first.Trees[index].Models, second.Trees[index].Models)).ToList();
    }
}
