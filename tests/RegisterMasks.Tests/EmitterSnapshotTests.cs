using RegisterMasks.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The generated sources, compared with checked-in snapshots (strict in CI: a missing snapshot fails).
/// A changed template shows here as a readable diff under __snapshots__/__mismatch__.
/// </summary>
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
}
