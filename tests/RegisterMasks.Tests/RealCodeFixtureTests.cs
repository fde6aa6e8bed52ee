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
/// no annotation (no RM diagnostic of any severity), and after the user declares two register classes over
/// its enum (general-purpose and vector registers, each bits 0-15) and every offered fix and refactoring is
/// applied (no diagnostic, no shift left in the converted code, no <c>[RegisterAlias]</c>; the vector set prints
/// Xmm names and the others GPR names).
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

        // What the user writes by hand: two register classes over the enum, which itself gets no attribute.
        var annotated = original.Select(source => source.Contains("public enum X86Register", StringComparison.Ordinal) ? WithClasses(source) : source).ToArray();
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
        Assert.DoesNotContain(migrated, source => source.Contains("RegisterAlias", StringComparison.Ordinal));
        var converted = migrated[Array.IndexOf(SourceNames, "CallingConvention.cs")];
        Assert.DoesNotContain("<<", converted.Replace("((1 << count) - 1) << start", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // Each hand-written union became a set of its own class, found by member (no RegisterFile named), and the
        // single bits the class's constant: the vector registers are never written as the GPRs sharing their values.
        Assert.Contains("[RegisterSet(\"VecCallerSavedRegisters\", X86Register.Xmm0, X86Register.Xmm1, X86Register.Xmm2, X86Register.Xmm3, X86Register.Xmm4, X86Register.Xmm5)]", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("RegisterFile", converted, StringComparison.Ordinal);
        Assert.Contains("mask &= ~(int)X86GprMask.Rbp;", converted, StringComparison.Ordinal);

        // The sets print their own class's names: Xmm for the vector set, GPR names for the others, with the values printed before.
        var probe = GeneratorHarness.Run(migrated.Append(Probe).ToArray());
        probe.AssertCompilesCleanly();
        var assembly = probe.Load();
        Assert.Equal("X86VecMask: Xmm0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5 = 63", assembly.Invoke("RealJit.CodeGen.X86.Probe", "VecCallerSaved"));
        Assert.Equal("X86GprMask: Rax, Rcx, Rdx, Rsi, Rdi, R8, R9, R10, R11 = 4039", assembly.Invoke("RealJit.CodeGen.X86.Probe", "IntCallerSaved"));
        Assert.Equal("X86GprMask: Rbx, Rbp, Rsi, Rdi, R12, R13, R14, R15 = 61672", assembly.Invoke("RealJit.CodeGen.X86.Probe", "IntCalleeSaved"));
        Assert.Equal(before, BuildAndRun("migrated", migrated, withPackage: true));
    }

    /// <summary>The enum's file with the two classes a user declares beside it: general-purpose registers and vector registers, each bits 0-15.</summary>
    private static string WithClasses(string source)
    {
        const string Classes = """

                [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.R15)]
                public static partial class X86Gpr { }

                [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm15)]
                public static partial class X86Vec { }
            }

            """;
        var end = source.LastIndexOf('}');
        return "using RegisterMasking;\n\n" + source.Substring(0, end).TrimEnd() + "\n" + Classes.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Reads the migrated sets as text, with the mask each is, and their values.</summary>
    private const string Probe = """
        namespace RealJit.CodeGen.X86
        {
            public static class Probe
            {
                public static string VecCallerSaved() => Text(CallingConvention.VecCallerSavedRegisters.GetType().Name, CallingConvention.VecCallerSavedRegisters.ToStringFast(), (int)CallingConvention.VecCallerSavedRegisters);
                public static string IntCallerSaved() => Text(CallingConvention.IntCallerSavedRegisters.GetType().Name, CallingConvention.IntCallerSavedRegisters.ToStringFast(), (int)CallingConvention.IntCallerSavedRegisters);
                public static string IntCalleeSaved() => Text(CallingConvention.IntCalleeSavedRegisters.GetType().Name, CallingConvention.IntCalleeSavedRegisters.ToStringFast(), (int)CallingConvention.IntCalleeSavedRegisters);
                private static string Text(string mask, string names, int value) => mask + ": " + names + " = " + value;
            }
        }
        """;

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
