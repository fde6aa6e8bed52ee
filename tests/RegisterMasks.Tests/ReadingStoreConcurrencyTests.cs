using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;
using RegisterMasks.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Code = RegisterMasks.Tests.IncrementalCorrectnessTests.Code;

namespace RegisterMasks.Tests;

/// <summary>
/// The one reading store (<see cref="ReadingStore"/>) that the generator and the analyzer of every project in a
/// process share, under load: projects that share an assembly name, file paths, references and options (so only
/// <see cref="AnnotationReading"/>'s tree-by-tree validation tells them apart), edited on many threads at once;
/// and one project through every edit built to fool the reuse rules, one after another. Whatever a primed
/// driver, the analyzer and <see cref="AnnotationReading.Of"/> give must be what a fresh reading of the same
/// compilation gives. (The reading verifier is on in this assembly too, so a bad reuse may also fail as
/// CS8785/AD0001; the comparisons here do not rely on it.)
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class ReadingStoreConcurrencyTests
{
    private const int Threads = 16;

    private readonly ITestOutputHelper _output;

    public ReadingStoreConcurrencyTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// 24 projects in 5 assembly names shared by 2 to 6 projects each, and 7 names of their own; all at the same
    /// paths (<c>Input0.cs</c> to <c>Input2.cs</c>) with the same reference objects and equal options. Projects
    /// of a name are variants of one another: the same declarations with other method bodies (a body edit
    /// apart), other set contents or a diagnostic more (an edit of our arguments apart), a method more in the
    /// plain file (an unseen edit apart), a constant changed, and other register files altogether. Each gets three
    /// keystrokes: a body edit above the annotations, a set edit, a new method in the plain file.
    /// 16 threads drive them, each its own primed driver, step by step behind a barrier so that every project's
    /// step runs while the others' do; the generator, the analyzer (first, as an editor asks, or on the output,
    /// as a build does) and <see cref="AnnotationReading.Of"/> in an order that varies. Afterwards each step's
    /// compilation is read afresh under a name of its own: the same generated files, the same diagnostics
    /// (ID, message, file, span), the same models (each location covering the same text, moved as the analyzer
    /// moves it) and the same resolution.
    /// </summary>
    [Fact]
    public void One_store_shared_by_24_projects_on_16_threads_never_mixes_them_up()
    {
        var projects = Projects();
        Assert.Equal(24, projects.Count);
        var steps = projects.Select(project => new Observed[project.Versions.Count]).ToArray();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;

        using (var barrier = new Barrier(Threads))
        {
            var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() => Drive(thread, projects, steps, barrier, failures))
            {
                IsBackground = true,
                Name = "reading store " + thread.ToString(CultureInfo.InvariantCulture),
            }).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => Assert.True(thread.Join(TimeSpan.FromMinutes(2)), "a driving thread did not finish"));
        }
        var concurrent = clock.Elapsed;
        processor = Process.GetCurrentProcess().TotalProcessorTime - processor;
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine + Environment.NewLine, failures));

        // The expectations: every step's compilation read afresh, after the concurrent phase (under names of their own, so
        // nothing there is shared with it or between them); two at a time, as the machine has cores for.
        var mismatches = new ConcurrentQueue<string>();
        var cases = projects.SelectMany((project, p) => Enumerable.Range(0, project.Versions.Count).Select(step => (Project: project, Step: step, Seen: steps[p][step]))).ToList();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, item =>
        {
            foreach (var mismatch in CompareWithFresh(item.Seen))
            {
                mismatches.Enqueue($"{item.Project.Label} ({item.Project.AssemblyName}), step {item.Step}: {mismatch}");
            }
        });
        Assert.True(mismatches.IsEmpty, string.Join(Environment.NewLine + Environment.NewLine, mismatches.Take(6)));

        // The store was shared for real: readings built on earlier ones, and some on another project's trees (same name, same paths).
        var all = steps.SelectMany(project => project).ToList();
        var reused = all.Count(step => step.Reading.Reused);
        var borrowed = steps.Select((project, p) => project.Count(step => TookAnotherProjectsTree(step.Reading, steps[p]))).Sum();
        _output.WriteLine($"{all.Count} steps on {Threads} threads in {concurrent.TotalSeconds:F1} s ({processor.TotalSeconds:F1} s of processor time, other tests included), compared in {(clock.Elapsed - concurrent).TotalSeconds:F1} s; " +
            $"{reused} readings built on an earlier one, {borrowed} on another project's trees");
        Assert.True(reused >= all.Count / 4, $"only {reused} of {all.Count} readings were built on an earlier one");
        Assert.True(borrowed > 0, "no reading was built on another project's trees: the projects sharing a name never met");
    }

    /// <summary>
    /// The 14 edits <see cref="IncrementalCorrectnessTests"/> makes to fool the reuse rules, applied one after another
    /// to one project, in this order (the edits that take masks or sets away last, so that those before still have
    /// something to change): (1) a <c>const</c> in a tree without annotations that a set uses; (2) a body edit above a
    /// diagnostic in an annotated tree; (3) an attribute used through an alias; (4) an alias declared in another
    /// tree; (5) an overload of a method named in <c>nameof</c>; (6) a using added; (7) an enum member's value
    /// changed; (8) a reference removed; (9) a preprocessor symbol defined in the parse options; (10) a type that
    /// shadows a namespace a set names; (11) a nested enum that shadows the register file in a partial part of the
    /// annotated type; (12) a type named as the mask's extensions; (13) a type that takes the mask's name; (14) a
    /// type in another tree that shadows <c>RegisterSetAttribute</c>. After each, the primed driver's files and the
    /// analyzer's diagnostics on its output equal a fresh driver's, and <see cref="AnnotationReading.Of"/> of its
    /// output equals <see cref="AnnotationReading.Fresh"/> of it.
    /// </summary>
    [Fact]
    public void A_primed_reading_after_14_cache_fooling_edits_equals_a_fresh_one()
    {
        // The code the edits start from: a diagnostic to move (A listed twice), a set written through an alias not
        // declared yet, a set under a preprocessor symbol not defined yet.
        var code = new Code { ListsATwice = true, SetThroughPlainFileAlias = true, SetUnderPreprocessorSymbol = true };
        var compilation = IncrementalCorrectnessTests.Compile(code).WithAssemblyName("Fooled");
        var driver = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation).Driver;
        var edits = new (string What, bool ChangesOutput, Func<Code, Code>? Edit, Func<CSharpCompilation, CSharpCompilation>? Change)[]
        {
            ("a const in a plain tree used by a set", true, code => code with { First = 2 }, null),
            ("a body edit above a diagnostic in an annotated tree", true, code => code with { ExtraLinesInAnnotatedBody = 3 }, null),
            // (the using it adds moves the diagnostic below it: the output changes)
            ("an attribute used through an alias", true, code => code with { SetThroughAlias = true }, null),
            ("an alias declared in another tree", true, code => code with { AliasInPlainFile = true }, null),
            ("an overload of a method named in nameof", false, code => code with { OverloadOfTwice = true }, null),
            ("a using added", false, code => code with { UsingAdded = true }, null),
            ("an enum member's value changed", false, code => code with { PlainEnumValue = true }, null),
            ("a reference removed (System.Text.Json: no JSON converter any more)", true, null, compilation =>
                compilation.RemoveReferences(compilation.References.Single(reference => reference.Display?.StartsWith("System.Text.Json ", StringComparison.Ordinal) == true))),
            ("a preprocessor symbol defined in the parse options", true, null, compilation =>
                compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(tree =>
                    CSharpSyntaxTree.ParseText(tree.GetText(), ((CSharpParseOptions)tree.Options).WithPreprocessorSymbols("EXTRA"), tree.FilePath)))),
            ("a type shadowing a namespace a set names", true, code => code with { TypeShadowsIds = true }, null),
            ("a nested enum shadowing the register file in a partial part", true, code => code with { NestedEnumShadowsR = true }, null),
            ("a type named as the mask's extensions", true, code => code with { ExtensionsNameTaken = true }, null),
            ("a type taking the mask's name", true, code => code with { TypeNamedLikeTheMask = true }, null),
            ("a type in another tree shadowing RegisterSetAttribute", true, code => code with { ShadowsTheSetAttribute = true }, null),
        };
        Assert.Equal(14, edits.Length);
        var output = "";
        var changed = new List<string>();
        var reused = new List<string>();

        foreach (var (what, _, edit, change) in edits)
        {
            if (edit is not null)
            {
                var edited = edit(code);
                compilation = IncrementalCorrectnessTests.Update(compilation, code, edited);
                code = edited;
            }
            else
            {
                compilation = change!(compilation);
            }

            var incremental = GeneratorHarness.Run(driver, compilation);
            driver = incremental.Driver;
            var reading = AnnotationReading.Of(incremental.Output, CancellationToken.None);
            if (reading.Reused)
            {
                reused.Add(what);
            }
            var fresh = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Unread(compilation));

            var mismatches = Compare(
                Sources(incremental.Sources), Sources(fresh.Sources),
                Describe(incremental.RegisterMaskDiagnosticsIn(3)), Describe(fresh.RegisterMaskDiagnosticsIn(3)),
                reading, incremental.Output).ToList();
            Assert.True(mismatches.Count == 0, $"after {what}:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
            var now = string.Join("\n", Sources(fresh.Sources)) + string.Join("\n", Describe(fresh.RegisterMaskDiagnosticsIn(3)));
            if (now != output)
            {
                changed.Add(what);
                output = now;
            }
        }

        // The edits did what they were built for: the body edit served by the rules, and the output changed by those meant to change it.
        Assert.Contains("a body edit above a diagnostic in an annotated tree", reused);
        Assert.Equal(string.Join("\n", edits.Where(edit => edit.ChangesOutput).Select(edit => edit.What)), string.Join("\n", changed));
    }

    /// <summary>
    /// The store itself, hammered: 16 threads publish 48 readings of 6 names and ask for them, 80,000 times in all.
    /// Every answer is a whole list: only readings of the name asked, none twice, at most the four kept; and once
    /// quiet, the newest of a name comes first. (The store is what the generator and the
    /// analyzers of every project in a process share: a list torn by two writers would give a null or another
    /// name's reading, and the readers build on what it gives.)
    /// </summary>
    [Fact]
    public void The_store_keeps_whole_lists_under_16_threads_publishing_at_once()
    {
        var names = Enumerable.Range(0, 6).Select(i => "Hammered." + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var plain = GeneratorHarness.Compilation(new[] { "namespace P { public static class C { } }" }, references: s_references);
        var readings = Enumerable.Range(0, 48).Select(i => AnnotationReading.Fresh(plain.WithAssemblyName(names[i % names.Count]), plain.SyntaxTrees.ToImmutableArray(), CancellationToken.None)).ToList();
        var failures = new ConcurrentQueue<string>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            start.SignalAndWait();
            var random = new Random(thread);
            try
            {
                for (var i = 0; i < 5000 && failures.IsEmpty; i++)
                {
                    var reading = readings[random.Next(readings.Count)];
                    ReadingStore.Publish(reading);
                    foreach (var name in names)
                    {
                        var kept = ReadingStore.Candidates(name);
                        if (kept is null || kept.Length > 4 || kept.Any(each => each is null || each.AssemblyName != name) || kept.Distinct().Count() != kept.Length)
                        {
                            failures.Enqueue($"thread {thread}, {name}: " + (kept is null ? "null" : string.Join(", ", kept.Select(each => each?.AssemblyName ?? "null"))));
                        }
                    }
                }
            }
            catch (Exception exception)
            {
                failures.Enqueue($"thread {thread}: {exception}");
            }
        })
        { IsBackground = true }).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => Assert.True(thread.Join(TimeSpan.FromMinutes(1)), "a hammering thread did not finish"));

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(10)));
        foreach (var reading in readings.Take(names.Count))
        {
            ReadingStore.Publish(reading);
            Assert.Same(reading, ReadingStore.Candidates(reading.AssemblyName)[0]);   // the newest first
        }
    }

    // ---- the concurrent phase ----

    /// <summary>
    /// What one step saw: the edited compilation, the compilation the analyzer was given and the one the reading was
    /// asked for (each the generator's output, or the edited compilation with the output of the step before, as an
    /// editor's compilation holds it), and the results.
    /// </summary>
    private sealed record Observed(
        CSharpCompilation Compilation,
        Compilation Analyzed,
        Compilation Read,
        AnnotationReading Reading,
        ImmutableDictionary<string, string> Sources,
        List<string> Diagnostics,
        Compilation Output);

    /// <summary>One thread: projects <paramref name="thread"/>, <paramref name="thread"/> + 16, ..., a step each, then the barrier.</summary>
    private static void Drive(int thread, List<Project> projects, Observed[][] steps, Barrier barrier, ConcurrentQueue<string> failures)
    {
        var mine = Enumerable.Range(0, projects.Count).Where(p => p % Threads == thread).ToList();
        var drivers = new Dictionary<int, GeneratorDriver>();
        var broken = new HashSet<int>();
        var stepCount = projects.Max(project => project.Versions.Count);
        for (var step = 0; step < stepCount; step++)
        {
            foreach (var p in mine)
            {
                if (broken.Contains(p) || step >= projects[p].Versions.Count)
                {
                    continue;
                }
                try
                {
                    var project = projects[p];
                    var before = step == 0 ? null : steps[p][step - 1];
                    var compilation = before is null
                        ? project.Compile()
                        : Update(before.Compilation, project.Versions[step - 1].Files, project.Versions[step].Files);
                    if (!drivers.TryGetValue(p, out var driver))
                    {
                        driver = GeneratorHarness.CreateDriver();
                    }
                    steps[p][step] = Step(compilation, before?.Output, driver, order: before is null ? 2 : (p + step) % 3, out var next);
                    drivers[p] = next;
                }
                catch (Exception exception)
                {
                    broken.Add(p);
                    failures.Enqueue($"{projects[p].Label} ({projects[p].AssemblyName}), step {step}: {exception}");
                }
            }
            if (!barrier.SignalAndWait(TimeSpan.FromMinutes(1)))
            {
                failures.Enqueue($"thread {thread}: the others did not reach step {step + 1}");
                return;
            }
        }
    }

    /// <summary>
    /// One keystroke's work, in one of three orders: 0, the reading asked first (of the editor's compilation: the
    /// edited one with the output of the step before), then the generator, then the analyzer on its output (a
    /// build's order); 1, the analyzer first, on the editor's compilation, then the generator, then the reading of
    /// its output; 2, the generator, the analyzer on its output, then the reading of it.
    /// </summary>
    private static Observed Step(CSharpCompilation compilation, Compilation? lastOutput, GeneratorDriver driver, int order, out GeneratorDriver next)
    {
        var editor = lastOutput is null ? null : compilation.AddSyntaxTrees(lastOutput.SyntaxTrees.Where(tree => !IsUserTree(tree)));
        var reading = order == 0 ? AnnotationReading.Of(editor!, CancellationToken.None) : null;
        var diagnostics = order == 1 ? Describe(AnalyzerHarness.AnalyzeFiles(editor!, UserTrees(editor!))) : null;
        var run = GeneratorHarness.Run(driver, compilation);
        next = run.Driver;
        diagnostics ??= Describe(AnalyzerHarness.AnalyzeFiles(run.Output, UserTrees(run.Output)));
        reading ??= AnnotationReading.Of(run.Output, CancellationToken.None);
        return new Observed(compilation, order == 1 ? editor! : run.Output, order == 0 ? editor! : run.Output, reading, run.Sources, diagnostics, run.Output);
    }

    /// <summary>Every way the step's results differ from a fresh reading of its compilation.</summary>
    private static IEnumerable<string> CompareWithFresh(Observed seen)
    {
        var fresh = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Unread(seen.Compilation));
        var reparsed = AnalyzerHarness.Reparsed(seen.Analyzed);
        var freshDiagnostics = Describe(AnalyzerHarness.AnalyzeFiles(reparsed, UserTrees(reparsed)));
        return Compare(Sources(seen.Sources), Sources(fresh.Sources), seen.Diagnostics, freshDiagnostics, seen.Reading, seen.Read);
    }

    /// <summary>Whether a reading holds a tree, current or read from, that is none of this project's own.</summary>
    private static bool TookAnotherProjectsTree(AnnotationReading reading, Observed[] project)
    {
        var own = new HashSet<SyntaxTree>(project.SelectMany(step => step.Compilation.SyntaxTrees));
        return reading.Trees.Any(entry => !own.Contains(entry.Tree) || !own.Contains(entry.ReadFrom));
    }

    // ---- comparisons shared by both tests ----

    /// <summary>
    /// The differences between what was served and the truth: generated files, analyzer diagnostics, and the
    /// reading of <paramref name="compilation"/> (which holds our attributes: the generator's output, or an editor's
    /// compilation) against <see cref="AnnotationReading.Fresh"/> of it (models per tree and
    /// combined, locations as the text they cover and where the analyzer moves them; the resolution's outputs).
    /// </summary>
    private static IEnumerable<string> Compare(
        List<string> sources, List<string> freshSources, List<string> diagnostics, List<string> freshDiagnostics,
        AnnotationReading reading, Compilation compilation)
    {
        if (!sources.SequenceEqual(freshSources, StringComparer.Ordinal))
        {
            yield return Difference("generated files", sources, freshSources);
        }
        if (!diagnostics.SequenceEqual(freshDiagnostics, StringComparer.Ordinal))
        {
            yield return Difference("analyzer diagnostics", diagnostics, freshDiagnostics);
        }

        var userTrees = UserTrees(compilation).ToImmutableArray();
        var truth = AnnotationReading.Fresh(compilation, userTrees, CancellationToken.None);
        if (!reading.Trees.Select(entry => entry.Tree).SequenceEqual(userTrees))
        {
            yield return "the reading is not of this compilation's trees: " + string.Join(", ", reading.Trees.Select(entry => entry.Tree.FilePath));
            yield break;
        }
        for (var i = 0; i < userTrees.Length; i++)
        {
            var (served, read) = (ModelText.Of(reading.Trees[i].Models, reading), ModelText.Of(truth.Trees[i].Models, truth));
            if (served != read)
            {
                yield return $"the models of {userTrees[i].FilePath} differ:\n  served: {served}\n  fresh:  {read}";
            }
        }
        if (ModelText.Of(reading.Models, reading) != ModelText.Of(truth.Models, truth))
        {
            yield return "the combined models differ";
        }
        if (reading.Models.IsEmpty != truth.Models.IsEmpty || (!reading.Models.IsEmpty && !SameOutputs(reading.Models, truth.Models)))
        {
            yield return "the resolution's outputs differ";
        }
    }

    private static bool SameOutputs(AnnotationModels served, AnnotationModels fresh)
    {
        var (mine, truth) = (ReadingStore.Resolve(served, CancellationToken.None), ReadingStore.Resolve(fresh, CancellationToken.None));
        return mine.Masks.Equals(truth.Masks) && mine.SetContainers.Equals(truth.SetContainers) && mine.Catalogs.Equals(truth.Catalogs) && mine.Caches.Equals(truth.Caches);
    }

    private static string Difference(string what, List<string> served, List<string> fresh) =>
        $"{what} differ:\n  served only: {string.Join("\n    ", served.Except(fresh))}\n  fresh only:  {string.Join("\n    ", fresh.Except(served))}";

    /// <summary>The generated files as hint name and text, in order of hint name.</summary>
    private static List<string> Sources(ImmutableDictionary<string, string> sources) =>
        sources.OrderBy(source => source.Key, StringComparer.Ordinal).Select(source => source.Key + "\n" + source.Value).ToList();

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("RM", StringComparison.Ordinal))
            .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.SourceSpan} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<SyntaxTree> UserTrees(Compilation compilation) => compilation.SyntaxTrees.Where(IsUserTree);

    private static bool IsUserTree(SyntaxTree tree) => tree.FilePath.StartsWith("Input", StringComparison.Ordinal);

    /// <summary>The compilation with the files whose text changed replaced (the others stay the same tree objects), as an editor does.</summary>
    private static CSharpCompilation Update(CSharpCompilation compilation, string[] before, string[] after)
    {
        for (var i = 0; i < after.Length; i++)
        {
            if (before[i] != after[i])
            {
                compilation = GeneratorHarness.ReplaceTree(compilation, $"Input{i}.cs", after[i]);
            }
        }
        return compilation;
    }

    /// <summary>
    /// Models as text: every record's properties by name, and every location as its file, the text it covers in
    /// the version of that file the reading read it from, and its span moved to the current version as the
    /// analyzer moves it (<see cref="TreeMapping"/>). A fresh reading's locations are of the current version, so
    /// the two texts agree when a reused model is the model a fresh reading makes, wherever it was read.
    /// </summary>
    private static class ModelText
    {
        public static string Of(object models, AnnotationReading reading)
        {
            var text = new StringBuilder();
            Write(models, text, reading);
            return text.ToString();
        }

        private static void Write(object? value, StringBuilder text, AnnotationReading reading)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    return;
                case LocationInfo location:
                    text.Append(Locate(location, reading));
                    return;
                case string or bool or char or Enum or TextSpan:
                    text.Append('"').Append(value).Append('"');
                    return;
                case IFormattable number:
                    text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                    return;
                case DiagnosticDescriptor descriptor:
                    text.Append(descriptor.Id);
                    return;
                case IEnumerable items:
                    text.Append('[');
                    foreach (var item in items)
                    {
                        Write(item, text, reading);
                        text.Append(", ");
                    }
                    text.Append(']');
                    return;
            }
            var type = value.GetType();
            text.Append(type.Name).Append(" { ");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.GetIndexParameters().Length == 0).OrderBy(property => property.Name, StringComparer.Ordinal))
            {
                text.Append(property.Name).Append(" = ");
                Write(property.GetValue(value), text, reading);
                text.Append("; ");
            }
            text.Append('}');
        }

        private static string Locate(LocationInfo location, AnnotationReading reading)
        {
            var entry = reading.Trees.FirstOrDefault(tree => tree.Tree.FilePath == location.FilePath);
            if (entry is null)
            {
                return $"{location.FilePath}{location.Span}";   // not in a user tree (a member of a referenced enum: no path)
            }
            var source = entry.ReadFrom.GetText();
            var covered = location.Span.End <= source.Length ? source.ToString(location.Span) : "<beyond the text read>";
            var moved = TreeMapping.Between(entry.ReadFrom, entry.Tree).TryMap(location.Span, out var span) ? span.ToString() : "<cannot be moved>";
            return $"{location.FilePath}{moved} '{covered}'";
        }
    }

    // ---- the projects ----

    /// <summary>
    /// The references every project compiles against: the same objects, so that only the trees tell projects of
    /// a name apart. Taken once, before the threads start: <c>Net80.References.All</c> makes its objects on first
    /// use, and threads asking for it at once each got objects of their own.
    /// </summary>
    private static readonly ImmutableArray<PortableExecutableReference> s_references = Basic.Reference.Assemblies.Net80.References.All;

    /// <summary>One project: its assembly name and its four versions (the primed one and three keystrokes).</summary>
    private sealed record Project(string Label, string AssemblyName, List<Spec> Versions)
    {
        public CSharpCompilation Compile() => GeneratorHarness.Compilation(Versions[0].Files, references: s_references).WithAssemblyName(AssemblyName);
    }

    /// <summary>
    /// A project's three files as parameters: a plain file (a constant a set uses, a method), an annotated file (a
    /// method body above a register file and two sets), and a file of sets over the same register file.
    /// </summary>
    private sealed record Spec
    {
        public string Namespace { get; init; } = "N";
        public string Enum { get; init; } = "R";
        public int Registers { get; init; } = 4;
        public int Width { get; init; } = 8;
        public int First { get; init; } = 1;
        public int Factor { get; init; } = 2;
        public int BodyLines { get; init; }
        public int Addend { get; init; } = 1;
        public string Listed { get; init; } = "B, C";
        public bool Twice { get; init; }
        public string Include { get; init; } = "FIRST";
        public int Methods { get; init; }

        public string[] Files => new[] { Plain, Annotated, Others };

        private string Members => string.Join(", ", Enumerable.Range(0, Registers).Select(i => ((char)('A' + i)).ToString()));

        private string Listing(string names) => string.Join(", ", names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(name => $"{Enum}.{name}"));

        private string Plain => $$"""
            namespace Ids
            {
                public static class Index
                {
                    public const int First = {{First}};
                    public static int Twice(int value)
                    {
                        return value * {{Factor}};
                    }
                }

                // A type no annotation names: a method added here is an edit no annotation can see.
                public sealed class Worker
                {
                    public int Run(int value) => value;
            {{string.Concat(Enumerable.Range(0, Methods).Select(i => $"        public int Added{i}(int x) => x + {i};\n"))}}
                }
            }
            """;

        private string Annotated => $$"""
            using RegisterMasking;
            namespace {{Namespace}}
            {
                public static class Helper
                {
                    public static int Work(int value)
                    {{{string.Concat(Enumerable.Repeat("\n", BodyLines))}}
                        return value + {{Addend}};
                    }
                }

                [RegisterFile({{Width}})] public enum {{Enum}} { {{Members}} }

                [RegisterSet("FIRST", ({{Enum}})Ids.Index.First{{(Twice ? $", {Enum}.A, {Enum}.A" : "")}})]
                [RegisterSet("SECOND", {{Listing(Listed)}})]
                public static partial class Sets { }
            }
            """;

        private string Others => $$"""
            using RegisterMasking;
            namespace {{Namespace}}
            {
                [RegisterSet("OTHER", {{Enum}}.B, Include = new[] { "{{Include}}" })]
                public static partial class OtherSets { }
            }
            """;
    }

    private static List<Project> Projects()
    {
        var baseA = new Spec();
        var baseB = new Spec { Namespace = "Cpu", Enum = "Reg", Registers = 6, Width = 16, Listed = "A, E" };
        var baseC = new Spec { Namespace = "Vm", Enum = "Vcpu", Registers = 5, Listed = "C, D" };
        var baseE = new Spec { Namespace = "X", Enum = "Q", Registers = 10, Width = 64, Listed = "A, B, C, J" };
        var specs = new (string Label, string Name, Spec Spec)[]
        {
            // One name, six projects (more than the store keeps per name): variants of A, and another register file.
            ("A", "Shared.A", baseA),
            ("A with other bodies", "Shared.A", baseA with { BodyLines = 2, Addend = 10, Factor = 3 }),
            ("A with another set", "Shared.A", baseA with { Listed = "A, D" }),
            ("A with A listed twice", "Shared.A", baseA with { Twice = true }),
            ("A with a method more", "Shared.A", baseA with { Methods = 1 }),
            ("another register file", "Shared.A", new Spec { Enum = "Gpr", Registers = 8, Width = 16, Include = "NOPE", Listed = "G, H" }),
            // Four: B and three variants.
            ("B", "Shared.B", baseB),
            ("B with other bodies", "Shared.B", baseB with { Factor = 7, BodyLines = 5 }),
            ("B 32 wide", "Shared.B", baseB with { Width = 32 }),
            ("B including nothing", "Shared.B", baseB with { Include = "NOPE", Listed = "A, B, E" }),
            // Three: C, C with another constant (a top-level change of the plain file), C with a width not supported.
            ("C", "Shared.C", baseC),
            ("C with another constant", "Shared.C", baseC with { First = 2 }),
            ("C 12 wide", "Shared.C", baseC with { Width = 12 }),
            // Two twins, the very text of A under a name of their own.
            ("A's twin", "Shared.D", baseA),
            ("A's other twin", "Shared.D", baseA),
            // Two: E and a variant.
            ("E", "Shared.E", baseE),
            ("E with other bodies and sets", "Shared.E", baseE with { BodyLines = 1, Listed = "D, I" }),
            // Names of their own, some with the text of projects above.
            ("A alone", "Solo.0", baseA),
            ("B alone", "Solo.1", baseB with { Twice = true }),
            ("C alone", "Solo.2", baseC with { Include = "NOPE" }),
            ("E alone", "Solo.3", baseE with { Width = 12 }),
            ("F", "Solo.4", new Spec { Namespace = "F", Enum = "Fp", Registers = 3 }),
            ("G", "Solo.5", new Spec { Namespace = "G", Enum = "Gp", Registers = 12, Width = 16, Listed = "K, L" }),
            ("H", "Solo.6", new Spec { Namespace = "H", Enum = "Hv", Registers = 7, Width = 128, Twice = true }),
        };
        return specs.Select((item, p) => new Project(item.Label, item.Name, Keystrokes(item.Spec, p))).ToList();
    }

    /// <summary>
    /// The primed version and three keystrokes: a body edit above the annotations (1 to 3 lines, and a longer
    /// line), a set edit (a register added, or one listed twice: a diagnostic more or less), a method added to
    /// the plain file.
    /// </summary>
    private static List<Spec> Keystrokes(Spec spec, int p)
    {
        var body = spec with { BodyLines = spec.BodyLines + 1 + (p % 3), Addend = spec.Addend + 100 };
        var set = p % 2 == 0 ? body with { Listed = body.Listed + ", A" } : body with { Twice = !body.Twice };
        var method = set with { Methods = set.Methods + 1 };
        return new List<Spec> { spec, body, set, method };
    }
}
