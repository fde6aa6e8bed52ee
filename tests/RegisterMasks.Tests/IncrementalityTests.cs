using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator;
using RegisterMasks.Generator.Model;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The generator must cost nothing at a keystroke that does not touch its annotations: every
/// step of ours is Cached or Unchanged after such an edit, and models hold nothing that would
/// keep them unequal (or keep old compilations alive).
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class IncrementalityTests
{
    /// <summary>The steps whose values are models: plain data, nothing of the compilation.</summary>
    private static readonly string[] ModelSteps =
    {
        TrackingNames.Annotations, TrackingNames.Resolution,
        TrackingNames.Masks, TrackingNames.SetOutputs, TrackingNames.SetFragments, TrackingNames.Catalogs, TrackingNames.CatalogFragments, TrackingNames.FileFragments, TrackingNames.SetFiles,
    };

    /// <summary>Every step of ours: the models' steps, and the declaration snapshot that gates them.</summary>
    private static readonly string[] OurSteps = ModelSteps.Prepend(TrackingNames.Declarations).ToArray();

    private const string Unrelated = "namespace Elsewhere { public static class Helper { public static int Answer() => 42; } }";

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var unrelatedPath = compilation.SyntaxTrees.Single(tree => tree.ToString() == Unrelated).FilePath;
        var edited = GeneratorHarness.ReplaceTree(compilation, unrelatedPath, Unrelated.Replace("42", "43"));

        var second = GeneratorHarness.Run(driver, edited);

        foreach (var step in OurSteps)
        {
            var reasons = Reasons(second, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} ran with {reason} after an unrelated edit"));
        }
    }

    [Fact]
    public void Adding_an_unrelated_file_reads_the_annotations_again_into_the_same_models()
    {
        var (driver, compilation) = FirstRun();
        var second = GeneratorHarness.Run(driver, compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("public class Another { }", GeneratorHarness.Latest, path: "Another.cs")));

        // A new file brings new declarations (a type of the same name as a register file could hide it),
        // so the annotations are read again; they read the same, and nothing after them runs.
        Assert.All(Reasons(second, TrackingNames.Declarations), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        foreach (var step in ModelSteps)
        {
            Assert.All(Reasons(second, step), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }
    }

    [Fact]
    public void Editing_one_set_regenerates_only_that_types_constants()
    {
        var (driver, compilation) = FirstRun();
        var backends = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input1.cs").ToString();
        var edited = GeneratorHarness.ReplaceTree(compilation, "Input1.cs", backends.Replace(
            "[RegisterSet(\"SVM_REGS_LAZY_LOAD_SET\", VcpuReg.VCPU_EXREG_PDPTR,",
            "[RegisterSet(\"SVM_REGS_LAZY_LOAD_SET\", VcpuReg.VCPU_EXREG_PDPTR, VcpuReg.VCPU_EXREG_CR3,"));

        var second = GeneratorHarness.Run(driver, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.Resolution));
        Assert.All(Reasons(second, TrackingNames.Masks), reason => Assert.NotEqual(IncrementalStepRunReason.Modified, reason));
        var setOutputs = second.Result.TrackedSteps[TrackingNames.SetOutputs].SelectMany(step => step.Outputs).ToList();
        Assert.Single(setOutputs, output => output.Reason == IncrementalStepRunReason.Modified);
        // Rendered again: that type's constants alone; the namespace's file is joined again from the pieces.
        var fragments = second.Result.TrackedSteps[TrackingNames.SetFragments].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(4, fragments.Count);
        Assert.Single(fragments, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("partial class Svm", Assert.Single(fragments, output => output.Reason == IncrementalStepRunReason.Modified).Value.ToString());
        Assert.Contains("VCPU_EXREG_CR3", second.SetsSource("KvmSample.Svm"));
    }

    [Fact]
    public void Editing_a_set_in_one_namespace_changes_only_that_namespaces_file()
    {
        const string One = "using RegisterMasking;\nnamespace One;\n[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", R.A)] public static partial class Sets { }";
        const string Two = "using RegisterMasking;\nnamespace Two;\n[RegisterFile(8)] public enum Q { X, Y }\n[RegisterSet(\"T\", Q.X)] public static partial class Sets { }";
        var compilation = GeneratorHarness.Compilation(new[] { One, Two });
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        var edited = GeneratorHarness.ReplaceTree(compilation, "Input0.cs", One.Replace("R.A)", "R.A, R.B)"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        // The pieces are grouped by file again; only One's pieces differ, so only One's file is joined and written again.
        var pieces = second.Result.TrackedSteps[TrackingNames.FileFragments].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, pieces.Count);
        Assert.Equal("One.RegisterSets.g.cs", ((FileFragments)Assert.Single(pieces, output => output.Reason == IncrementalStepRunReason.Modified).Value).HintName);
        var files = second.Result.TrackedSteps[TrackingNames.SetFiles].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, files.Count);
        var changed = Assert.Single(files, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("One.RegisterSets.g.cs", ((GeneratedText)changed.Value).HintName);
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(files, output => output != changed).Reason);   // Two's not joined again
        Assert.Equal(first.Source("Two.RegisterSets.g.cs"), second.Source("Two.RegisterSets.g.cs"));
        Assert.Contains("global::One.RMask.B;", second.Source("One.RegisterSets.g.cs"));
        var fresh = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Unread(edited));
        Assert.Equal(fresh.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal), second.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Models_hold_no_symbol_syntax_location_or_compilation()
    {
        var (driver, _) = FirstRun();
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };
        var result = driver.GetRunResult().Results.Single();
        var checkedValues = 0;
        foreach (var step in ModelSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                checkedValues += AssertHoldsNone(output.Value, forbidden, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
        Assert.True(checkedValues > 50, $"only {checkedValues} values were walked");
    }

    [Fact]
    public void The_declaration_snapshot_holds_its_compilation_only_weakly()
    {
        var (driver, _) = FirstRun();
        var snapshot = Assert.Single(driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Declarations].SelectMany(run => run.Outputs)).Value;

        // Trees, references and options are the compilation's own, shared with it; the compilation
        // itself, its semantic models and symbols must not be reachable from the cached snapshot.
        var fields = snapshot.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        Assert.Contains(fields, field => field.FieldType == typeof(WeakReference<Compilation>));
        Assert.All(fields, field => Assert.False(
            typeof(Compilation).IsAssignableFrom(field.FieldType) || typeof(SemanticModel).IsAssignableFrom(field.FieldType) || typeof(ISymbol).IsAssignableFrom(field.FieldType),
            $"the snapshot's field {field.Name} holds a {field.FieldType}"));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(RepositoryFiles.KvmSampleInputs().Append(Unrelated));
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        Assert.Empty(first.RegisterMaskDiagnostics());
        return (first.Driver, compilation);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.Result.TrackedSteps[step].SelectMany(stepRun => stepRun.Outputs).Select(output => output.Reason).ToList();

    /// <summary>Walks a model's object graph (fields, collections, tuples) and fails on a forbidden type.</summary>
    private static int AssertHoldsNone(object? value, Type[] forbidden, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return 0;
        }
        var type = value.GetType();
        Assert.False(forbidden.Any(bad => bad.IsAssignableFrom(type)), $"{path} holds a {type}");
        var walked = 1;
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                walked += AssertHoldsNone(item, forbidden, path + "[]", seen);
            }
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            walked += AssertHoldsNone(field.GetValue(value), forbidden, path + "." + field.Name, seen);
        }
        return walked;
    }
}
