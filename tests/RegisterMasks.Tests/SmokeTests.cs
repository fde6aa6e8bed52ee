using RegisterMasks.Generator.Emitting;
using Xunit;

namespace RegisterMasks.Tests;

public class SmokeTests
{
    [Fact]
    public void Attributes_render() => Assert.Contains("RegisterFileAttribute", SourceEmitter.Attributes());
}
