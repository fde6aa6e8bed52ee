using System.Collections.Immutable;
using RegisterMasks.Generator;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Resolution;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>What the parsers make of annotated code (read off the pipeline's tracked steps), and what the resolver makes of the models.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class ParserTests
{
    [Fact]
    public void Register_file_model_of_the_KVM_sample()
    {
        var file = Assert.Single(Annotations(GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs())).RegisterFiles);

        Assert.Equal("global::KvmSample.VcpuReg", file.EnumFullName);
        Assert.Equal("KvmSample", file.Namespace);
        Assert.Equal("VcpuRegMask", file.MaskName);
        Assert.Equal(32, file.Width);
        Assert.True(file.IsPublic);
        Assert.Empty(file.Diagnostics);
        Assert.Equal(26, file.Members.Count);                                       // 25 registers and the sentinel
        var sentinel = Assert.Single(file.Members, member => !member.IsRegister);
        Assert.Equal(("NR_VCPU_REGS", 17L), (sentinel.Name, sentinel.Index));
        Assert.Equal(17L, file.Members.Single(member => member.Name == "VCPU_EXREG_PDPTR").Index);
        Assert.Equal(24L, file.Members[^1].Index);
    }

    [Fact]
    public void Register_file_defaults_and_options()
    {
        var run = GeneratorHarness.Run("""
            using RegisterMasking;
            [RegisterFile] internal enum Wide : ulong { A = 63 }
            namespace N { [RegisterFile(16, MaskName = "Custom")] public enum Named : byte { B } }
            """);
        var files = Annotations(run).RegisterFiles.OrderBy(file => file.EnumName).ToList();
        Assert.Equal(("Named", "N", "Custom", 16, true), (files[0].EnumName, files[0].Namespace, files[0].MaskName, files[0].Width, files[0].IsPublic));
        Assert.Equal(("Wide", "", "WideMask", 64, false), (files[1].EnumName, files[1].Namespace, files[1].MaskName, files[1].Width, files[1].IsPublic));
    }

    [Fact]
    public void Set_model_keeps_what_was_written_and_where()
    {
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs());
        var tdx = Annotations(run).SetContainers.Single(container => container.DisplayName == "KvmSample.Tdx");
        var set = Assert.Single(tdx.Sets);

        Assert.Equal("KvmSample.Tdx", tdx.FullName);
        Assert.Equal(new[] { new ContainingType("class", "Tdx") }, tdx.Containers);
        Assert.Equal("TDX_REGS_AVAIL_SET", set.Name);
        Assert.Equal("global::KvmSample.VcpuReg", set.RegisterFileKey);
        Assert.Equal(new[] { "VCPU_EXREG_EXIT_INFO_1", "VCPU_EXREG_EXIT_INFO_2" }, set.Listed.Select(register => register.Name));
        Assert.Equal(new[] { 23, 24 }, set.Listed.Select(register => register.Index));
        Assert.Equal("GPRS", Assert.Single(set.Includes).Name);
        Assert.Equal("VCPU_REGS_RSP", Assert.Single(set.Excluded).Name);
        Assert.Equal("Registers a TDX guest exposes to KVM after a TD exit.", set.Summary);
        Assert.False(set.HasErrors);
        Assert.Equal("Input1.cs", set.NameLocation!.FilePath);
    }

    [Fact]
    public void A_range_expands_to_each_register_index_once()
    {
        var run = GeneratorHarness.Run("""
            using RegisterMasking;
            [RegisterFile(8)] public enum R { A, B, B2 = 1, C, [NotARegister] D = 2, E }
            [RegisterSet("RANGE", From = R.A, To = R.C)] public static partial class S { }
            """);
        var set = Annotations(run).SetContainers.Single().Sets.Single();
        Assert.Equal(new[] { 0, 1, 2 }, set.Listed.Select(register => register.Index));
    }

    [Fact]
    public void Resolution_is_the_same_whatever_the_order_of_its_inputs()
    {
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs());
        var files = Annotations(run).RegisterFiles.ToImmutableArray();
        var containers = Annotations(run).SetContainers.ToImmutableArray();

        var forward = SetResolver.Resolve(files, containers, CancellationToken.None);
        var backward = SetResolver.Resolve(files.Reverse().ToImmutableArray(), containers.Reverse().ToImmutableArray(), CancellationToken.None);

        Assert.Equal(forward, backward);
        Assert.Equal(new[] { "Common", "Svm", "Tdx", "Vmx" }, forward.SetContainers.Select(container => container.Containers.Single().NameWithTypeParameters));
        Assert.All(forward.SetContainers, container => Assert.Equal("KvmSample.RegisterSets.g.cs", container.FileHintName));   // one file per namespace
        Assert.Equal(new[] { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 23, 24 },
            forward.SetContainers.Single(c => c.Containers.Single().NameWithTypeParameters == "Tdx").Constants.Single().Bits.Select(bit => bit.Index));
    }

    [Fact]
    public void Partial_declarations_of_one_type_merge_into_one_output()
    {
        var run = GeneratorHarness.Run(
            "using RegisterMasking;\n[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"FIRST\", R.A)] public static partial class Sets { }",
            "using RegisterMasking;\n[RegisterSet(\"SECOND\", R.B, Include = new[] { \"FIRST\" })] public static partial class Sets { }");
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var text = run.SetsSource("Sets");
        Assert.Contains("FIRST", text);
        Assert.Contains("SECOND", text);
    }

    [Fact]
    public void A_mask_named_like_its_namespace_file_of_sets_keeps_both_files()
    {
        // The mask is named first and takes C.RegisterSets.g.cs; the namespace's file of catalogs and set constants is numbered.
        var run = GeneratorHarness.Run("""
            using RegisterMasking;
            namespace C;
            [RegisterFile(8, MaskName = "RegisterSets")] public enum R { A, B }
            [RegisterSet("BOTH", R.A, R.B)] public static partial class Sets { }
            """);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Contains("public enum RegisterSets", run.Source("C.RegisterSets.g.cs"));
        var sets = run.Source("C.RegisterSets.2.g.cs");
        Assert.Contains("static partial class RegisterSetsSets", sets);   // the catalog
        Assert.Contains("BOTH =", sets);
    }

    [Fact]
    public void Mask_names_differing_only_in_case_get_distinct_hint_names()
    {
        var run = GeneratorHarness.Run("""
            using RegisterMasking;
            namespace C;
            [RegisterFile(8, MaskName = "Bits")] public enum One { A }
            [RegisterFile(8, MaskName = "BITS")] public enum Two { B }
            """);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Contains("C.Bits.g.cs", run.Sources.Keys);   // One, first by enum name
        Assert.Contains("C.BITS.2.g.cs", run.Sources.Keys);
    }

    /// <summary>What the scanner read from the whole compilation: the parsers' models, off the pipeline's tracked step.</summary>
    private static AnnotationModels Annotations(GeneratorRun run) =>
        (AnnotationModels)Assert.Single(run.Result.TrackedSteps[TrackingNames.Annotations].SelectMany(stepRun => stepRun.Outputs)).Value;
}
