using Microsoft.CodeAnalysis;
using RegisterMasks.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RegisterMasks.Tests;

/// <summary>
/// A project shaped like a real JIT's x86 back end (<c>Fixtures/RealJit</c>: a register enum with
/// <c>Invalid = -1</c> whose general-purpose and vector registers share indices 0-15, masks as unions in
/// methods' <c>return</c> statements, a type of its own named <c>RegisterMasks</c>, central package
/// management), through the packed package: it builds and prints the same before the package, with it and
/// no annotation (no RM diagnostic of any severity), and after its enum is annotated and every offered fix
/// and refactoring applied (no diagnostic, no shift left in the converted code).
/// </summary>
[Trait(TestKind.Category, TestKind.Package)]
public sealed class RealCodeFixtureTests : IClassFixture<PackedPackage>
{
    private static readonly string FixtureFolder = Path.Combine(RepositoryFiles.Root, "tests", "RegisterMasks.Tests", "Fixtures", "RealJit");

    /// <summary>The fixture's C# files, by name, in a stable order.</summary>
    private static readonly string[] SourceNames = { "CallingConvention.cs", "Program.cs", "RegisterMasks.cs", "X86Register.cs" };

    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public RealCodeFixtureTests(PackedPackage package, ITestOutputHelper output) => (_package, _output) = (package, output);

    [Fact]
    public async Task A_JIT_shaped_project_builds_the_same_with_the_package_and_migrates_to_generated_masks_with_the_same_values()
    {
        var original = SourceNames.Select(name => File.ReadAllText(Path.Combine(FixtureFolder, name))).ToArray();

        var before = BuildAndRun("before", original, withPackage: false);
        _output.WriteLine("before the package: " + before);
        Assert.Equal(before, BuildAndRun("unused", original, withPackage: true));
        Assert.Empty(Migration.Diagnostics(original));

        // What the user writes by hand: the annotation, as wide as the JIT's int masks.
        var annotated = original.Select(source => source.Contains("public enum X86Register", StringComparison.Ordinal)
            ? "using RegisterMasking;\n\n" + source.Replace("    public enum X86Register", "    [RegisterFile(32)]\n    public enum X86Register", StringComparison.Ordinal)
            : source).ToArray();
        var diagnosticsBefore = Migration.Diagnostics(annotated);
        _output.WriteLine($"annotated: {diagnosticsBefore.Count} diagnostics: {Migration.Counts(diagnosticsBefore)}");

        var migration = new Migration();
        var migrated = await migration.RunAsync(annotated);
        _output.WriteLine("applied, in order: " + string.Join("; ", migration.Applied));
        foreach (var source in migrated)
        {
            _output.WriteLine(source);
        }

        Assert.Empty(Migration.Diagnostics(migrated));
        GeneratorHarness.Run(migrated).AssertCompilesCleanly();
        var converted = migrated[Array.IndexOf(SourceNames, "CallingConvention.cs")];
        Assert.DoesNotContain("<<", converted.Replace("((1 << count) - 1) << start", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, BuildAndRun("migrated", migrated, withPackage: true));
    }

    /// <summary>
    /// The fixture with these sources, built and run from a folder of its own: with the package, every
    /// RM diagnostic (infos included) is raised to an error, so a build that passes reported none.
    /// </summary>
    private string BuildAndRun(string name, string[] sources, bool withPackage)
    {
        var root = _package.NewConsumer("realjit-" + name);
        foreach (var file in new[] { "RealJit.csproj", "Directory.Packages.props" })
        {
            PackedPackage.Write(root, file, File.ReadAllText(Path.Combine(FixtureFolder, file)));
        }
        for (var i = 0; i < SourceNames.Length; i++)
        {
            PackedPackage.Write(root, SourceNames[i], sources[i]);
        }
        PackedPackage.Write(root, ".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-RegisterMasks.severity = error\n");
        var output = DotnetCli.Run(root, _package.Environment, "run", "--project", "RealJit.csproj",
            "-p:WithRegisterMasks=" + (withPackage ? "true" : "false"), "-p:RegisterMasksVersion=" + _package.Version);
        Assert.DoesNotContain("CS8784", output);
        Assert.DoesNotContain("AD0001", output);
        return output.Trim().Split('\n').Last().Trim();
    }
}
