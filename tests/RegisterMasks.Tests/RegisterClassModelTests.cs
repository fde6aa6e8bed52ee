using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Tests.Infrastructure;
using RegisterMasks.Tests.Modelling;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Random register classes over random enums (<c>sbyte</c> to <c>ulong</c>; values consecutive, scattered,
/// negative, or shared between would-be classes as x86's <c>Rax</c> and <c>Xmm0</c> share 0; sometimes
/// declared in another assembly with no attribute): one to three classes by range, by list in any order or
/// by every member minus <c>Exclude</c>, widths 8 to 1024, with sets on the holder, naming it, or finding
/// their class by member, and sometimes a <c>[RegisterCache(typeof(Holder))]</c>. The generated code is
/// compiled and run, and every mask member, set, conversion and text is compared with a reference model;
/// no RM diagnostic may be reported. Each case is drawn from its own seed, printed on failure: set
/// REGISTERMASKS_CLASS_MODEL_SEED to replay it, REGISTERMASKS_CLASS_MODEL_FIRST_SEED and
/// REGISTERMASKS_CLASS_MODEL_CASES to explore others.
/// </summary>
[Trait(TestKind.Category, TestKind.Model)]
public class RegisterClassModelTests
{
    private static readonly SeededCases s_cases = new("REGISTERMASKS_CLASS_MODEL");

    [Fact]
    public void Generated_class_masks_sets_and_conversions_match_the_reference_model()
    {
        s_cases.Run(s_cases.Seeds(firstSeed: 20261301, cases: 150), seed =>
        {
            var model = ClassCaseGenerator.Draw(seed);
            return (Describe(model), () => Check(model));
        });
    }

    private static void Check(ClassCase model)
    {
        var user = ClassSource.User(model);
        // The masks' extension methods are in the holders' namespace; each class's probes in a namespace of their own.
        var usings = $"using {model.Namespace};\n";
        var probes = new List<string> { usings + ClassProbe.For(model) };
        for (var k = 0; k < model.Classes.Length; k++)
        {
            probes.AddRange(ProbesOf(model, k).Select(probe => $"{usings}namespace P{k}\n{{\n{probe}\n}}\n"));
        }

        var references = Net80.References.All.AsEnumerable();
        byte[]? library = null;
        if (model.Foreign)
        {
            library = Library(model);
            references = references.Append(MetadataReference.CreateFromImage(library));
        }
        var input = GeneratorHarness.Compilation(new[] { user }.Concat(probes), references: references);
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), input);

        // Asked of the user's file alone, as an editor asks of a document: the probes hold no annotation.
        var diagnostics = run.RegisterMaskDiagnosticsIn(1);
        Assert.True(diagnostics.Count == 0, "RM diagnostics on a valid case:\n" + string.Join("\n", diagnostics));
        var assembly = run.Load(cleanly: true, library is null ? Array.Empty<byte[]>() : new[] { library });
        Assert.Equal(ClassProbe.Expected(model), Call(assembly, "ClassProbe", "Dump"));
        for (var k = 0; k < model.Classes.Length; k++)
        {
            var registerClass = model.Classes[k];
            var checks = registerClass.Width <= 64
                ? new[] { ("Probe", "CheckOperations"), ("Probe", "CheckToStringFast"), ("Probe", "CheckTryParseRoundTrip") }
                : new[] { ("WideProbe", "Check") };
            if (registerClass.Cached)
            {
                // A struct mask's probe checks its cache within Check.
                checks = checks.Concat(registerClass.Width <= 64 ? new[] { ("Probe", "CheckCache"), ("CacheProbe", "Check") } : new[] { ("CacheProbe", "Check") }).ToArray();
            }
            if (HasJsonProbe(model, k))
            {
                checks = checks.Append(("JsonProbe", "Check")).ToArray();
            }
            foreach (var (type, method) in checks)
            {
                var problem = (string)Call(assembly, $"P{k}.{type}", method, model.Seed, 20)!;
                Assert.True(problem.Length == 0, $"{registerClass.MaskName} (class {k}), {type}.{method}: {problem}");
            }
        }
    }

    /// <summary>JSON for every other class (chosen without drawing): the serializer's first use of each mask type costs more than the rest of its checks.</summary>
    private static bool HasJsonProbe(ClassCase model, int k) => (model.Seed + k) % 2 == 0;

    /// <summary>A probe's method; what it throws is the failure, not the reflection wrapped around it.</summary>
    private static object? Call(System.Reflection.Assembly assembly, string type, string method, params object[] arguments)
    {
        try
        {
            return assembly.Invoke(type, method, arguments);
        }
        catch (System.Reflection.TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            throw new InvalidOperationException($"{type}.{method} threw {inner}", inner);
        }
    }

    /// <summary>The shared probes, each told the class's bits (from the model), its <c>To{Mask}</c> and, when cached, its holder.</summary>
    private static IEnumerable<string> ProbesOf(ClassCase model, int k)
    {
        var registerClass = model.Classes[k];
        var mask = model.Qualified(registerClass.MaskName);
        var indexing = new ClassIndexing(
            "To" + registerClass.MaskName,
            registerClass.Bits.Select(model.Expression).ToArray(),
            registerClass.Cached ? model.Qualified(model.HolderName(registerClass.Holder)) : null);
        yield return registerClass.Width <= 64
            ? Probe.For(model.QualifiedEnum, mask, registerClass.Width, indexing)
            : WideProbe.For(model.QualifiedEnum, mask, registerClass.Width, indexing);
        if (registerClass.Cached)
        {
            yield return CacheProbe.For(model.QualifiedEnum, mask, indexing);
        }
        if (HasJsonProbe(model, k))
        {
            yield return JsonProbe.For(model.QualifiedEnum, mask, registerClass.Bits.Select((position, bit) => (bit, model.Members[position].Name)), indexing);
        }
    }

    /// <summary>The foreign enum alone, compiled as a library the case references by metadata.</summary>
    private static byte[] Library(ClassCase model)
    {
        var library = CSharpCompilation.Create($"Lib{(uint)model.Seed}",
            new[] { CSharpSyntaxTree.ParseText(ClassSource.Enum(model)) },
            Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emitted = library.Emit(stream);
        Assert.True(emitted.Success, "The foreign enum does not compile: " + string.Join("\n", emitted.Diagnostics));
        return stream.ToArray();
    }

    private static string Describe(ClassCase model)
    {
        var classes = string.Join("; ", model.Classes.Select(c => $"{c.MaskName}: {c.Choice}, {c.Bits.Length} registers, width {c.Width}{(c.Cached ? ", cached" : "")}"));
        return $"{model.Underlying} enum of {model.Members.Length} members{(model.Foreign ? " in another assembly" : "")}, {classes}, {model.Sets.Length} sets, case seed {model.Seed}\n" +
            (model.Foreign ? $"// ---- the referenced library\n{ClassSource.Enum(model)}// ---- the user's source\n" : "") + ClassSource.User(model);
    }
}
