using RegisterMasks.Shared;
using RegisterMasks.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The generated sources, compared with checked-in snapshots (strict in CI: a missing snapshot fails).
/// A changed template shows here as a readable diff under __snapshots__/__mismatch__.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class EmitterSnapshotTests
{
    [Fact]
    public void Kvm_sample()
    {
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs());
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        foreach (var (hintName, text) in run.GeneratedCode)
        {
            Snapshot.Match(text, SnapshotNameExtension.Create(hintName));
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    public void Each_width(int width)
    {
        var run = GeneratorHarness.Run(TestInputs.WidthFile(width));
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        foreach (var (hintName, text) in run.GeneratedCode)
        {
            // Every width's sets type is in one namespace, whose file has one name: the snapshot is named by the type.
            Snapshot.Match(text, SnapshotNameExtension.Create(hintName == "Widths.RegisterSets.g.cs" ? $"Widths.Sets{width}.RegisterSets.g.cs" : hintName));
        }
    }

    /// <summary>A register class over scattered values: the switch, the table, To{Mask} and every bit read through them.</summary>
    [Fact]
    public void Register_class_mask()
    {
        var run = GeneratorHarness.Run("""
            using RegisterMasking;
            namespace Cls;
            public enum Reg { None = 0, A = 10, B = 20, C = 30, V0 = 10, V1 = 11 }
            [RegisterClass(typeof(Reg), "GprMask", Registers = new object[] { Reg.A, Reg.B, Reg.C })]
            [RegisterClass(typeof(Reg), "VecMask", From = Reg.V0, To = Reg.V1)]
            public static partial class Classes { }
            """);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Snapshot.Match(run.Source("Cls.GprMask.g.cs"), SnapshotNameExtension.Create("Cls.GprMask.g.cs"));
        Snapshot.Match(run.Source("Cls.VecMask.g.cs"), SnapshotNameExtension.Create("Cls.VecMask.g.cs"));
    }

    [Fact]
    public void Attributes()
    {
        var run = GeneratorHarness.Run("");
        Snapshot.Match(run.Source("RegisterMasks.Attributes.g.cs"));
    }

    [Fact]
    public void Templates_never_write_to_the_builtins_every_render_shares()
    {
        // Mask, wide mask and cache templates assign variables; those must land in each render's own globals.
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs().Append(TestInputs.WidthFile(128)).ToArray());
        Assert.Contains("Widths.Reg128Mask.g.cs", run.Sources.Keys);
        Assert.Contains("KvmSample.Vcpu.RegisterCache.g.cs", run.Sources.Keys);
        Assert.Empty(RegisterMasks.Generator.Emitting.TemplateSet.s_noBuiltins);
    }
}
