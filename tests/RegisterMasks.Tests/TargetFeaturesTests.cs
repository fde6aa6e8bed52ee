using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator.Emitting;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// What the target offers is looked up once per references, language version, options and assembly name
/// (<see cref="TargetFeatures.Of"/>), unless the source declares a name it looks up. Each test asks first for
/// a compilation whose answer is kept, then for one that differs only where the keep must not apply.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class TargetFeaturesTests
{
    private const string Plain = "public static class Plain { }";

    private static CSharpCompilation Compilation(string name, IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(name, sources.Select(source => CSharpSyntaxTree.ParseText(source, GeneratorHarness.Latest)), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Fact]
    public void Spans_declared_in_source_are_seen_although_the_same_references_had_none()
    {
        var name = "Features" + Guid.NewGuid().ToString("N");
        var references = Basic.Reference.Assemblies.NetStandard20.References.All.ToList();
        Assert.False(TargetFeatures.Of(Compilation(name, references, Plain)).HasSpan);
        Assert.False(TargetFeatures.Of(Compilation(name, references, Plain, "public class Other { }")).HasSpan);   // kept: same answer

        const string Spans = "namespace System { public readonly ref struct ReadOnlySpan<T> { } public readonly ref struct Span<T> { } public static class MemoryExtensions { } }";
        Assert.True(TargetFeatures.Of(Compilation(name, references, Plain, Spans)).HasSpan);
    }

    [Fact]
    public void A_json_converter_declared_in_source_is_seen_although_the_same_references_had_none()
    {
        var name = "Features" + Guid.NewGuid().ToString("N");
        var references = Basic.Reference.Assemblies.NetStandard20.References.All.ToList();
        Assert.False(TargetFeatures.Of(Compilation(name, references, Plain)).HasJson);

        const string Json = "namespace System.Text.Json.Serialization { public abstract class JsonConverter<T> { } }";
        Assert.True(TargetFeatures.Of(Compilation(name, references, Plain, Json)).HasJson);
    }

    [Fact]
    public void Other_references_or_language_versions_are_asked_again()
    {
        var name = "Features" + Guid.NewGuid().ToString("N");
        var net80 = Basic.Reference.Assemblies.Net80.References.All.ToList();
        var latest = TargetFeatures.Of(Compilation(name, net80, Plain));
        Assert.True(latest is { HasSpan: true, HasJson: true, HasStaticAbstracts: true });

        var older = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(Plain, new CSharpParseOptions(LanguageVersion.CSharp7_3)) }, net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(TargetFeatures.Of(older) is { HasSpan: true, HasNullable: false, HasStaticAbstracts: false });

        var standard = TargetFeatures.Of(Compilation(name, Basic.Reference.Assemblies.NetStandard20.References.All, Plain));
        Assert.True(standard is { HasSpan: false, HasJson: false, HasStaticAbstracts: false });
    }
}
