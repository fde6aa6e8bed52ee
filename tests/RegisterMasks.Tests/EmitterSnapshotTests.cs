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
            Snapshot.Match(text, SnapshotNameExtension.Create(hintName));
        }
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
