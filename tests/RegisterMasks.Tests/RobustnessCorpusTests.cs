using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Valid inputs mutated at random (tokens deleted, numbers and strings changed, lines duplicated or
/// dropped, identifiers swapped): the generator never fails, every RM diagnostic is located in the
/// user's source, and no error is ever located in a generated file, because a mistake must show in
/// the user's source, not as broken generated code.
/// Each case is built from its own seed, printed with the mutated source when it fails;
/// REGISTERMASKS_MUTATION_SEED replays one.
/// </summary>
[Trait(TestKind.Category, TestKind.Corpus)]
public class RobustnessCorpusTests
{
    private const int Cases = 500;
    private const int FirstSeed = 20261125;

    private static readonly string[] Numbers = { "-1", "0", "1", "7", "31", "63", "64", "65", "128", "200", "1024", "int.MaxValue" };
    private static readonly string[] Strings = { "\"\"", "\"All\"", "\"None\"", "\"not valid\"", "\"GPRS\"", "\"EXREGS\"", "\"TDX_REGS_AVAIL_SET\"", "\"LOW\"", "\"class\"", "null" };

    private static readonly SeededCases s_cases = new("REGISTERMASKS_MUTATION");

    [Fact]
    public void Mutated_inputs_never_crash_the_generator_nor_break_generated_code()
    {
        var bases = RepositoryFiles.KvmSampleInputs()
            .Append(TestInputs.WidthFile(8)).Append(TestInputs.WidthFile(128)).Append(TestInputs.AliasedFile(16))
            .Append(RegisterClassTests.X86).Append(CoveredSwitches)
            .ToArray();
        s_cases.Run(s_cases.Seeds(FirstSeed, Cases), seed =>
        {
            var random = new Random(seed);
            var target = random.Next(bases.Length);
            var mutated = bases[target];
            for (var mutations = random.Next(1, 4); mutations > 0; mutations--)
            {
                mutated = Mutate(mutated, random);
            }
            var sources = CompiledWith(target).Select(i => i == target ? mutated : bases[i]).ToArray();
            return (mutated, () => Check(sources));
        });
    }

    /// <summary>
    /// The inputs a mutated input is compiled with (indices into the bases, itself included): the ones it
    /// can refer to or be referred to by, so that every error a mutation causes, here or in their generated
    /// code, shows. The sample's three files name each other's types and sets; the switches name the
    /// sample's and the x86 file's; the width and alias files stand alone. Compiling all eight every time
    /// bound about 9,200 generated lines per case, most of it unchanged by the mutation.
    /// </summary>
    private static int[] CompiledWith(int target) => target switch
    {
        <= 2 => new[] { 0, 1, 2 },        // the KVM sample: VcpuReg.cs, Backends.cs, Vcpu.cs
        7 => new[] { 0, 1, 2, 6, 7 },      // the covered switches, with the sample and the x86 classes
        _ => new[] { target },            // a width file, the aliased file, the x86 classes
    };

    /// <summary>Switches that cover sets of the sample's file and of the x86 classes, for mutations to break.</summary>
    private const string CoveredSwitches = """
        using RegisterMasking;
        using KvmSample;
        using Jit;
        public static class Covered
        {
            [CoversRegisterSet(nameof(Vmx.VMX_REGS_LAZY_LOAD_SET))]
            public static int Load(VcpuReg register)
            {
                switch (register)
                {
                    case VcpuReg.VCPU_REGS_RIP: return 1;
                    case VcpuReg.VCPU_REGS_RSP or VcpuReg.VCPU_EXREG_CR0: return 2;
                    default: return 0;
                }
            }

            [CoversRegisterSet("CALLEE_SAVED_WINDOWS", RegisterFile = typeof(X86Vec))]
            public static int Save(X86Register register) => register switch
            {
                X86Register.Xmm6 or X86Register.Xmm7 => 1,
                X86Register.Xmm15 => 2,
                _ => 0,
            };
        }
        """;

    private static void Check(string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        var inGenerated = run.ErrorsOutsideUserSource();
        Assert.True(inGenerated.Count == 0, $"errors in generated code:\n{string.Join("\n", inGenerated.Take(5))}");
        Assert.All(run.RegisterMaskDiagnostics(), diagnostic => Assert.StartsWith("Input", diagnostic.Location.GetLineSpan().Path, StringComparison.Ordinal));
    }

    private static string Mutate(string source, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var tokens = root.DescendantTokens().Where(token => token.Span.Length > 0).ToList();
        var lines = source.Split('\n').ToList();
        switch (random.Next(6))
        {
            case 0: // delete a token
            {
                var token = tokens[random.Next(tokens.Count)];
                return source.Remove(token.SpanStart, token.Span.Length);
            }
            case 1: // change a number
            {
                var numbers = tokens.Where(token => token.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                if (numbers.Count == 0) goto case 0;
                var token = numbers[random.Next(numbers.Count)];
                return source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, Numbers[random.Next(Numbers.Length)]);
            }
            case 2: // change a string
            {
                var strings = tokens.Where(token => token.IsKind(SyntaxKind.StringLiteralToken)).ToList();
                if (strings.Count == 0) goto case 0;
                var token = strings[random.Next(strings.Count)];
                return source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, Strings[random.Next(Strings.Length)]);
            }
            case 3: // duplicate a line
            {
                var line = random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            }
            case 4: // drop a line
            {
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join("\n", lines);
            }
            default: // put one identifier where another was
            {
                var identifiers = tokens.Where(token => token.IsKind(SyntaxKind.IdentifierToken)).ToList();
                var token = identifiers[random.Next(identifiers.Count)];
                var other = identifiers[random.Next(identifiers.Count)].ValueText;
                return source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, other);
            }
        }
    }
}
