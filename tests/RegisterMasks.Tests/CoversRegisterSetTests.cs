using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.CodeFixes;
using RegisterMasks.Generator.Coverage;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// <c>[CoversRegisterSet]</c>: every switch over the set's enum in the member has a case for each of
/// the set's registers (RM0028, on the <c>switch</c> keyword), a name that gives no set is RM0029, and
/// the fix adds the missing cases before the <c>default</c>, one and Fix All, compiling cleanly.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class CoversRegisterSetTests
{
    /// <summary>KVM's shape: GPRS is a range with an exclude, LOADED includes it and adds RIP.</summary>
    private const string Registers = """
        using RegisterMasking;
        namespace Kvm
        {
            [RegisterFile(32)]
            public enum VcpuReg { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, RIP = 16, CR3 = 17, [RegisterAlias] ERAPS = 17 }

            public enum Other { X, Y }

            [RegisterSet("GPRS", From = VcpuReg.RAX, To = VcpuReg.RDI, Exclude = new object[] { VcpuReg.RSP })]
            [RegisterSet("LOADED", VcpuReg.RIP, Include = new[] { "GPRS" })]
            [RegisterSet("SMALL", VcpuReg.RAX, VcpuReg.RCX, VcpuReg.RDX)]
            [RegisterSet("PAGING", VcpuReg.CR3)]
            public static partial class Sets { }
        }

        """;

    private static string Use(string members, string usings = "using Kvm;\n") => "using RegisterMasking;\n" + usings + $$"""
        public sealed class Vcpu
        {
        {{members}}
        }

        """;

    private static List<Diagnostic> Found(params string[] sources) =>
        CodeFixHarness.Diagnostics("RM0028", sources).Concat(CodeFixHarness.Diagnostics("RM0029", sources)).ToList();

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line;

    [Fact]
    public void A_switch_statement_lacking_registers_is_reported_on_its_keyword_naming_each_in_declaration_order()
    {
        var use = Use("""
                [CoversRegisterSet("GPRS")]
                public ulong LoadRegister(VcpuReg reg)
                {
                    switch (reg)
                    {
                        case VcpuReg.RAX: return 1;
                        case VcpuReg.RBX: return 2;
                        default: return 0;
                    }
                }
            """);
        var found = Assert.Single(Found(Registers, use));
        Assert.Equal("RM0028", found.Id);
        Assert.Equal(DiagnosticSeverity.Warning, found.Severity);
        Assert.Equal("switch", Text(found));
        Assert.Equal("'Vcpu.LoadRegister' covers set 'GPRS', but this switch has no case for RCX, RDX, RBP, RSI, RDI", found.GetMessage());
    }

    [Fact]
    public void A_set_of_a_register_class_is_named_by_its_holder_and_its_registers_are_the_class_members_values()
    {
        var use = Use("""
                [CoversRegisterSet("CALLEE_SAVED_WINDOWS", RegisterFile = typeof(X86Vec))]
                public int SaveSlot(X86Register reg)
                {
                    switch (reg)
                    {
                        case X86Register.Xmm6: case X86Register.Xmm7: case X86Register.Xmm8: case X86Register.Xmm9: return 1;
                        case X86Register.Xmm10: case X86Register.Xmm11: case X86Register.Xmm12: case X86Register.Xmm13: return 2;
                        default: return 0;
                    }
                }

                [CoversRegisterSet("CALLEE_SAVED_WINDOWS", RegisterFile = typeof(X86Gpr))]
                public int GprSlot(X86Register reg) => reg switch
                {
                    X86Register.Rbx or X86Register.Rbp or X86Register.Rdi or X86Register.Rsi => 1,
                    X86Register.R12 or X86Register.R13 or X86Register.R14 => 2,
                    _ => 0,
                };

                [CoversRegisterSet("CALLEE_SAVED_WINDOWS")]
                public int Ambiguous(X86Register reg) => 0;
            """, "using Jit;\n");
        var found = Found(RegisterClassTests.X86, use).OrderBy(Line).ToList();
        Assert.Equal(3, found.Count);
        Assert.Equal("'Vcpu.SaveSlot' covers set 'CALLEE_SAVED_WINDOWS', but this switch has no case for Xmm14, Xmm15", found[0].GetMessage());
        Assert.Equal("'Vcpu.GprSlot' covers set 'CALLEE_SAVED_WINDOWS', but this switch has no case for R15", found[1].GetMessage());
        Assert.Equal("RM0029", found[2].Id);   // two classes have a set of that name, and nothing says which
        Assert.Contains("X86GprMask", found[2].GetMessage());
        Assert.Contains("X86VecMask", found[2].GetMessage());
    }

    [Fact]
    public void A_switch_expression_is_checked_and_its_discard_does_not_count()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Slot(VcpuReg reg) => reg switch
                {
                    VcpuReg.RCX => 1,
                    _ => 0,
                };
            """);
        var found = Assert.Single(Found(Registers, use));
        Assert.Equal("switch", Text(found));
        Assert.Equal("'Vcpu.Slot' covers set 'SMALL', but this switch has no case for RAX, RDX", found.GetMessage());
    }

    [Fact]
    public void A_switch_with_every_register_is_not_reported_and_registers_outside_the_set_are_not_asked_for()
    {
        var use = Use("""
                [CoversRegisterSet(nameof(Sets.SMALL))]
                public int Slot(VcpuReg reg)
                {
                    switch (reg)
                    {
                        case VcpuReg.RAX:
                        case VcpuReg.RCX:
                            return 1;
                        case VcpuReg.RDX: return 2;
                        case VcpuReg.RIP: return 3;
                        default: throw new System.ArgumentOutOfRangeException(nameof(reg));
                    }
                }
            """);
        Assert.Empty(Found(Registers, use));
        AssertCompiles(Registers, use);
    }

    [Fact]
    public void Or_patterns_parentheses_and_several_labels_cover_their_registers()
    {
        var use = Use("""
                [CoversRegisterSet("GPRS")]
                public int Statement(VcpuReg reg)
                {
                    switch (reg)
                    {
                        case VcpuReg.RAX or VcpuReg.RBX:
                        case (VcpuReg.RCX or (VcpuReg.RDX)):
                            return 1;
                        case VcpuReg.RBP:
                        case VcpuReg.RSI:
                            return 2;
                        default:
                            return 0;
                    }
                }

                [CoversRegisterSet("GPRS")]
                public int Expression(VcpuReg reg) => reg switch
                {
                    VcpuReg.RAX or VcpuReg.RBX or VcpuReg.RCX => 1,
                    (VcpuReg.RDX or VcpuReg.RBP) or VcpuReg.RSI or VcpuReg.RDI => 2,
                    _ => 0,
                };
            """);
        var found = Assert.Single(Found(Registers, use));
        Assert.Equal("'Vcpu.Statement' covers set 'GPRS', but this switch has no case for RDI", found.GetMessage());
    }

    [Fact]
    public void Default_when_guards_not_relational_and_type_patterns_cover_nothing()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int OnlyDefault(VcpuReg reg)
                {
                    switch (reg) { default: return 0; }
                }

                [CoversRegisterSet("SMALL")]
                public int Guarded(VcpuReg reg, bool fast)
                {
                    switch (reg)
                    {
                        case VcpuReg.RAX when fast: return 1;
                        case VcpuReg.RCX: return 2;
                        case VcpuReg.RDX: return 3;
                        default: return 0;
                    }
                }

                [CoversRegisterSet("SMALL")]
                public int Patterns(VcpuReg reg, bool fast) => reg switch
                {
                    VcpuReg.RAX when fast => 1,
                    not VcpuReg.RCX and not VcpuReg.RDX => 2,
                    <= VcpuReg.RDX => 3,
                    var other => 4,
                };
            """);
        Assert.Equal(new[]
        {
            "'Vcpu.OnlyDefault' covers set 'SMALL', but this switch has no case for RAX, RCX, RDX",
            "'Vcpu.Guarded' covers set 'SMALL', but this switch has no case for RAX",
            "'Vcpu.Patterns' covers set 'SMALL', but this switch has no case for RAX, RCX, RDX",
        }, Found(Registers, use).Select(diagnostic => diagnostic.GetMessage()));
    }

    [Fact]
    public void Nested_switches_and_switches_in_lambdas_and_local_functions_are_each_checked()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Load(VcpuReg reg, VcpuReg other)
                {
                    System.Func<VcpuReg, int> lambda = r => r switch { VcpuReg.RAX => 1, _ => 0 };
                    switch (reg)
                    {
                        case VcpuReg.RAX:
                        case VcpuReg.RCX:
                        case VcpuReg.RDX:
                            switch (other)
                            {
                                case VcpuReg.RDX: return Local(other);
                                default: return lambda(other);
                            }
                        default:
                            return 0;
                    }

                    static int Local(VcpuReg r)
                    {
                        switch (r) { case VcpuReg.RCX: return 1; default: return 0; }
                    }
                }
            """);
        var found = Found(Registers, use).OrderBy(Line).ToList();
        Assert.Equal(new[]
        {
            "'Vcpu.Load' covers set 'SMALL', but this switch has no case for RCX, RDX",   // the lambda's
            "'Vcpu.Load' covers set 'SMALL', but this switch has no case for RAX, RCX",   // the nested one
            "'Vcpu.Load' covers set 'SMALL', but this switch has no case for RAX, RDX",   // the local function's
        }, found.Select(diagnostic => diagnostic.GetMessage()));
        Assert.All(found, diagnostic => Assert.Equal("switch", Text(diagnostic)));
    }

    [Fact]
    public void Includes_ranges_and_excludes_are_the_resolved_sets_and_registers_compare_by_value()
    {
        var use = Use("""
                [CoversRegisterSet("LOADED")]
                public int Load(VcpuReg reg) => reg switch
                {
                    VcpuReg.RAX or VcpuReg.RCX or VcpuReg.RDX or VcpuReg.RBX => 1,
                    _ => 0,
                };

                [CoversRegisterSet("PAGING")]
                public int Paging(VcpuReg reg) => reg switch
                {
                    VcpuReg.ERAPS => 1,   // the alias of CR3: the same value covers it
                    _ => 0,
                };

                [CoversRegisterSet("PAGING")]
                public int NotPaging(VcpuReg reg) => reg switch
                {
                    VcpuReg.RIP => 1,
                    _ => 0,
                };
            """);
        Assert.Equal(new[]
        {
            "'Vcpu.Load' covers set 'LOADED', but this switch has no case for RBP, RSI, RDI, RIP",   // the range without its exclude, and the listed RIP
            "'Vcpu.NotPaging' covers set 'PAGING', but this switch has no case for CR3",             // the bit's name, not its alias's
        }, Found(Registers, use).Select(diagnostic => diagnostic.GetMessage()));
    }

    [Fact]
    public void Only_switches_over_the_sets_enum_in_members_with_the_attribute_are_checked()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Mixed(VcpuReg reg, Other other, int number)
                {
                    switch (other) { case Other.X: return 1; default: return 0; }    // another enum: not checked
                    switch (number) { case 0: return 1; default: return 0; }         // a number: not checked
                    switch ((int)reg) { case 0: return 1; default: return 0; }       // a cast to int: not checked
                }

                public int Unmarked(VcpuReg reg) => reg switch { VcpuReg.RAX => 1, _ => 0 };
            """);
        Assert.Empty(Found(Registers, use));
    }

    [Fact]
    public void Switches_over_a_nullable_register_or_a_cast_to_the_enum_are_checked()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Nullable(VcpuReg? reg) => reg switch
                {
                    VcpuReg.RAX => 1,
                    null => 0,         // null is one more case, no register
                    _ => 2,
                };

                [CoversRegisterSet("SMALL")]
                public int Cast(int index)
                {
                    switch ((VcpuReg)index)
                    {
                        case VcpuReg.RAX: case VcpuReg.RCX: return 1;
                        default: return 0;
                    }
                }
            """);
        Assert.Equal(new[]
        {
            "'Vcpu.Nullable' covers set 'SMALL', but this switch has no case for RCX, RDX",
            "'Vcpu.Cast' covers set 'SMALL', but this switch has no case for RDX",
        }, Found(Registers, use).Select(diagnostic => diagnostic.GetMessage()));
    }

    [Fact]
    public void Constructors_properties_accessors_and_several_sets_on_one_member_are_checked()
    {
        var use = Use("""
                private readonly int _slot;

                [CoversRegisterSet("SMALL")]
                public Vcpu(VcpuReg reg) { switch (reg) { case VcpuReg.RAX: _slot = 1; break; default: _slot = 0; break; } }

                public VcpuReg Current { get; set; }

                [CoversRegisterSet("SMALL")]
                public int Slot => Current switch { VcpuReg.RCX => 1, _ => _slot };

                public int Other
                {
                    [CoversRegisterSet("PAGING")]
                    get => Current switch { VcpuReg.RDX => 1, _ => 0 };
                }

                [CoversRegisterSet("SMALL")]
                [CoversRegisterSet("PAGING")]
                public int Both(VcpuReg reg) => reg switch { VcpuReg.RAX or VcpuReg.RCX => 1, _ => 0 };
            """);
        Assert.Equal(new[]
        {
            "'Vcpu.Vcpu' covers set 'SMALL', but this switch has no case for RCX, RDX",
            "'Vcpu.Slot' covers set 'SMALL', but this switch has no case for RAX, RDX",
            "'Vcpu.Other' covers set 'PAGING', but this switch has no case for CR3",
            "'Vcpu.Both' covers set 'PAGING', but this switch has no case for CR3",
            "'Vcpu.Both' covers set 'SMALL', but this switch has no case for RDX",
        }, Found(Registers, use).OrderBy(Line).ThenBy(diagnostic => diagnostic.GetMessage(), StringComparer.Ordinal).Select(diagnostic => diagnostic.GetMessage()));
    }

    [Fact]
    public void All_covers_every_register_of_the_file_by_value()
    {
        var use = Use("""
                [CoversRegisterSet("All", RegisterFile = typeof(VcpuReg))]
                public int Load(VcpuReg reg) => reg switch
                {
                    VcpuReg.RAX or VcpuReg.RCX or VcpuReg.RDX or VcpuReg.RBX or VcpuReg.RSP or VcpuReg.RBP or VcpuReg.RSI => 1,
                    VcpuReg.ERAPS => 2,
                    _ => 0,
                };
            """);
        Assert.Equal("'Vcpu.Load' covers set 'All', but this switch has no case for RDI, RIP", Assert.Single(Found(Registers, use)).GetMessage());
    }

    /// <summary>The set grows in another file: the switch that was complete is reported, through a primed generator run as a build or an editor does it.</summary>
    [Fact]
    public void A_set_that_grows_in_another_file_reports_the_switch_that_lacks_the_new_register()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Slot(VcpuReg reg) => reg switch
                {
                    VcpuReg.RAX => 1,
                    VcpuReg.RCX => 2,
                    VcpuReg.RDX => 3,
                    _ => 0,
                };
            """);
        var primed = GeneratorHarness.Run(Registers, use);
        Assert.Empty(AnalyzerHarness.AnalyzeCoverage(primed.Output));

        var grown = GeneratorHarness.ReplaceTree(primed.Input, "Input0.cs", Registers.Replace("VcpuReg.RCX, VcpuReg.RDX)]", "VcpuReg.RCX, VcpuReg.RDX, VcpuReg.RBX)]"));
        var edited = GeneratorHarness.Run(primed.Driver, grown);
        var found = Assert.Single(AnalyzerHarness.AnalyzeCoverage(edited.Output));
        Assert.Equal("Input1.cs", found.Location.SourceTree!.FilePath);
        Assert.Equal("'Vcpu.Slot' covers set 'SMALL', but this switch has no case for RBX", found.GetMessage());

        // And back: the register leaves the set, the warning goes.
        var shrunk = GeneratorHarness.Run(edited.Driver, GeneratorHarness.ReplaceTree(edited.Input, "Input0.cs", Registers));
        Assert.Empty(AnalyzerHarness.AnalyzeCoverage(shrunk.Output));
    }

    /// <summary>
    /// Live, with no editor: only the open file with the switch is analyzed, as an editor asks for its open
    /// document, over compilations where only the other file (the sets) changed.
    /// </summary>
    [Fact]
    public async Task Live_the_open_file_is_reported_when_only_the_other_file_changes()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Slot(VcpuReg reg) { switch (reg) { case VcpuReg.RAX: case VcpuReg.RCX: case VcpuReg.RDX: return 1; default: return 0; } }
            """);
        var run = GeneratorHarness.Run(Registers, use);
        var compilation = (Compilation)run.Output;
        Assert.Empty(await OpenDocumentDiagnostics(compilation));

        foreach (var (added, expected) in new[] { ("VcpuReg.RSI", "RSI"), ("VcpuReg.RSI, VcpuReg.RDI", "RSI, RDI"), ("", null) })
        {
            var sets = Registers.Replace("VcpuReg.RCX, VcpuReg.RDX)]", "VcpuReg.RCX, VcpuReg.RDX" + (added.Length > 0 ? ", " + added : "") + ")]");
            var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input0.cs");
            compilation = compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(sets)));
            var found = await OpenDocumentDiagnostics(compilation);
            Assert.Equal(expected is null ? Array.Empty<string>() : new[] { "'Vcpu.Slot' covers set 'SMALL', but this switch has no case for " + expected },
                found.Select(diagnostic => diagnostic.GetMessage()));
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> OpenDocumentDiagnostics(Compilation compilation)
    {
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CoversRegisterSetAnalyzer()));
        var open = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input1.cs");
        var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(open), filterSpan: null, CancellationToken.None);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics;
    }

    [Fact]
    public void A_name_that_gives_no_set_is_RM0029_at_the_argument()
    {
        var other = """
            using RegisterMasking;
            namespace Pio
            {
                [RegisterFile(8)] public enum Port { P0, P1 }
                [RegisterSet("SMALL", Port.P0)] public static partial class PortSets { }
            }

            """;
        var use = Use("""
                [CoversRegisterSet("NOPE")]
                public int Unknown(VcpuReg reg) => 0;

                [CoversRegisterSet("SMALL")]
                public int Ambiguous(VcpuReg reg) => 0;

                [CoversRegisterSet("SMALL", RegisterFile = typeof(VcpuReg))]
                public int Chosen(VcpuReg reg) => reg switch { VcpuReg.RAX => 1, _ => 0 };

                [CoversRegisterSet("GPRS", RegisterFile = typeof(Pio.Port))]
                public int NotOfFile(VcpuReg reg) => 0;

                [CoversRegisterSet("GPRS", RegisterFile = typeof(Other))]
                public int NotAFile(VcpuReg reg) => 0;
            """);
        var found = Found(Registers, other, use).OrderBy(Line).ToList();
        Assert.Equal(new[]
        {
            ("RM0029", "\"NOPE\"", "'Vcpu.Unknown' covers 'NOPE', which is not a set of any register file"),
            ("RM0029", "\"SMALL\"", "'Vcpu.Ambiguous' covers 'SMALL', a name sets of several register files have (Kvm.VcpuReg, Pio.Port); add RegisterFile = typeof(...)"),
            ("RM0028", "switch", "'Vcpu.Chosen' covers set 'SMALL', but this switch has no case for RCX, RDX"),
            ("RM0029", "\"GPRS\"", "'Vcpu.NotOfFile' covers 'GPRS', which is not a set of 'Port'"),
            ("RM0029", "RegisterFile = typeof(Other)", "'Vcpu.NotAFile' covers 'GPRS' of 'Other', which is not an enum with [RegisterFile]"),
        }, found.Select(diagnostic => (diagnostic.Id, Text(diagnostic), diagnostic.GetMessage())));
        Assert.All(found.Where(diagnostic => diagnostic.Id == "RM0029"), diagnostic => Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity));
    }

    [Fact]
    public void A_partial_methods_implementation_is_checked_as_KVMs_LoadRegister_is()
    {
        var use = "using RegisterMasking;\nusing Kvm;\n" + """
            public sealed partial class Vcpu
            {
                partial void LoadRegister(VcpuReg register, ref ulong value);

                [CoversRegisterSet("SMALL")]
                partial void LoadRegister(VcpuReg register, ref ulong value)
                {
                    switch (register)
                    {
                        case VcpuReg.RAX: value = 1; break;
                        default: throw new System.InvalidOperationException();
                    }
                }
            }

            """;
        Assert.Equal("'Vcpu.LoadRegister' covers set 'SMALL', but this switch has no case for RCX, RDX", Assert.Single(Found(Registers, use)).GetMessage());
    }

    /// <summary>Input the compiler rejects gets the compiler's errors alone, and never an analyzer exception (which fails the harness).</summary>
    [Fact]
    public void Broken_attributes_and_switches_get_no_diagnostic_of_ours_and_no_exception()
    {
        var use = Use("""
                [CoversRegisterSet]
                public int NoArgument(VcpuReg reg) => reg switch { _ => 0 };

                [CoversRegisterSet(42)]
                public int NotAString(VcpuReg reg) => reg switch { _ => 0 };

                [CoversRegisterSet("SMALL", RegisterFile = typeof(NoSuchType))]
                public int UnknownType(VcpuReg reg) => reg switch { _ => 0 };

                [CoversRegisterSet("SMALL")]
                public int NoGoverning(VcpuReg reg) { switch () { case VcpuReg.RAX: return 1; } return 0; }

                [CoversRegisterSet("SMALL")]
                public int UnknownName(VcpuReg reg) => reg switch { VcpuReg.NOPE => 1, VcpuReg.RAX or VcpuReg.RCX or VcpuReg.RDX => 2, _ => 0 };
            """);
        var run = GeneratorHarness.Run(Registers, use);
        Assert.Contains(run.CompilationDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Empty(AnalyzerHarness.AnalyzeCoverage(run.Output));   // a switch without a value has no type to check
    }

    [Fact]
    public void A_set_with_an_error_of_its_own_gets_no_second_diagnostic_from_the_attribute()
    {
        var broken = Registers.Replace("[RegisterSet(\"PAGING\", VcpuReg.CR3)]", "[RegisterSet(\"PAGING\", VcpuReg.CR3, (VcpuReg)12)]");
        var use = Use("""
                [CoversRegisterSet("PAGING")]
                public int Paging(VcpuReg reg) => 0;
            """);
        var run = GeneratorHarness.Run(broken, use);
        Assert.Contains(run.RegisterMaskDiagnostics(), diagnostic => diagnostic.Id == "RM0005");
        Assert.Empty(Found(broken, use));
    }

    [Fact]
    public async Task The_fix_adds_a_section_before_default_in_the_switchs_layout_and_the_result_compiles()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public ulong LoadRegister(VcpuReg reg)
                {
                    switch (reg)
                    {
                        case VcpuReg.RAX:
                            return 1;
                        default:
                            throw new System.ArgumentOutOfRangeException(nameof(reg));
                    }
                }
            """);
        var harness = new CodeFixHarness(new MissingCasesFixProvider(), "RM0028");
        Assert.Equal(new[] { "Add the 2 missing cases" }, await harness.TitlesAsync(0, Registers, use));
        var expected = use.Replace("""
                        default:
            """, """
                        case VcpuReg.RCX:
                        case VcpuReg.RDX:
                            throw new System.NotImplementedException();
                        default:
            """);
        Assert.Equal(expected, (await harness.ApplyAsync(0, null, Registers, use))[1]);
        AssertFixed(Registers, expected);
    }

    [Fact]
    public async Task The_fix_adds_arms_before_the_discard_and_at_the_end_without_one()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                public int Slot(VcpuReg reg) => reg switch
                {
                    VcpuReg.RCX => 1,
                    _ => 0,
                };

            #pragma warning disable CS8509 // not exhaustive: no enum switch without a discard is, before the fix or after
                [CoversRegisterSet("SMALL")]
                public int Strict(VcpuReg reg) => reg switch
                {
                    VcpuReg.RAX => 1,
                    VcpuReg.RCX => 2
                };
            #pragma warning restore CS8509

                [CoversRegisterSet("SMALL")]
                public int Inline(VcpuReg reg) => reg switch { VcpuReg.RAX or VcpuReg.RCX => 1, _ => 0 };
            """, "using System;\nusing Kvm;\n");
        var harness = new CodeFixHarness(new MissingCasesFixProvider(), "RM0028");
        var expected = use
            .Replace("""
                    VcpuReg.RCX => 1,
                    _ => 0,
            """, """
                    VcpuReg.RCX => 1,
                    VcpuReg.RAX => throw new NotImplementedException(),
                    VcpuReg.RDX => throw new NotImplementedException(),
                    _ => 0,
            """)
            .Replace("""
                    VcpuReg.RCX => 2
                };
            """, """
                    VcpuReg.RCX => 2,
                    VcpuReg.RDX => throw new NotImplementedException(),
                };
            """)
            .Replace("VcpuReg.RCX => 1, _ => 0 }", "VcpuReg.RCX => 1, VcpuReg.RDX => throw new NotImplementedException(), _ => 0 }");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1]);
        AssertFixed(Registers, expected);
    }

    [Fact]
    public async Task The_fix_writes_names_in_the_switchs_style_and_Fix_All_adds_each_case_once()
    {
        var use = Use("""
                [CoversRegisterSet("SMALL")]
                [CoversRegisterSet("GPRS")]
                public int Qualified(VcpuReg reg)
                {
                    switch (reg)
                    {
                        case Kvm.VcpuReg.RAX: return 1;
                        default: return 0;
                    }
                }

                [CoversRegisterSet("SMALL")]
                public int Static(VcpuReg reg) => reg switch
                {
                    RAX => 1,
                    _ => 0,
                };

                [CoversRegisterSet("SMALL")]
                public int Unwritten(VcpuReg reg) { switch (reg) { default: return 0; } }
            """, "using Kvm;\nusing static Kvm.VcpuReg;\n");
        Assert.Equal(4, CodeFixHarness.Diagnostics("RM0028", Registers, use).Count);
        var harness = new CodeFixHarness(new MissingCasesFixProvider(), "RM0028");
        var fixedUse = (await harness.FixAllAsync(FixAllScope.Solution, 0, null, Registers, use))[1];
        var expected = use
            .Replace("""
                        case Kvm.VcpuReg.RAX: return 1;
                        default: return 0;
            """, """
                        case Kvm.VcpuReg.RAX: return 1;
                        case Kvm.VcpuReg.RCX:
                        case Kvm.VcpuReg.RDX:
                        case Kvm.VcpuReg.RBX:
                        case Kvm.VcpuReg.RBP:
                        case Kvm.VcpuReg.RSI:
                        case Kvm.VcpuReg.RDI:
                            throw new System.NotImplementedException();
                        default: return 0;
            """)
            .Replace("""
                    RAX => 1,
                    _ => 0,
            """, """
                    RAX => 1,
                    RCX => throw new System.NotImplementedException(),
                    RDX => throw new System.NotImplementedException(),
                    _ => 0,
            """)
            .Replace("switch (reg) { default: return 0; }", "switch (reg) { case VcpuReg.RAX: case VcpuReg.RCX: case VcpuReg.RDX: throw new System.NotImplementedException(); default: return 0; }");
        Assert.Equal(expected, fixedUse);
        AssertFixed(Registers, expected);
    }

    [Fact]
    public async Task The_fix_names_the_enum_as_the_file_reaches_it_when_no_case_shows_a_style()
    {
        // No using of Kvm, and a type of the user's named like the enum in the file's own namespace.
        var use = """
            namespace App
            {
                public enum VcpuReg { Mine }

                public sealed class Vcpu
                {
                    [RegisterMasking.CoversRegisterSet("SMALL")]
                    public int Load(Kvm.VcpuReg reg)
                    {
                        switch (reg)
                        {
                            default:
                                return 0;
                        }
                    }
                }
            }

            """;
        var fixedUse = (await new CodeFixHarness(new MissingCasesFixProvider(), "RM0028").ApplyAsync(0, null, Registers, use))[1];
        Assert.Contains("""
                            case Kvm.VcpuReg.RAX:
                            case Kvm.VcpuReg.RCX:
                            case Kvm.VcpuReg.RDX:
                                throw new System.NotImplementedException();
                            default:
            """, fixedUse);
        AssertFixed(Registers, fixedUse);
    }

    private static void AssertCompiles(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
    }

    /// <summary>The fixed code has no RM0028 or RM0029 left and compiles with no warning.</summary>
    private static void AssertFixed(params string[] sources)
    {
        Assert.Empty(Found(sources));
        AssertCompiles(sources);
    }
}
