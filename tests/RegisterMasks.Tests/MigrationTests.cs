using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Tests.Fixtures;
using RegisterMasks.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RegisterMasks.Tests;

/// <summary>
/// The migration the code fixes exist for: a KVM-like file of hand-written masks (<see cref="KvmMigration"/>)
/// taken, by Fix All for every fix offered and "Convert to [RegisterSet]" wherever it is offered,
/// and nothing else, to code with no diagnostic, no hand-written shift, and the same values and behaviour.
/// </summary>
[Trait(TestKind.Category, TestKind.Editor)]
public class MigrationTests
{
    /// <summary>Uses the fixture's API the same way before and after, and prints what it sees; not itself migrated.</summary>
    private const string Probe = """
        namespace Kvm
        {
            public static class MigrationProbe
            {
                public static string Run()
                {
                    var vcpu = new Vcpu();
                    vcpu.kvm_register_mark_dirty(VcpuReg.VCPU_REGS_RCX);
                    vcpu.kvm_register_mark_available(VcpuReg.VCPU_EXREG_CR3);
                    var seen = vcpu.kvm_register_is_available(VcpuReg.VCPU_REGS_RCX) + "," + vcpu.kvm_register_is_available(VcpuReg.VCPU_REGS_RAX) + "," + vcpu.Dirty;
                    vcpu.tdx_register_cache_reset();
                    vcpu.vmx_register_cache_reset();
                    seen += "," + vcpu.kvm_register_is_available(VcpuReg.VCPU_REGS_RAX) + "," + vcpu.kvm_register_is_available(VcpuReg.VCPU_EXREG_EXIT_INFO_1);
                    seen += "," + Vcpu.Describe(Vcpu.TdxAvailable) + "," + Vcpu.IsLazy(Svm.SVM_REGS_LAZY_LOAD_SET) + "," + Vcpu.Parse("VCPU_REGS_RAX, VCPU_REGS_RCX") + "," + Vcpu.TryParse("nope", out _);
                    seen += "," + (ulong)Vmx.VMX_REGS_LAZY_LOAD_SET + "," + (ulong)Tdx.TDX_REGS_AVAIL_SET + "," + (ulong)Svm.SVM_REGS_LAZY_LOAD_SET;
                    return seen;
                }
            }
        }
        """;

    private readonly ITestOutputHelper _output;

    public MigrationTests(ITestOutputHelper output) => _output = output;

    /// <summary>The project's own types named as ours, as a JIT's register allocator has them, imported by every file.</summary>
    private const string UserTypesOfOurNames = """
        namespace Jit.Allocator
        {
            public readonly struct RegisterMasks { }
            public readonly struct RegisterMask { }
            public struct RegisterSet { }
            public sealed class RegisterFile { }
            public sealed class NotARegister { }
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_KVM_style_file_migrates_by_fixes_and_the_refactoring_alone_to_code_with_no_shift_and_the_same_behaviour(bool besideUserTypesOfOurNames)
    {
        var sources = besideUserTypesOfOurNames
            ? KvmMigration.Sources.Select(source => "using Jit.Allocator;\n" + source).Append(UserTypesOfOurNames).ToArray()
            : KvmMigration.Sources;
        var before = Migration.Diagnostics(sources);
        _output.WriteLine($"before: {before.Count} diagnostics: {Migration.Counts(before)}");
        // The counts are the fixture's, as the analyzers see it: a change here is a change of what they report.
        Assert.Equal("RM0001 x9, RM0007 x1, RM0011 x1, RM0012 x1, RM0023 x1, RM0024 x2, RM0025 x5", Migration.Counts(before));

        var migration = new Migration();
        sources = await migration.RunAsync(sources);
        var behaviourBefore = Behaviour(migration.Compiling!);
        _output.WriteLine("applied, in order: " + string.Join("; ", migration.Applied));

        var after = Migration.Diagnostics(sources);
        _output.WriteLine($"after: {after.Count} diagnostics");
        foreach (var source in sources)
        {
            _output.WriteLine(source);
        }
        Assert.Empty(after);
        var run = GeneratorHarness.Run(sources);
        run.AssertCompilesCleanly();
        Assert.DoesNotContain(sources, source => source.Contains("<<", StringComparison.Ordinal));
        Assert.Equal(behaviourBefore, Behaviour(sources));
        _output.WriteLine("behaviour: " + behaviourBefore);
        // Every attribute in the user's files is ours, as the compiler binds it.
        var bound = run.Output.SyntaxTrees.Where(tree => tree.FilePath.StartsWith("Input", StringComparison.Ordinal))
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
                .Select(attribute => run.Output.GetSemanticModel(tree).GetSymbolInfo(attribute).Symbol?.ContainingType?.ContainingNamespace?.ToDisplayString()))
            .Distinct().ToList();
        Assert.Equal(new[] { "RegisterMasking" }, bound);
    }

    /// <summary>What the probe prints over the sources, which must compile (the hand-written masks once the width fits).</summary>
    private static string Behaviour(string[] sources)
    {
        var run = GeneratorHarness.Run(sources.Append(Probe).ToArray());
        Assert.Empty(run.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return (string)run.Load().Invoke("Kvm.MigrationProbe", "Run")!;
    }
}
