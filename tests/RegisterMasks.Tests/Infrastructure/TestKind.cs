namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// What kind of test a class holds, as an xunit trait, so a run can pick by kind:
/// <c>dotnet test --filter Category=unit</c> is the quick loop, a minute or so; the others add
/// the seeded model cases, the corpora, real builds of the packed package, and a language server.
/// Every test class carries exactly one (<c>TestKindTests</c> checks).
/// </summary>
internal static class TestKind
{
    public const string Category = nameof(Category);

    /// <summary>In memory, one input at a time: parsing, diagnostics, emitted text, generated behaviour, fixes, incrementality.</summary>
    public const string Unit = "unit";

    /// <summary>Random valid models drawn from seeds, checked against a reference model or compiled across targets.</summary>
    public const string Model = "model";

    /// <summary>Seeded corpora of mutated and invalid inputs.</summary>
    public const string Corpus = "corpus";

    /// <summary>The packed .nupkg restored and built by the dotnet CLI.</summary>
    public const string Package = "package";

    /// <summary>What an editor does to a whole project: a real language server (csharp-ls) driven over LSP, and a file migrated by every fix and the refactoring in turn.</summary>
    public const string Editor = "editor";
}
