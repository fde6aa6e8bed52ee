using System.Reflection;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>Every test class says what kind it is, once, so that <c>--filter Category=...</c> selects every test of a kind and no other.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class TestKindTests
{
    [Fact]
    public void Every_test_class_has_exactly_one_known_kind()
    {
        var known = new[] { TestKind.Unit, TestKind.Model, TestKind.Corpus, TestKind.Package, TestKind.Editor };
        var testClasses = typeof(TestKindTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .ToList();
        Assert.NotEmpty(testClasses);
        var wrong = testClasses
            .Select(type => (type.Name, Kinds: Traits(type).Where(pair => pair.Name == TestKind.Category).Select(pair => pair.Value).ToList()))
            .Where(entry => entry.Kinds.Count != 1 || !known.Contains(entry.Kinds[0]))
            .Select(entry => $"{entry.Name}: [{string.Join(", ", entry.Kinds)}]")
            .ToList();
        Assert.True(wrong.Count == 0, "Test classes without exactly one known kind: " + string.Join("; ", wrong));
    }

    /// <summary>The traits written on the class, as name and value (xunit reads them from the attribute's arguments too).</summary>
    private static IEnumerable<(string Name, string Value)> Traits(Type type) =>
        type.GetCustomAttributesData().Where(attribute => attribute.AttributeType == typeof(TraitAttribute))
            .Select(attribute => ((string)attribute.ConstructorArguments[0].Value!, (string)attribute.ConstructorArguments[1].Value!));
}
