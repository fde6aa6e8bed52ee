using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// What of a compilation the generator's models can depend on, so that a keystroke that cannot
/// change them compares equal and leaves the whole pipeline cached, attribute binding included
/// (<c>ForAttributeWithMetadataName</c> binds every annotated declaration again on each new
/// compilation). Two snapshots are equal when they have the same options, the same reference
/// objects, and the same trees, each either the same object or one that differs only where no
/// declaration can see: inside method and accessor bodies and non-constant initializers.
/// That is Roslyn's own top-level equivalence, which decides the same thing for the IDE. It holds
/// for trees with annotations too: their models carry locations, which such an edit moves, but the
/// generator never reports them (the analyzer moves them: <see cref="TreeMapping"/>), and nothing it
/// generates depends on where a declaration sits. Equality has no side effect: when the step after
/// it runs, it finds the reading to build on in <see cref="ReadingStore"/>, by validation.
/// </summary>
/// <remarks>
/// Equal snapshots keep the first one (Roslyn caches the previous value), so comparisons are
/// always against the compilation the models were read from. A snapshot keeps that compilation's
/// trees, references and options, and the compilation itself only weakly: an older version of each
/// tree edited since is all it keeps alive beyond what the current compilation holds.
/// </remarks>
internal sealed class DeclarationSnapshot : IEquatable<DeclarationSnapshot>
{
    private readonly WeakReference<Compilation> _compilation;
    private readonly CompilationSettings _settings;
    private readonly ImmutableArray<SyntaxTree> _trees;

    public DeclarationSnapshot(Compilation compilation)
    {
        _compilation = new WeakReference<Compilation>(compilation);
        _settings = CompilationSettings.Of(compilation);
        _trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
    }

    /// <summary>
    /// The compilation this snapshot was taken from. Asked only by the steps right after the one that
    /// made it (the annotations, the target's features), in the same generator run, while the driver holds the compilation.
    /// </summary>
    public Compilation Compilation => _compilation.TryGetTarget(out var compilation)
        ? compilation
        : throw new InvalidOperationException("The compilation of a declaration snapshot was read after its generator run ended.");

    public ImmutableArray<SyntaxTree> Trees => _trees;

    public bool Equals(DeclarationSnapshot? other)
    {
        if (other is null)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        return SameDeclarations(other);
    }

    private bool SameDeclarations(DeclarationSnapshot other)
    {
        if (!_settings.Matches(other._settings) || _trees.Length != other._trees.Length)
        {
            return false;
        }
        for (var i = 0; i < _trees.Length; i++)
        {
            if (!SameDeclarations(_trees[i], other._trees[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is DeclarationSnapshot other && Equals(other);

    public override int GetHashCode() => unchecked(((_settings.AssemblyName?.GetHashCode() ?? 0) * 397) ^ _trees.Length);

    public static bool SameDeclarations(SyntaxTree before, SyntaxTree after)
    {
        if (ReferenceEquals(before, after))
        {
            return true;
        }
        if (before.FilePath != after.FilePath || !before.Options.Equals(after.Options))
        {
            return false;
        }
        return TopLevelEquivalence.Of(before, after);
    }
}
