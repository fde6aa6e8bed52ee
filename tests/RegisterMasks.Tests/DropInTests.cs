using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Shared;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Adding the package changes nothing: a project whose own types are named like ours, in namespaces
/// of its own and brought in by <c>using</c>, compiles the same with the generator and our analyzers as
/// without them, every name binding to the same symbol. (A top-level namespace <c>RegisterMasks</c>
/// once hid a JIT's <c>struct RegisterMasks</c>: CS0118 the moment the package was referenced.)
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class DropInTests
{
    /// <summary>The names a register-minded project is likely to have taken, each a type of its own.</summary>
    public static readonly string[] TakenNames =
        { "RegisterMasks", "RegisterSet", "RegisterFile", "RegisterCache", "RegisterClass", "Register", "Registers" };

    private static readonly string Library = $$"""
        namespace Jit.CodeGen.RegisterAllocators
        {
            public readonly struct RegisterMasks
            {
                public RegisterMasks(int intMask, int vecMask) { IntMask = intMask; VecMask = vecMask; }
                public int IntMask { get; }
                public int VecMask { get; }
                public static readonly RegisterMasks Empty = new RegisterMasks(0, 0);
            }
            public sealed class RegisterSet { public int Count => 0; public static RegisterSet Create() => new RegisterSet(); }
            public enum RegisterFile { General, Vector }
            public sealed class RegisterCache { public Register Read(int index) => new Register(index); }
            public enum RegisterClass { Integer, Vector }
            public readonly struct Register { public Register(int index) { Index = index; } public int Index { get; } }
            public static class Registers { public static readonly Register Rax = new Register(0); }
            // Attribute classes of the user's own, written as [RegisterSet] would write ours.
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class RegisterFileAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class RegisterSetAttribute : System.Attribute { public RegisterSetAttribute(string name) { } }
        }
        """;

    private const string Consumer = """
        using Jit.CodeGen.RegisterAllocators;

        namespace Jit.CodeGen.X86
        {
            [RegisterFile]
            [RegisterSet("callee-saved")]
            public static class CallingConvention
            {
                public static RegisterMasks GetCalleeSaved() => new RegisterMasks((1 << 3) | (1 << 5), 0);
                public static RegisterMasks Nothing => RegisterMasks.Empty;
                public static RegisterSet Set() => RegisterSet.Create();
                public static RegisterFile File(RegisterClass kind) => kind == RegisterClass.Vector ? RegisterFile.Vector : RegisterFile.General;
                public static Register First(RegisterCache cache) => cache.Read(Registers.Rax.Index);
            }
        }

        namespace Global
        {
            using Jit.CodeGen.RegisterAllocators;

            public sealed class Allocator
            {
                private RegisterMasks _live = RegisterMasks.Empty;
                public RegisterMasks Live => _live;
                public int Count(RegisterSet set) => set.Count + _live.IntMask;
            }
        }
        """;

    [Fact]
    public void A_project_with_types_named_like_ours_compiles_the_same_with_the_generator_and_analyzers()
    {
        var without = GeneratorHarness.Compilation(new[] { Library, Consumer });
        Assert.Empty(without.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

        var run = GeneratorHarness.Run(Library, Consumer);
        run.AssertCompilesCleanly();
        Assert.Empty(run.AnalyzerDiagnostics);
        Assert.Empty(AnalyzerHarness.AnalyzeUsage(run.Output));
        Assert.Empty(run.GeneratedCode);   // nothing annotated, nothing generated but the attributes

        // Every name in the user's files binds to the same symbol with the package as without it.
        foreach (var tree in without.SyntaxTrees)
        {
            var after = run.Output.SyntaxTrees.Single(candidate => candidate.FilePath == tree.FilePath);
            Assert.Equal(Bindings(without, tree), Bindings(run.Output, after));
        }
    }

    [Fact]
    public void The_package_adds_one_top_level_name_and_it_is_none_a_user_is_likely_to_have_taken()
    {
        var bare = GeneratorHarness.Compilation(Array.Empty<string>());
        var run = GeneratorHarness.Run(Array.Empty<string>());
        var before = bare.GlobalNamespace.GetMembers().Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
        var added = run.Output.GlobalNamespace.GetMembers().Select(member => member.Name).Where(name => !before.Contains(name)).ToList();

        // The attributes' namespace, and nothing else: any top-level name hides a user type of that name.
        Assert.Equal(new[] { "RegisterMasking" }, added);
        Assert.DoesNotContain(added, TakenNames.Contains);
    }

    /// <summary>
    /// Present but unused costs nothing it need not: with nothing annotated, neither analyzer registers
    /// an action (the usage analyzer's would walk every file; the other would be called for every file), while one annotated enum turns
    /// them on. Roslyn's own <c>EmbeddedAttribute</c>, which the generator adds to every compilation
    /// beside the attributes, once counted as a mask here.
    /// </summary>
    [Fact]
    public async Task With_nothing_annotated_the_analyzers_register_no_action()
    {
        var unused = GeneratorHarness.Run(Library, Consumer);
        Assert.Contains(unused.Output.SyntaxTrees, tree => tree.FilePath.EndsWith("Microsoft.CodeAnalysis.EmbeddedAttribute.cs", StringComparison.Ordinal));
        var unusedUsage = await Telemetry(unused.Output, new RegisterMasks.Generator.Usage.MaskUsageAnalyzer());
        Assert.Equal((0, 0, 0), (unusedUsage.SemanticModelActionsCount, unusedUsage.SyntaxNodeActionsCount, unusedUsage.OperationActionsCount));
        Assert.Equal(0, (await Telemetry(unused.Output, new RegisterMasks.Generator.RegisterMaskAnalyzer())).SemanticModelActionsCount);
        // The same on trees no generator run read (an editor's compilation, or one with another generator's output): judged from
        // syntax, so only where no attribute is named like ours (the consumer's own [RegisterSet] has to be bound to be told apart).
        var unread = AnalyzerHarness.Reparsed(GeneratorHarness.Run(Library).Output);
        Assert.Equal(0, (await Telemetry(unread, new RegisterMasks.Generator.RegisterMaskAnalyzer())).SemanticModelActionsCount);

        var used = GeneratorHarness.Run(Library, Consumer, "using RegisterMasking; namespace Vm { [RegisterFile(8)] public enum Reg { A, B } }");
        Assert.NotEmpty(used.GeneratedCode);
        // One look per document at the few expressions a usage rule reads; no operation action (which would build every body's operations).
        var usedUsage = await Telemetry(used.Output, new RegisterMasks.Generator.Usage.MaskUsageAnalyzer());
        Assert.Equal((1, 0, 0), (usedUsage.SemanticModelActionsCount, usedUsage.SyntaxNodeActionsCount, usedUsage.OperationActionsCount));
        Assert.Equal(1, (await Telemetry(used.Output, new RegisterMasks.Generator.RegisterMaskAnalyzer())).SemanticModelActionsCount);
        var usedUnread = AnalyzerHarness.Reparsed(used.Output);
        Assert.Equal(1, (await Telemetry(usedUnread, new RegisterMasks.Generator.RegisterMaskAnalyzer())).SemanticModelActionsCount);
    }

    /// <summary>
    /// The switch coverage analyzer registers its member action only where a member carries an attribute named
    /// <c>CoversRegisterSet</c> (or an alias of ours): not for an unused package, nor for register files and sets alone.
    /// </summary>
    [Fact]
    public async Task The_switch_coverage_analyzer_registers_nothing_until_a_member_carries_the_attribute()
    {
        var unused = GeneratorHarness.Run(Library, Consumer);
        Assert.Equal(0, (await Telemetry(unused.Output, new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer())).SyntaxNodeActionsCount);
        const string Annotated = "using RegisterMasking; namespace Vm { [RegisterFile(8)] public enum Reg { A, B } [RegisterSet(\"AB\", Reg.A, Reg.B)] public static partial class Sets { } }";
        var sets = GeneratorHarness.Run(Library, Consumer, Annotated);
        Assert.Equal(0, (await Telemetry(sets.Output, new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer())).SyntaxNodeActionsCount);

        const string Covered = "namespace Vm { using Covers = RegisterMasking.CoversRegisterSetAttribute; public static class Use { [Covers(\"AB\")] public static int F(Reg r) => r switch { Reg.A => 1, Reg.B => 2, _ => 0 }; } }";
        var covered = GeneratorHarness.Run(Library, Consumer, Annotated, Covered);
        Assert.Equal(1, (await Telemetry(covered.Output, new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer())).SyntaxNodeActionsCount);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo> Telemetry(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var withAnalyzers = compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }

    /// <summary>Each identifier of a tree with the symbol it binds to (or what the compiler made of it).</summary>
    private static List<string> Bindings(Compilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>()
            .Select(name => $"{name.SpanStart} {name.Identifier.ValueText} -> {Describe(model.GetSymbolInfo(name))}")
            .ToList();
    }

    private static string Describe(SymbolInfo info) =>
        info.Symbol?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
        ?? $"{info.CandidateReason}: {string.Join(", ", info.CandidateSymbols.Select(symbol => symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))}";
}
