using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The generated code compiles with no warning from C# 7.3 (netstandard2.0 consumers, without
/// BitOperations) to the latest version with nullable enabled and every warning wave on.
/// The packed-package test builds a real netstandard2.0 consumer too.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class LanguageVersionTests
{
    /// <summary>The KVM sample, rewritten without file-scoped namespaces, as C# 7.3 requires.</summary>
    private static string[] KvmSampleAsCSharp73() =>
        RepositoryFiles.KvmSampleInputs()
            .Select(source => source.Replace("namespace KvmSample;", "namespace KvmSample {") + "\n}")
            .ToArray();

    [Fact]
    public void Compiles_cleanly_as_CSharp_7_3()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        var sources = KvmSampleAsCSharp73().Concat(new[] { TestInputs.WidthFile(8), TestInputs.WidthFile(64) });
        var run = GeneratorHarness.Run(sources, options);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.All(run.Output.SyntaxTrees, tree => Assert.Equal(LanguageVersion.CSharp7_3, ((CSharpParseOptions)tree.Options).LanguageVersion));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void Every_output_compiles_cleanly_in_each_language_version(LanguageVersion version)
    {
        var options = new CSharpParseOptions(version);
        var sources = KvmSampleAsCSharp73()
            .Concat(TestInputs.Widths.Append(128).Append(1024).Select(TestInputs.WidthFile))
            .Append(TestInputs.AliasedFile(32))
            .Append(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "sample", "X86Reg.cs")).Replace("namespace KvmSample;", "namespace KvmSample {") + "\n}");
        var run = GeneratorHarness.Run(sources, options);
        Assert.DoesNotContain(run.RegisterMaskDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        run.AssertCompilesCleanly();
    }

    /// <summary>
    /// <c>IRegisterMaskOps</c> (once) and a <c>{Mask}Ops</c> per mask where the compilation has static abstract interface
    /// members (C# 11 on, over .NET 7 on), extension blocks from C# 14 (<c>preview</c> to the Roslyn the tests build with);
    /// neither elsewhere, and every combination compiles cleanly.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false, false, false)]
    [InlineData(LanguageVersion.CSharp10, false, false, false)]
    [InlineData(LanguageVersion.CSharp11, false, true, false)]
    [InlineData(LanguageVersion.CSharp11, true, false, false)]
    [InlineData(LanguageVersion.CSharp13, false, true, false)]
    [InlineData(LanguageVersion.CSharp13, true, false, false)]
    [InlineData(LanguageVersion.Preview, false, true, true)]
    [InlineData(LanguageVersion.Preview, true, false, true)]
    public void Ops_and_extension_blocks_exactly_where_the_target_has_them(LanguageVersion version, bool netStandard20, bool ops, bool extensionBlocks)
    {
        var options = new CSharpParseOptions(version);
        var sources = new[] { TestInputs.WidthFile(8), TestInputs.WidthFile(64), TestInputs.WidthFile(256), TestInputs.AliasedFile(32) };
        var references = netStandard20 ? Basic.Reference.Assemblies.NetStandard20.References.All : Basic.Reference.Assemblies.Net80.References.All;
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(options), GeneratorHarness.Compilation(sources, options, references: references));
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();

        Assert.Equal(ops, run.Sources.ContainsKey("RegisterMasks.IRegisterMaskOps.g.cs"));
        foreach (var (hint, mask) in new[] { ("Widths.Reg8Mask.g.cs", "Reg8Mask"), ("Widths.Reg64Mask.g.cs", "Reg64Mask"), ("Widths.Reg256Mask.g.cs", "Reg256Mask"), ("Aliased.Reg32Mask.g.cs", "Reg32Mask") })
        {
            var source = run.Source(hint);
            Assert.Equal(ops, source.Contains($"public readonly struct {mask}Ops : global::RegisterMasking.IRegisterMaskOps<", StringComparison.Ordinal));
            Assert.Equal(extensionBlocks, source.Contains("        extension(global::", StringComparison.Ordinal));
        }
        var interfaces = run.Output.GetSymbolsWithName("IRegisterMaskOps", SymbolFilter.Type).ToList();
        Assert.Equal(ops ? 1 : 0, interfaces.Count);
        if (ops)
        {
            var declared = (INamedTypeSymbol)interfaces[0];
            Assert.Equal("RegisterMasking", declared.ContainingNamespace.ToDisplayString());
            Assert.Equal(Accessibility.Internal, declared.DeclaredAccessibility);
            Assert.All(declared.GetMembers(), member => Assert.True(member.IsStatic && member.IsAbstract, member.Name));
        }
    }

    /// <summary>A type of the user's named as a mask's Ops keeps the name: ours is left out, with RM0010 only where ours would be generated.</summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, false)]
    [InlineData(LanguageVersion.CSharp13, true)]
    public void A_type_of_the_users_named_as_a_masks_Ops_keeps_its_name(LanguageVersion version, bool reported)
    {
        var options = new CSharpParseOptions(version);
        var run = GeneratorHarness.Run(new[] { "namespace N { [RegisterMasking.RegisterFile(8)] public enum R { A } public struct RMaskOps { public int Mine; } }" }, options);
        Assert.Equal(reported ? new[] { "RM0010" } : Array.Empty<string>(), run.RegisterMaskDiagnostics().Select(diagnostic => diagnostic.Id));
        Assert.DoesNotContain("struct RMaskOps", run.Source("N.RMask.g.cs"), StringComparison.Ordinal);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Without_a_mask_no_IRegisterMaskOps_is_generated()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp13);
        var run = GeneratorHarness.Run(new[] { "namespace Empty { public static class Nothing { } }" }, options);
        Assert.DoesNotContain("RegisterMasks.IRegisterMaskOps.g.cs", run.Sources.Keys);
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Compiles_cleanly_with_the_latest_version_nullable_and_BitOperations()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "NETCOREAPP3_0_OR_GREATER" });
        var run = GeneratorHarness.Run(
            RepositoryFiles.KvmSampleInputs().Concat(new[] { TestInputs.AliasedFile(64), "using Aliased;\n" + Probe.For("Reg64", "Reg64Mask", 64) }),
            options);
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("", assembly.Invoke("Probe", "CheckOperations", 7, 2000));
        Assert.Equal("", assembly.Invoke("Probe", "CheckToStringFast", 7, 2000));
    }

    [Fact]
    public void Generated_public_members_all_have_doc_comments()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs(), options);
        var generatedTrees = run.Output.SyntaxTrees.Where(tree => !tree.FilePath.StartsWith("Input", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(generatedTrees);
        var problems = run.CompilationDiagnostics.Where(diagnostic => diagnostic.Location.SourceTree is { } tree && generatedTrees.Contains(tree)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Two_assemblies_sharing_internals_both_use_the_attributes_without_CS0436()
    {
        var first = GeneratorHarness.Run(
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"UserAssembly\")]\n" +
            "namespace First { [RegisterMasking.RegisterFile(8)] internal enum FirstReg { A, B } }");
        first.AssertCompilesCleanly();
        var firstReference = first.Output.WithAssemblyName("FirstAssembly").ToMetadataReference();

        var second = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compilation(new[]
        {
            "namespace Second { [RegisterMasking.RegisterFile(8)] internal enum SecondReg { C } }",
        }).AddReferences(firstReference));

        second.AssertCompilesCleanly();
        Assert.DoesNotContain(second.CompilationDiagnostics, diagnostic => diagnostic.Id == "CS0436");
    }

    [Fact]
    public void The_user_assembly_references_no_RegisterMasks_assembly()
    {
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs());
        var assembly = run.Load();
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), name => name.Name!.StartsWith("RegisterMasks", StringComparison.Ordinal));
        var attribute = assembly.GetType("RegisterMasking.RegisterFileAttribute")!;
        Assert.False(attribute.IsPublic); // internal and [Embedded]: invisible to other assemblies
        Assert.Contains(attribute.GetCustomAttributesData(), data => data.AttributeType.FullName == "Microsoft.CodeAnalysis.EmbeddedAttribute");
    }
}
