using System.Globalization;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>The inputs the generator is timed on, made here so that every run measures the same thing.</summary>
internal static class GeneratorInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public const string UnrelatedPath = "Unrelated0.cs";


    public static CSharpCompilation Create(string input) =>
        CSharpCompilation.Create(
            input,
            Sources(input).Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path, Encoding.UTF8)),
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly Dictionary<string, (CSharpCompilation, GeneratorDriver)> s_primed = new(StringComparer.Ordinal);

    /// <summary>The input's compilation and a driver that has run on it, made once per process (both are immutable).</summary>
    public static (CSharpCompilation Compilation, GeneratorDriver Driver) Primed(string input)
    {
        lock (s_primed)
        {
            if (!s_primed.TryGetValue(input, out var primed))
            {
                var compilation = Create(input);
                var driver = GeneratorBenchmarks.NewDriver().RunGenerators(compilation);
                GeneratorBenchmarks.EnsureGenerated(driver, input);
                s_primed[input] = primed = (compilation, driver);
            }
            return primed;
        }
    }

    /// <summary>
    /// Every file with an annotation gets a using alias at its top: a top-level edit, so every annotation
    /// is read again, and every declaration of ours moves, so every model differs and resolution runs again.
    /// </summary>
    public static CSharpCompilation WithEveryAnnotatedFileEdited(CSharpCompilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees.Where(tree => tree.ToString().Contains("[Register", StringComparison.Ordinal)).ToList())
        {
            compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("using EditedAlias = System.Int32;\n" + tree, ParseOptions, tree.FilePath, Encoding.UTF8));
        }
        return compilation;
    }

    /// <summary>The same compilation with every tree parsed again from the same text.</summary>
    public static CSharpCompilation Reparsed(CSharpCompilation compilation) =>
        compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(
            compilation.SyntaxTrees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), ParseOptions, tree.FilePath)));

    public static CSharpCompilation WithEdit(CSharpCompilation compilation, string path, Func<string, string> edit)
    {
        var tree = compilation.SyntaxTrees.Single(candidate => candidate.FilePath == path);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edit(tree.ToString()), ParseOptions, path, Encoding.UTF8));
    }

    /// <summary>A keystroke in the unrelated file: one constant changed in a method body.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation) =>
        WithEdit(compilation, UnrelatedPath, text => text.Replace("value * 2", "value * 3"));

    /// <summary>A top-level keystroke in a file without annotations: a new method typed, which binds to no name of ours.</summary>
    public static CSharpCompilation WithNewMethod(CSharpCompilation compilation) =>
        WithEdit(compilation, UnrelatedPath, text => text.Replace("    public int Sum(int[] values)", "    public int Typed(int x) => x;\n\n    public int Sum(int[] values)"));

    /// <summary>
    /// A global using added to a file without annotations: it reaches every file, so every annotation
    /// is read again; none changes, so the models compare equal and nothing after the scan runs.
    /// </summary>
    public static CSharpCompilation WithGlobalUsing(CSharpCompilation compilation) =>
        WithEdit(compilation, UnrelatedPath, text => "global using GlobalAlias = System.Int32;\n" + text);

    /// <summary>A keystroke inside a method body of a file with annotations (the vCPU cache; a helper beside the large input's sets).</summary>
    public static CSharpCompilation WithAnnotatedBodyEdit(CSharpCompilation compilation, string input) => input == "KvmSample"
        ? WithEdit(compilation, "Vcpu.cs", text => text.Replace("value = _readFromHardware(register);", "value = _readFromHardware(register) + 0;"))
        : WithEdit(compilation, "Sets0.cs", text => text.Replace("return value * 2;", "return value * 3;"));

    /// <summary>A keystroke that changes one set: a register added to it.</summary>
    public static CSharpCompilation WithSetEdit(CSharpCompilation compilation, string input) => input == "KvmSample"
        ? WithEdit(compilation, "Backends.cs", text => text.Replace(
            "[RegisterSet(\"SVM_REGS_LAZY_LOAD_SET\", VcpuReg.VCPU_EXREG_PDPTR,", "[RegisterSet(\"SVM_REGS_LAZY_LOAD_SET\", VcpuReg.VCPU_EXREG_PDPTR, VcpuReg.VCPU_EXREG_CR3,"))
        : WithEdit(compilation, "Sets0.cs", text => text.Replace("[RegisterSet(\"S5\", Reg0.R35,", "[RegisterSet(\"S5\", Reg0.R35, Reg0.R63,"));

    /// <summary>
    /// The compilation with our attribute definitions as plain source, taken from a run of the real
    /// generator: what a generator timed without ours needs in order to find the attributes.
    /// </summary>
    public static CSharpCompilation WithAttributesAsSource(CSharpCompilation compilation, GeneratorDriver generated) =>
        compilation.AddSyntaxTrees(generated.GetRunResult().GeneratedTrees.Where(tree => tree.FilePath.Contains("Attribute")));

    /// <summary>Writes an input's files under <paramref name="directory"/>/src, for a command-line build to compile.</summary>
    public static void Write(string input, string directory)
    {
        var source = Path.Combine(directory, "src");
        Directory.CreateDirectory(source);
        foreach (var (path, text) in Sources(input))
        {
            File.WriteAllText(Path.Combine(source, path), text);
        }
    }

    private static IEnumerable<(string Path, string Text)> Sources(string input) => input switch
    {
        "KvmSample" => KvmSample(),
        "Large" => Large(realistic: false),
        "Realistic" => Large(realistic: true),
        _ when input.StartsWith(AttributeHeavyPrefix, StringComparison.Ordinal) => AttributeHeavy(input),
        _ when input.StartsWith(UnannotatedPrefix, StringComparison.Ordinal) => Unannotated(int.Parse(input.Substring(UnannotatedPrefix.Length), CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "no such benchmark input"),
    };

    private static IEnumerable<(string Path, string Text)> KvmSample()
    {
        var sample = Path.Combine(FindRoot(), "sample");
        foreach (var name in new[] { "VcpuReg.cs", "Backends.cs", "Vcpu.cs", "X86Reg.cs" })
        {
            yield return (name, File.ReadAllText(Path.Combine(sample, name)));
        }
        yield return (UnrelatedPath, Unrelated(0, attributed: false));
    }

    /// <summary>
    /// 32 register files of 64 registers, 64 sets each with ranges and includes (beside a helper with a
    /// method body), and 500 unrelated files; <paramref name="realistic"/> puts common type attributes
    /// (<c>[Serializable]</c>, <c>[DebuggerDisplay]</c>, <c>[Description]</c>) on a third of those, as real projects have.
    /// </summary>
    private static IEnumerable<(string Path, string Text)> Large(bool realistic)
    {
        for (var file = 0; file < 32; file++)
        {
            var registers = string.Join(", ", Enumerable.Range(0, 64).Select(i => $"R{i}"));
            var text = new StringBuilder($"using RegisterMasking;\nnamespace Large.F{file};\n\n[RegisterFile(64)]\npublic enum Reg{file} {{ {registers} }}\n");
            text.Append("\npublic static class Helper\n{\n    public static int Twice(int value)\n    {\n        return value * 2;\n    }\n}\n\n");
            for (var owner = 0; owner < 8; owner++)
            {
                for (var set = owner * 8; set < owner * 8 + 8; set++)
                {
                    var from = set % 48;
                    var include = set == 0 ? "" : $", Include = new[] {{ \"S{set - 1}\" }}";
                    text.Append(CultureInfo.InvariantCulture, $"[RegisterSet(\"S{set}\", Reg{file}.R{(set * 7) % 64}, From = Reg{file}.R{from}, To = Reg{file}.R{from + 8}{include}, Exclude = new object[] {{ Reg{file}.R{(set + 3) % 64} }})]\n");
                }
                text.Append(CultureInfo.InvariantCulture, $"public static partial class Backend{owner} {{ }}\n\n");
            }
            yield return ($"Sets{file}.cs", text.ToString());
        }
        for (var i = 0; i < 500; i++)
        {
            yield return ($"Unrelated{i}.cs", Unrelated(i, attributed: realistic && i % 3 == 0));
        }
    }

    public const string UnannotatedPrefix = "Unannotated";

    /// <summary>
    /// <c>Unannotated{N}</c>: a project that references the package and uses none of it: N ordinary files
    /// (a third with common type attributes) and a register enum with hand-written masks, nothing annotated.
    /// </summary>
    private static IEnumerable<(string Path, string Text)> Unannotated(int files)
    {
        yield return ("Registers.cs", """
            namespace Unannotated;

            public enum X86Register { Invalid = -1, Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi }

            public static class CallingConvention
            {
                public static int GetArgumentsMask() => (1 << (int)X86Register.Rcx) | (1 << (int)X86Register.Rdx);
                public static int GetCalleeSavedMask() => (1 << (int)X86Register.Rbx) | (1 << (int)X86Register.Rbp) | (1 << (int)X86Register.Rsi);
            }
            """);
        for (var i = 0; i < files; i++)
        {
            yield return ($"Unrelated{i}.cs", Unrelated(i, attributed: i % 3 == 0));
        }
    }

    public const string AttributeHeavyPrefix = "AttributeHeavy";

    /// <summary>
    /// <c>AttributeHeavy{N}x{S}</c>: N register files of 64 registers, each with S sets (16 per class)
    /// of one register, a range, an include of the previous set and an exclude, and 5 small plain
    /// files per register file: an input where annotations are most of the code, so that what
    /// reading them costs is weighed against a compiler that binds little else.
    /// </summary>
    private static IEnumerable<(string Path, string Text)> AttributeHeavy(string input)
    {
        var size = input.Substring(AttributeHeavyPrefix.Length).Split('x');
        var (files, sets) = (int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture));
        for (var file = 0; file < files; file++)
        {
            var registers = string.Join(", ", Enumerable.Range(0, 64).Select(i => $"R{i}"));
            var text = new StringBuilder($"using RegisterMasking;\nnamespace Heavy.F{file};\n\n[RegisterFile(64)]\npublic enum Reg{file} {{ {registers} }}\n");
            text.Append("\npublic static class Helper\n{\n    public static int Twice(int value)\n    {\n        return value * 2;\n    }\n}\n\n");
            for (var set = 0; set < sets; set++)
            {
                var from = set % 48;
                var include = set == 0 ? "" : $", Include = new[] {{ \"S{set - 1}\" }}";
                text.Append(CultureInfo.InvariantCulture, $"[RegisterSet(\"S{set}\", Reg{file}.R{(set * 7) % 64}, From = Reg{file}.R{from}, To = Reg{file}.R{from + 8}{include}, Exclude = new object[] {{ Reg{file}.R{(set + 3) % 64} }})]\n");
                if (set % 16 == 15 || set == sets - 1)
                {
                    text.Append(CultureInfo.InvariantCulture, $"public static partial class Backend{set / 16} {{ }}\n\n");
                }
            }
            yield return ($"Sets{file}.cs", text.ToString());
        }
        for (var i = 0; i < files * 5; i++)
        {
            yield return ($"Unrelated{i}.cs", SmallPlain(i));
        }
    }

    /// <summary>A small plain file: one class, a property and a loop (with the text the edits above look for).</summary>
    private static string SmallPlain(int i) => $$"""
        namespace Heavy.Plain{{i % 8}};

        public sealed class Plain{{i}}
        {
            public int Answer { get; private set; }

            public int Sum(int[] values)
            {
                var total = 0;
                foreach (var value in values)
                {
                    total += value * 2;
                }
                Answer = total;
                return total;
            }
        }
        """;

    /// <summary>Ordinary code for the compiler to bind: a type with fields, properties, loops and LINQ.</summary>
    private static string Unrelated(int i, bool attributed) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Unrelated.N{{i % 20}};

        {{(attributed ? "[Serializable]\n[System.Diagnostics.DebuggerDisplay(\"{Answer}\")]\n[System.ComponentModel.Description(\"a service\")]" : "")}}
        public sealed class Service{{i}}
        {
            private readonly Dictionary<string, int> _counts = new();
            public int Answer { get; private set; } = {{i}};

            public void Add(string key) => _counts[key] = _counts.TryGetValue(key, out var n) ? n + 1 : 1;

            public IEnumerable<string> Top(int take) => _counts.OrderByDescending(pair => pair.Value).Take(take).Select(pair => $"{pair.Key}={pair.Value}");

            public int Sum(int[] values)
            {
                var total = 0;
                foreach (var value in values)
                {
                    total += value % 3 == 0 ? value * 2 : value;
                }
                Answer = total;
                return total;
            }

            public override string ToString() => string.Join(", ", Top(3)) + " " + Answer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
