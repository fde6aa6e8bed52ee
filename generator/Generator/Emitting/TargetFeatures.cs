using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Incremental;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// What the consumer's target offers that the generated code may use: spans (.NET Core 2.1+, or
/// netstandard2.0 with System.Memory), System.Text.Json (and whether its converters can write
/// dictionary keys, 6.0 on), nullable annotations (C# 8 on), static abstract interface members (C# 11
/// on a runtime with static virtuals: <c>IRegisterMaskOps</c> and each <c>{Mask}Ops</c>), and extension
/// blocks (C# 14 on: the static members of <c>{Mask}Extensions</c> reachable on the mask type). A handful
/// of lookups, equal across keystrokes, so the outputs that combine with it stay cached; made once per
/// references, language version, options and assembly name while the source declares none of the names.
/// </summary>
internal sealed record TargetFeatures(
    bool HasSpan, bool HasJson, bool HasJsonPropertyNames = false, bool HasNullable = false, bool HasStaticAbstracts = false, bool HasExtensionBlocks = false)
{
    /// <summary>
    /// C# 14's number in <see cref="LanguageVersion"/>. The generator builds against a Roslyn that has no name for it;
    /// a compiler that has one (or <c>preview</c>, numbered above every release) passes it through the number.
    /// </summary>
    internal const int CSharp14 = 1400;

    public static readonly TargetFeatures None = new(HasSpan: false, HasJson: false);

    public static TargetFeatures Of(Compilation compilation)
    {
        // Every new declaration snapshot asks again (each top-level edit in an editor: a new method, a field),
        // and the lookups below search every reference: 1.5 ms a keystroke on a 532-file project. What they
        // find depends on the references, the language version, the options and the assembly's name (which
        // decide what is accessible), and on source declarations of the names looked up; where the source
        // declares none of those names, an earlier answer for the same references, version, options and name
        // is the answer. The check of the source is a look at each tree's type declarations, kept per tree.
        if (DeclaresALookedUpName(compilation))
        {
            return Compute(compilation);
        }
        lock (s_known)
        {
            foreach (var known in s_known)
            {
                if (known.Matches(compilation))
                {
                    return known.Features;
                }
            }
        }
        var features = Compute(compilation);
        lock (s_known)
        {
            s_known.Insert(0, new Known(compilation, features));
            if (s_known.Count > KeptAnswers)
            {
                s_known.RemoveAt(s_known.Count - 1);
            }
        }
        return features;
    }

    /// <summary>The simple names of the types <see cref="Compute"/> looks up (and <c>Object</c>, whose assembly it asks).</summary>
    private static readonly string[] LookedUpNames = { "JsonConverter", "ReadOnlySpan", "Span", "MemoryExtensions", "RuntimeFeature", "Object" };

    /// <summary>
    /// Whether a tree declares a type of one of those names. Read from each tree's syntax and kept per tree object
    /// (a tree never changes), so a new compilation looks at the edited tree alone: asking the compilation
    /// (<c>ContainsSymbolsWithName</c>) would have it merge every tree's declarations again, which cost as much as the lookups.
    /// </summary>
    private static bool DeclaresALookedUpName(Compilation compilation) =>
        compilation.SyntaxTrees.Any(tree => s_declaresLookedUpName.Of(tree, CancellationToken.None).Value);

    private static readonly PerTree<StrongBox<bool>> s_declaresLookedUpName = new(static (tree, cancellationToken) => new StrongBox<bool>(
        tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .Any(node => node is BaseTypeDeclarationSyntax type && LookedUpNames.Contains(type.Identifier.ValueText)
                || node is DelegateDeclarationSyntax @delegate && LookedUpNames.Contains(@delegate.Identifier.ValueText))));

    /// <summary>The answers for the compilations asked last (an editor's open projects), newest first.</summary>
    private static readonly System.Collections.Generic.List<Known> s_known = new();
    private const int KeptAnswers = 16;

    /// <summary>An answer, and the settings and language version it holds for.</summary>
    private sealed class Known
    {
        private readonly CompilationSettings _settings;
        private readonly LanguageVersion? _languageVersion;

        public Known(Compilation compilation, TargetFeatures features) =>
            (_settings, _languageVersion, Features) = (CompilationSettings.Of(compilation), (compilation as CSharpCompilation)?.LanguageVersion, features);

        public TargetFeatures Features { get; }

        public bool Matches(Compilation compilation) =>
            _languageVersion == (compilation as CSharpCompilation)?.LanguageVersion && _settings.Matches(compilation);
    }

    private static TargetFeatures Compute(Compilation compilation)
    {
        var converter = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverter`1");
        return new(
            HasSpan: compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not null && compilation.GetTypeByMetadataName("System.Span`1") is not null
                && compilation.GetTypeByMetadataName("System.MemoryExtensions") is not null,
            HasJson: converter is not null,
            // ReadAsPropertyName and WriteAsPropertyName came with System.Text.Json 6.0: a mask is a dictionary key only where both can be overridden.
            HasJsonPropertyNames: converter is not null && IsOverridable(converter, "ReadAsPropertyName") && IsOverridable(converter, "WriteAsPropertyName"),
            // `#nullable enable` is an error before C# 8; from C# 8 on, the generated code says what may be null.
            HasNullable: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp8 },
            HasStaticAbstracts: compilation is CSharpCompilation { LanguageVersion: var version }
                && SupportsStaticAbstracts(version, compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly),
            HasExtensionBlocks: compilation is CSharpCompilation { LanguageVersion: var language } && (int)language >= CSharp14);
    }

    /// <summary>
    /// Whether code in <paramref name="version"/> over the core library <paramref name="coreLibrary"/> (the assembly of
    /// <c>System.Object</c>) can declare and implement static abstract interface members: C# 11 on, and a runtime that
    /// says so with <c>RuntimeFeature.VirtualStaticsInInterfaces</c> (.NET 7 on), as the compiler itself decides.
    /// </summary>
    internal static bool SupportsStaticAbstracts(LanguageVersion version, IAssemblySymbol? coreLibrary) =>
        version >= LanguageVersion.CSharp11
        && coreLibrary?.GetTypeByMetadataName("System.Runtime.CompilerServices.RuntimeFeature") is { } runtimeFeature
        && !runtimeFeature.GetMembers("VirtualStaticsInInterfaces").IsEmpty;

    private static bool IsOverridable(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).Any(member => member is IMethodSymbol { IsVirtual: true } or IMethodSymbol { IsAbstract: true });
}
