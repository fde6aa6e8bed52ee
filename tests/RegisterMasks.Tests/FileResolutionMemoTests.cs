using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Resolution;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Resolution by register file (<see cref="FileResolutionMemo"/>): after an edit, a file whose resolution reads
/// nothing that changed is taken as it was, and every other is resolved again. Each case edits one register
/// file's sets (or its declaring type) in a way that changes what another file's resolution must say, though
/// that file and its sets are untouched: a memo keyed by the file and its sets alone would keep a stale answer.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class FileResolutionMemoTests
{
    /// <summary>Register file A (its sets on type SA), register file B (sets on SB), and C, which no edit reaches.</summary>
    private const string Files = """
        using RegisterMasking;
        namespace M;
        [RegisterFile(8)] public enum A { A0, A1, A2 }
        [RegisterFile(8)] public enum B { B0, B1, B2 }
        [RegisterFile(8)] public enum C { C0, C1 }
        [RegisterSet("CS", C.C0, C.C1)]
        public static partial class SC { }
        """;

    private const string SetsOfB = """
        using RegisterMasking;
        namespace M;
        [RegisterSet("BS", B.B0, Include = new[] { "LATER" })]
        [RegisterSet("BT", B.B1, Ordered = true)]
        [RegisterSet("SHARED", B.B2)]
        public static partial class SB { }
        """;

    private static string SetsOfA(string more) => "using RegisterMasking;\nnamespace M;\n" + more + "\n[RegisterSet(\"AS\", A.A0)] public static partial class SA { }\n";

    private const string LaterOfA = "[RegisterSet(\"LATER\", A.A1)] public static partial class SA { }";

    public static TheoryData<string, string[], string[]> Edits() => new()
    {
        // B's include of LATER names no set at all (RM0007); then a set LATER of A appears: B now names A's ("of another file").
        { "a set of the name B includes appears in A", new[] { Files, SetsOfB, SetsOfA("") }, new[] { Files, SetsOfB, SetsOfA(LaterOfA) } },
        // B's message names A's enum, whose set LATER is: renaming the enum changes B's message, not B's file or sets.
        { "the file of the set B includes is renamed", new[] { Files, SetsOfB, SetsOfA(LaterOfA) },
            new[] { Files.Replace("enum A {", "enum Q {"), SetsOfB, SetsOfA(LaterOfA).Replace("A.A", "Q.A") } },
        // A set of the name B includes has no file (its own error, RM0006): B says nothing about the include.
        { "a set of the name B includes loses its file", new[] { Files, SetsOfB, SetsOfA(LaterOfA) },
            new[] { Files, SetsOfB, SetsOfA("[RegisterSet(\"LATER\")] public static partial class SA { }") } },
        // A's set SHARED on B's type: the two constants collide (RM0010) and B's SHARED leaves B's catalog.
        { "a set of A takes a name of B on B's type", new[] { Files, SetsOfB, SetsOfA("") },
            new[] { Files, SetsOfB, SetsOfA("[RegisterSet(\"SHARED\", A.A1)] public static partial class SB { }") } },
        // A's set BT_ORDER on B's type: B's ordered BT keeps its constant but loses its order (RM0010).
        { "a set of A takes the order name of B's set", new[] { Files, SetsOfB, SetsOfA("") },
            new[] { Files, SetsOfB, SetsOfA("[RegisterSet(\"BT_ORDER\", A.A1)] public static partial class SB { }") } },
        // A part of B's type without partial, bearing a set of A: no constants on that type, so none of B's sets is catalogued.
        { "B's type loses partial in A's file", new[] { Files, SetsOfB, SetsOfA("") },
            new[] { Files, SetsOfB, SetsOfA("[RegisterSet(\"AX\", A.A2)] public static class SB { }") } },
        // B's type renamed, its sets where they were: RM0009 of B's duplicate names and B's catalog name the type.
        { "B's type is renamed", new[] { Files, SetsOfB.Replace("\"BT\"", "\"BS\""), SetsOfA("") },
            new[] { Files, SetsOfB.Replace("\"BT\"", "\"BS\"").Replace("class SB", "class SQ"), SetsOfA("") } },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_that_changes_what_another_file_must_say_resolves_that_file_again(string edit, string[] before, string[] after)
    {
        var memo = new FileResolutionMemo();
        var primed = SetResolver.Resolve(Models(before), memo, out _, CancellationToken.None);

        var models = Models(after);
        var memoized = SetResolver.Resolve(models, memo, out var reused, CancellationToken.None);
        var fresh = SetResolver.Resolve(models, CancellationToken.None);

        Assert.True(reused, edit + ": C, which nothing reaches, is taken from the memo");
        Assert.NotEqual(primed.Diagnostics.Concat(primed.Catalogs.Select(catalog => (object)catalog)), fresh.Diagnostics.Concat(fresh.Catalogs.Select(catalog => (object)catalog)));
        Assert.Equal(fresh.Masks, memoized.Masks);
        Assert.Equal(fresh.SetContainers, memoized.SetContainers);
        Assert.Equal(fresh.Catalogs, memoized.Catalogs);
        Assert.Equal(fresh.Diagnostics, memoized.Diagnostics);
        Assert.Equal(fresh, memoized);
    }

    [Fact]
    public void An_edit_to_one_files_sets_resolves_that_file_alone()
    {
        var memo = new FileResolutionMemo();
        var before = Models(Files, SetsOfB, SetsOfA(""));
        SetResolver.Resolve(before, memo, out var reusedAtFirst, CancellationToken.None);
        var after = Models(Files, SetsOfB, SetsOfA("[RegisterSet(\"MORE\", A.A1)] public static partial class SA { }"));
        var resolved = SetResolver.Resolve(after, memo, out var reused, CancellationToken.None);

        Assert.False(reusedAtFirst);
        Assert.True(reused);
        Assert.Equal(SetResolver.Resolve(after, CancellationToken.None), resolved);
        // B and C were taken (the same objects), A resolved again: its catalog has the new set.
        Assert.Same(Catalog(SetResolver.Resolve(before, memo, out _, CancellationToken.None), "BMask").Entries.AsSpan().ToArray()[0],
            Catalog(resolved, "BMask").Entries.AsSpan().ToArray()[0]);
        Assert.Contains(Catalog(resolved, "AMask").Entries, entry => entry.Name == "MORE");
    }

    [Fact]
    public void Inputs_that_miss_a_name_the_evaluation_asks_about_throw_rather_than_answer()
    {
        var models = Models(Files, SetsOfB);
        var file = models.RegisterFiles.Single(candidate => candidate.EnumName == "B");
        var sets = models.SetContainers.Single(container => container.DisplayName == "M.SB").Sets.Select(set => new FileSet(set, "M.SB", true)).ToList();
        var inputs = FileResolutionInputs.Of(file, sets, new SetDirectory(sets.Select(entry => entry.Set), models.RegisterFiles));
        var withoutAnswers = inputs with { Outside = EquatableArray<OutsideName>.Empty };

        Assert.Contains(inputs.Outside, name => name.Name == "LATER");
        Assert.Contains(FileResolution.Of(inputs).Diagnostics, diagnostic => diagnostic.Descriptor.Id == "RM0007");
        Assert.Throws<InvalidOperationException>(() => FileResolution.Of(withoutAnswers));
    }

    private static CatalogModel Catalog(ResolutionResult result, string mask) => result.Catalogs.Single(catalog => catalog.MaskName == mask);

    private static AnnotationModels Models(params string[] sources) =>
        AnnotationReading.Of(GeneratorHarness.Run(sources).Output, CancellationToken.None).Models;   // the output declares our attributes
}
