using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.Generator;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;
using RegisterMasks.Tests.Fixtures;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The analyzer takes the reading the generator made of the same user code (a build's case), builds on
/// an earlier reading after an edit (an editor's), and reads for itself otherwise; every way it reports
/// the same, and never a location of an older tree.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class SharedReadingTests
{
    [Fact]
    public void The_analyzer_of_the_output_takes_the_models_the_generator_read()
    {
        var run = GeneratorHarness.Run(KvmMigration.Sources);
        var read = (AnnotationModels)run.Result.TrackedSteps[TrackingNames.Annotations].Single().Outputs.Single().Value;

        Assert.Same(read, AnnotationReading.Of(run.Output, CancellationToken.None).Models);
        Assert.Same(ReadingStore.Resolve(read, CancellationToken.None), ReadingStore.Resolve(read, CancellationToken.None));   // resolved once
        var otherReferences = AnnotationReading.Of(run.Output.RemoveReferences(run.Output.References.First()), CancellationToken.None);
        Assert.False(otherReferences.Reused);                                                                                 // read afresh
        Assert.NotSame(read, otherReferences.Models);
    }

    /// <param name="typedInTheEditor">The edited tree made as a workspace makes it (the old tree with the typed change, whose text
    /// records the change, <see cref="TreeMapping"/>'s way in); otherwise parsed afresh from the new text (compared instead).</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void After_a_body_edit_the_generator_keeps_its_models_and_the_analyzer_moves_their_locations(bool typedInTheEditor)
    {
        var before = new[] { "using RegisterMasking;\nnamespace N;\npublic static class Helper { public static int F(int x) { return x; } }\n[RegisterFile(8)] public enum R { A, B = 0 }\n" };
        var primed = GeneratorHarness.Run(before);
        var old = primed.Input.SyntaxTrees.Single();
        var typed = typedInTheEditor
            ? old.WithChangedText(old.GetText().WithChanges(new TextChange(new TextSpan(before[0].IndexOf("return x;", StringComparison.Ordinal), 0), "\n\n\n")))
            : GeneratorHarness.ReplaceTree(primed.Input, "Input0.cs", before[0].Replace("return x;", "\n\n\nreturn x;")).SyntaxTrees.Single();

        var incremental = GeneratorHarness.Run(primed.Driver, primed.Input.ReplaceSyntaxTree(old, typed));

        var reading = AnnotationReading.Of(incremental.Output, CancellationToken.None);
        Assert.Same(primed.Result.TrackedSteps[TrackingNames.Annotations].Single().Outputs.Single().Value, reading.Models);   // nothing read again
        Assert.NotSame(reading.Trees[0].Tree, reading.Trees[0].ReadFrom);
        var moved = Assert.Single(incremental.RegisterMaskDiagnostics());
        Assert.Equal(Assert.Single(primed.RegisterMaskDiagnostics()).Location.GetLineSpan().StartLinePosition.Line + 3, moved.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("B", typed.GetText().ToString(moved.Location.SourceSpan));   // the alias, where it now is
    }

    public static IEnumerable<object[]> CaseNames() => DiagnosticSnapshotTests.CaseNames();

    /// <summary>Every diagnostic's case (one per descriptor), read both ways: the same IDs, messages, files and spans.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Taken_and_read_afresh_the_analyzer_reports_the_same(string name)
    {
        var run = GeneratorHarness.Run("using RegisterMasking;\nnamespace D;\n" + DiagnosticSnapshotTests.Cases[name]);
        Assert.Equal(Describe(AnalyzerHarness.AnalyzeUnshared(run.Output)), Describe(run.AnalyzerDiagnostics));
    }

    [Fact]
    public void The_migration_fixture_is_reported_the_same_both_ways()
    {
        var run = GeneratorHarness.Run(KvmMigration.Sources);
        Assert.Same(run.Result.TrackedSteps[TrackingNames.Annotations].Single().Outputs.Single().Value, AnnotationReading.Of(run.Output, CancellationToken.None).Models);
        Assert.Equal(Describe(AnalyzerHarness.AnalyzeUnshared(run.Output)), Describe(run.AnalyzerDiagnostics));
        Assert.NotEmpty(run.AnalyzerDiagnostics);
    }

    private static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}").Order(StringComparer.Ordinal);
}
