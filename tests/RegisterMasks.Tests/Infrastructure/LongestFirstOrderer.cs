using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("RegisterMasks.Tests.Infrastructure.LongestFirstOrderer", "RegisterMasks.Tests")]

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Starts the longest classes first. xunit runs as many test classes at once as there are cores,
/// taking the next one as one ends; left in name order, the model cases (about three minutes alone)
/// started late and ran by themselves at the end while the other core idled. The order comes from a
/// CI run's durations; a class missing from the list only starts later, never fails.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    {
        "ModelBasedPropertyTests", "RobustnessCorpusTests", "InvalidAnnotationCorpusTests", "PackageTests",
        "SharedReadingTests", "RealCodeFixtureTests", "GeneratedCodeBehaviourTests", "CodeFixTests",
        "CompileMatrixTests", "EditorTests", "ConvertToRegisterSetTests", "MigrationTests",
    };

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);

    /// <summary>The class's place in <see cref="Longest"/>; after all of them when it is not there.</summary>
    private static int Rank(ITestCollection collection)
    {
        // A class's own collection is named "Test collection for Namespace.ClassName".
        var name = collection.DisplayName.Substring(collection.DisplayName.LastIndexOf('.') + 1);
        var rank = Array.IndexOf(Longest, name);
        return rank < 0 ? Longest.Length : rank;
    }
}
