using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.CodeFixes;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// "Convert to [RegisterSet]": where it is offered (hand-written unions of one file's registers, in
/// every form) and where not, what it writes, and that the result compiles with the same values.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class ConvertToRegisterSetTests
{
    private const string Registers = """
        using RegisterMasking;
        namespace Kvm
        {
            [RegisterFile(32)]
            public enum VcpuReg { RAX, RCX, RDX, RBX, RSP, [NotARegister] NR_VCPU_REGS }
        }

        """;

    private const string Vmx = """
        namespace Kvm
        {
            public static class Vmx
            {
                private static ulong BIT(int nr) => 1UL << nr;

                /// <summary>Registers VMX loads lazily.</summary>
                public static readonly ulong VMX_REGS_LAZY_LOAD_SET = BIT((int)VcpuReg.RDX) | BIT((int)VcpuReg.RBX);

                public const ulong AVAIL = 1UL << (int)VcpuReg.RAX | 1UL << (int)VcpuReg.RCX;

                public const VcpuRegMask TYPED = VcpuRegMask.RAX | VcpuRegMask.RSP;
            }
        }

        """;

    private const string Uses = """
        namespace Kvm
        {
            public static class Uses
            {
                public static bool Lazy(ulong avail) => (avail & Vmx.VMX_REGS_LAZY_LOAD_SET) != 0;
                public const ulong Both = Vmx.AVAIL | 0x100;
                public static string Name => nameof(Vmx.AVAIL);
                public static int Switch(ulong x) { switch (x) { case Vmx.AVAIL: return 1; default: return 0; } }
                public static string Text() => Vmx.AVAIL.ToString();
                public static VcpuRegMask Typed => Vmx.TYPED;
            }
        }

        """;

    [Fact]
    public async Task A_const_union_of_shifts_becomes_a_set_and_its_uses_are_cast_back_still_constant()
    {
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "AVAIL =", Registers, Vmx, Uses);
        // The file had no using: the attribute's short name binds to ours once one is added, and nothing in the file reads differently with it.
        var expectedVmx = "using RegisterMasking;\n\n" + Vmx.Replace("    public static class Vmx", "    [RegisterSet(\"AVAIL\", VcpuReg.RAX, VcpuReg.RCX)]\n    public static partial class Vmx")
            .Replace("        public const ulong AVAIL = 1UL << (int)VcpuReg.RAX | 1UL << (int)VcpuReg.RCX;\n\n", "");
        Assert.Equal(expectedVmx, after[1]);
        // Every use compiles as it did: a constant stays a constant (case labels, other consts); nameof needs nothing.
        var expectedUses = Uses.Replace("= Vmx.AVAIL | 0x100", "= (ulong)Vmx.AVAIL | 0x100").Replace("case Vmx.AVAIL:", "case (ulong)Vmx.AVAIL:")
            .Replace("=> Vmx.AVAIL.ToString()", "=> ((ulong)Vmx.AVAIL).ToString()");
        Assert.Equal(expectedUses, after[2]);
        AssertSameValues(new[] { Registers, Vmx, Uses }, after, ("Kvm.Vmx", "AVAIL"), ("Kvm.Uses", "Both"));
    }

    [Fact]
    public async Task A_static_readonly_union_of_BIT_calls_becomes_a_set_with_the_fields_summary()
    {
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "VMX_REGS_LAZY_LOAD_SET =", Registers, Vmx, Uses);
        Assert.Contains("    [RegisterSet(\"VMX_REGS_LAZY_LOAD_SET\", VcpuReg.RDX, VcpuReg.RBX, Summary = \"Registers VMX loads lazily.\")]\n    public static partial class Vmx\n", after[1], StringComparison.Ordinal);
        Assert.DoesNotContain("public static readonly ulong VMX_REGS_LAZY_LOAD_SET", after[1], StringComparison.Ordinal);
        Assert.Contains("(avail & (ulong)Vmx.VMX_REGS_LAZY_LOAD_SET) != 0", after[2], StringComparison.Ordinal);
        AssertSameValues(new[] { Registers, Vmx, Uses }, after, ("Kvm.Vmx", "VMX_REGS_LAZY_LOAD_SET"));
    }

    [Fact]
    public async Task A_field_of_the_masks_type_becomes_a_set_and_its_uses_are_left_as_they_are()
    {
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "TYPED =", Registers, Vmx, Uses);
        Assert.Contains("[RegisterSet(\"TYPED\", VcpuReg.RAX, VcpuReg.RSP)]", after[1], StringComparison.Ordinal);
        Assert.Equal(Uses, after[2]);
        AssertSameValues(new[] { Registers, Vmx, Uses }, after, ("Kvm.Vmx", "TYPED"));
    }

    [Fact]
    public async Task Nested_types_all_become_partial_and_the_set_goes_after_the_types_attributes()
    {
        var nested = """
            using RegisterMasking;
            namespace Kvm
            {
                public class Outer
                {
                    /// <summary>The backend.</summary>
                    [System.Obsolete("old")]
                    internal static class Svm
                    {
                        internal const VcpuRegMask SVM_SET = VcpuRegMask.RCX | VcpuRegMask.RDX;
                    }
                }
            }
            """;
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "SVM_SET", Registers, nested);
        var expected = nested.Replace("public class Outer", "public partial class Outer")
            .Replace("[System.Obsolete(\"old\")]\n        internal static class Svm", "[System.Obsolete(\"old\")]\n        [RegisterSet(\"SVM_SET\", VcpuReg.RCX, VcpuReg.RDX)]\n        internal static partial class Svm")
            .Replace("            internal const VcpuRegMask SVM_SET = VcpuRegMask.RCX | VcpuRegMask.RDX;\n", "");
        Assert.Equal(expected, after[1]);
        var run = GeneratorHarness.Run(after);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("public const ulong X = 1UL << (int)VcpuReg.RAX | 0x100;", "X =")]                                  // a bit that is no register
    [InlineData("public const ulong X = 1UL << (int)VcpuReg.RAX | 1UL << (int)VcpuReg.NR_VCPU_REGS;", "X =")]        // a sentinel
    [InlineData("public const ulong X = 1UL << (int)VcpuReg.RAX | 1UL << (int)Other.A;", "X =")]                      // two register files
    [InlineData("public static readonly object X = VcpuRegMask.RAX;", "X =")]                                         // neither the mask nor a number
    [InlineData("public readonly ulong X = 1UL << (int)VcpuReg.RAX;", "X =")]                                          // an instance field
    [InlineData("public const ulong X = 1UL << (int)VcpuReg.RAX, Y = 1UL << (int)VcpuReg.RCX;", "X =")]               // two fields in one declaration
    [InlineData("public const uint X = 1u << (int)VcpuReg.RAX; public static bool Peek(in uint x) => x != 0; public static bool P() => Peek(in X);", "X =")] // a use a cast cannot stand in
    [InlineData("public static ulong X = 1UL << (int)VcpuReg.RAX;", "X =")]                                            // not read-only: it may be written
    public async Task Not_offered_where_the_name_the_value_or_a_use_could_not_be_kept(string member, string at)
    {
        var source = "using RegisterMasking;\nnamespace Kvm\n{\n    [RegisterFile(8)] public enum Other { A }\n    public static class Backend\n    {\n        " + member + "\n    }\n}\n";
        Assert.Empty(await RefactoringHarness.TitlesAsync(new ConvertToRegisterSetRefactoring(), 1, at, Registers, source));
    }

    private const string Conventions = """
        namespace Kvm
        {
            public class CallingConvention
            {
                public static ulong GetCallerSaved() => 1UL << (int)VcpuReg.RAX | 1UL << (int)VcpuReg.RCX;

                internal static int Volatile(bool wide)
                {
                    if (wide)
                    {
                        return (1 << (int)VcpuReg.RAX)
                             | (1 << (int)VcpuReg.RDX);
                    }
                    return 1 << (int)VcpuReg.RAX;
                }

                protected static VcpuRegMask CalleeSaved
                {
                    get { return VcpuRegMask.RBX | VcpuRegMask.RSP; }
                }

                public static uint Arguments => 1u << (int)VcpuReg.RCX | 1u << (int)VcpuReg.RDX;

                public static ulong GetScratch(int Scratch) => 1UL << (int)VcpuReg.RSP;
            }
        }

        """;

    /// <summary>
    /// A method's or property's returned value becomes a set named after the member (a name the type,
    /// the scope of the value and the register file do not have yet), as visible as the member; the
    /// member returns the set, cast back to the number it returned. Every member returns what it did.
    /// </summary>
    [Theory]
    [InlineData("GetCallerSaved", "[RegisterSet(\"CallerSaved\", VcpuReg.RAX, VcpuReg.RCX)]",
        "=> 1UL << (int)VcpuReg.RAX | 1UL << (int)VcpuReg.RCX;", "=> (ulong)CallerSaved;")]                    // on the name: its only value
    [InlineData("(1 << (int)VcpuReg.RAX)\n", "[RegisterSet(\"VOLATILE\", VcpuReg.RAX, VcpuReg.RDX, Accessibility = \"internal\")]",
        "return (1 << (int)VcpuReg.RAX)\n                     | (1 << (int)VcpuReg.RDX);", "return (int)VOLATILE;")]   // one return of two; the method's own name is taken
    [InlineData("CalleeSaved", "[RegisterSet(\"CALLEE_SAVED\", VcpuReg.RBX, VcpuReg.RSP, Accessibility = \"protected\")]",
        "get { return VcpuRegMask.RBX | VcpuRegMask.RSP; }", "get { return CALLEE_SAVED; }")]               // a getter, of the mask: no cast
    [InlineData("1u << (int)VcpuReg.RCX", "[RegisterSet(\"ARGUMENTS\", VcpuReg.RCX, VcpuReg.RDX)]",
        "=> 1u << (int)VcpuReg.RCX | 1u << (int)VcpuReg.RDX;", "=> (uint)ARGUMENTS;")]                        // an expression-bodied property
    [InlineData("GetScratch", "[RegisterSet(\"SCRATCH\", VcpuReg.RSP)]",
        "=> 1UL << (int)VcpuReg.RSP;", "=> (ulong)SCRATCH;")]                                                 // a parameter has the name
    public async Task A_returned_union_becomes_a_set_of_the_type_and_the_member_returns_it(string at, string attribute, string value, string returned)
    {
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, at, Registers, Conventions);
        var expected = "using RegisterMasking;\n\n" + Conventions
            .Replace("    public class CallingConvention", "    " + attribute + "\n    public partial class CallingConvention")
            .Replace(value, returned);
        Assert.Equal(expected, after[1]);
        AssertSameValues(new[] { Registers, Conventions }, after,
            ("Kvm.CallingConvention", "GetCallerSaved"), ("Kvm.CallingConvention", "Volatile"), ("Kvm.CallingConvention", "CalleeSaved"),
            ("Kvm.CallingConvention", "Arguments"), ("Kvm.CallingConvention", "GetScratch"));
    }

    [Theory]
    [InlineData("public static System.Func<ulong> Later() => () => 1UL << (int)VcpuReg.RAX;", "1UL")]                                       // a lambda's value
    [InlineData("public static ulong Two(bool b) { if (b) return 1UL << (int)VcpuReg.RAX; return 1UL << (int)VcpuReg.RCX; }", "Two(")]       // two values: say which
    [InlineData("public static ulong Mixed() => 1UL << (int)VcpuReg.RAX | 0x100;", "Mixed")]                                                // not only registers
    [InlineData("public static ulong Local() { ulong Bits() => 1UL << (int)VcpuReg.RAX; return Bits(); }", "1UL")]                          // a local function's value
    public async Task Not_offered_on_a_value_the_member_does_not_return_or_that_is_not_a_union(string member, string at)
    {
        var source = "namespace Kvm\n{\n    public static class Backend\n    {\n        " + member + "\n    }\n}\n";
        Assert.Empty(await RefactoringHarness.TitlesAsync(new ConvertToRegisterSetRefactoring(), 1, at, Registers, source));
    }

    [Fact]
    public async Task Not_offered_in_an_interface()
    {
        var source = "namespace Kvm\n{\n    public interface IConvention\n    {\n        static ulong Saved() => 1UL << (int)VcpuReg.RAX;\n    }\n}\n";
        Assert.Empty(await RefactoringHarness.TitlesAsync(new ConvertToRegisterSetRefactoring(), 1, "Saved", Registers, source));
    }

    [Fact]
    public async Task A_private_const_stays_private_and_its_uses_still_compile()
    {
        var lazy = """
            namespace Kvm
            {
                public static class Lazy
                {
                    private const ulong LAZY = 1UL << (int)VcpuReg.RDX | 1UL << (int)VcpuReg.RBX;

                    public static bool IsLazy(ulong avail) => (avail & LAZY) != 0;

                    public static ulong Value => LAZY;
                }
            }

            """;
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "LAZY =", Registers, lazy);
        Assert.Contains("    [RegisterSet(\"LAZY\", VcpuReg.RDX, VcpuReg.RBX, Accessibility = \"private\")]\n    public static partial class Lazy\n", after[1], StringComparison.Ordinal);
        Assert.Contains("(avail & (ulong)LAZY) != 0", after[1], StringComparison.Ordinal);
        Assert.Contains("public static ulong Value => (ulong)LAZY;", after[1], StringComparison.Ordinal);
        AssertSameValues(new[] { Registers, lazy }, after, ("Kvm.Lazy", "LAZY"), ("Kvm.Lazy", "Value"));
        var constant = GeneratorHarness.Run(after).Load().GetType("Kvm.Lazy", throwOnError: true)!.GetField("LAZY", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.True(constant.IsPrivate && constant.IsLiteral);
    }

    /// <summary>The user's own types in a namespace the file imports, named as ours are, the way a JIT's allocator names them.</summary>
    private const string Allocator = """
        namespace Jit.Allocator
        {
            public readonly struct RegisterMasks { }
            public struct RegisterSet { }
            public sealed class RegisterFile { }
            public sealed class RegisterFileAttribute { }   // not an attribute: a class of that name
        }

        """;

    /// <summary>
    /// The attribute the refactoring writes binds to ours wherever it lands: short where the usings
    /// bring ours in (beside user types of our names), with a using added where that binds it and
    /// changes nothing else, else <c>global::</c>. Checked on the compiled result: the attribute on the
    /// type is bound to <c>RegisterMasking.RegisterSetAttribute</c>, and the constant has its value.
    /// </summary>
    [Theory]
    [InlineData("using Jit.Allocator;\nusing RegisterMasking;\n", "", "", "[RegisterSet(", "using Jit.Allocator;\nusing RegisterMasking;\n")]
    [InlineData("using Jit.Allocator;\n", "        public static RegisterSet Free;\n", "", "[RegisterSet(", "using Jit.Allocator;\nusing RegisterMasking;\n")]
    [InlineData("using Jit.Allocator;\n", "        public static RegisterFileAttribute? Files;\n", "", "[global::RegisterMasking.RegisterSet(", "using Jit.Allocator;\n")] // with ours imported, that name would be ambiguous
    [InlineData("", "", "    public readonly struct RegisterMasking { }\n", "[RegisterSet(", "using RegisterMasking;\n\n")]  // RegisterMasking.RegisterSet would name a member of this struct
    public async Task The_set_attribute_binds_to_ours_beside_user_types_of_our_names(string usings, string member, string inNamespace, string written, string usingsAfter)
    {
        var backend = usings + "namespace Kvm\n{\n" + inNamespace + "    public static class Conv\n    {\n" + member
            + "        public const ulong SAVED = 1UL << (int)VcpuReg.RAX | 1UL << (int)VcpuReg.RBX;\n    }\n}\n";
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 2, "SAVED", Registers, Allocator, backend);
        Assert.StartsWith(usingsAfter + "namespace Kvm", after[2], StringComparison.Ordinal);
        Assert.Contains("    " + written + "\"SAVED\", VcpuReg.RAX, VcpuReg.RBX)]\n    public static partial class Conv", after[2], StringComparison.Ordinal);
        AssertBoundToOurs(after, "Conv");
        AssertSameValues(new[] { Registers, Allocator, backend }, after, ("Kvm.Conv", "SAVED"));
    }

    /// <summary>The using the attribute needs goes where the file keeps its usings, in order, indented as they are; else at the top, after the header, before a doc comment.</summary>
    [Theory]
    [InlineData(
        "// Copyright\n\n/// <summary>Conventions.</summary>\npublic static class Conv\n{\n    public const ulong SAVED = 1UL << (int)Kvm.VcpuReg.RAX;\n}\n",
        "// Copyright\n\nusing RegisterMasking;\n\n/// <summary>Conventions.</summary>\n[RegisterSet(\"SAVED\", Kvm.VcpuReg.RAX)]\npublic static partial class Conv\n{\n}\n")]
    [InlineData(
        "namespace Kvm\n{\n    using System;\n\n    public static class Conv\n    {\n        public const ulong SAVED = 1UL << (int)VcpuReg.RAX;\n    }\n}\n",
        "namespace Kvm\n{\n    using System;\n    using RegisterMasking;\n\n    [RegisterSet(\"SAVED\", VcpuReg.RAX)]\n    public static partial class Conv\n    {\n    }\n}\n")]
    [InlineData(
        "using Kvm;\nusing System.Text;\n\nnamespace App;\n\npublic static class Conv\n{\n    public const ulong SAVED = 1UL << (int)VcpuReg.RAX;\n}\n",
        "using Kvm;\nusing RegisterMasking;\nusing System.Text;\n\nnamespace App;\n\n[RegisterSet(\"SAVED\", VcpuReg.RAX)]\npublic static partial class Conv\n{\n}\n")]
    [InlineData(
        "namespace Kvm;\n\npublic static class Conv\n{\n    public const ulong SAVED = 1UL << (int)VcpuReg.RAX;\n}\n",
        "using RegisterMasking;\n\nnamespace Kvm;\n\n[RegisterSet(\"SAVED\", VcpuReg.RAX)]\npublic static partial class Conv\n{\n}\n")]
    public async Task The_using_goes_where_the_file_keeps_its_usings(string backend, string expected)
    {
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "SAVED", Registers, backend);
        Assert.Equal(expected, after[1]);
        AssertBoundToOurs(after, "Conv");
    }

    [Fact]
    public async Task A_user_attribute_of_our_name_in_the_types_namespace_leaves_only_the_global_name()
    {
        var backend = "namespace Kvm\n{\n    public sealed class RegisterSetAttribute : System.Attribute { public RegisterSetAttribute(string name, params object[] registers) { } }\n"
            + "    public static class Conv\n    {\n        public const ulong SAVED = 1UL << (int)VcpuReg.RAX;\n    }\n}\n";
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "SAVED", Registers, backend);
        Assert.Contains("    [global::RegisterMasking.RegisterSet(\"SAVED\", VcpuReg.RAX)]\n    public static partial class Conv", after[1], StringComparison.Ordinal);
        Assert.DoesNotContain("using RegisterMasking;", after[1], StringComparison.Ordinal);
        AssertBoundToOurs(after, "Conv");
        AssertSameValues(new[] { Registers, backend }, after, ("Kvm.Conv", "SAVED"));
    }

    /// <summary>x86's two register classes over one enum whose members share values; a third class overlapping the vector one.</summary>
    private const string X86Classes = """
        using RegisterMasking;
        namespace Jit
        {
            public enum X86Register { Invalid = -1, Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, Xmm0 = 0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7 }

            [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.Rdi)]
            public static partial class X86Gpr { }

            [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm7)]
            public static partial class X86Vec { }
        }

        """;

    /// <summary>
    /// A union of vector registers (shifts of values that Rax..Rdi share) becomes a set of the vector class, found by
    /// member, so no <c>RegisterFile</c> is written; its constant is an <c>X86VecMask</c> that prints Xmm names, and
    /// the member returns it cast back, with the same value.
    /// </summary>
    [Fact]
    public async Task A_union_of_a_register_classs_members_becomes_a_set_of_that_class()
    {
        var conventions = """
            namespace Jit
            {
                public static class CallingConvention
                {
                    public static int GetVecCallerSaved()
                    {
                        return (1 << (int)X86Register.Xmm0) |
                               (1 << (int)X86Register.Xmm1) |
                               (1 << (int)X86Register.Xmm6);
                    }

                    public const int GPR_SAVED = 1 << (int)X86Register.Rsi | 1 << (int)X86Register.Rdi;
                }
            }

            """;
        var converted = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "GetVecCallerSaved", X86Classes, conventions);
        Assert.Contains("    [RegisterSet(\"VecCallerSaved\", X86Register.Xmm0, X86Register.Xmm1, X86Register.Xmm6)]\n    public static partial class CallingConvention", converted[1], StringComparison.Ordinal);
        Assert.Contains("return (int)VecCallerSaved;", converted[1], StringComparison.Ordinal);
        AssertSameValues(new[] { X86Classes, conventions }, converted, ("Jit.CallingConvention", "GetVecCallerSaved"));

        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "GPR_SAVED", X86Classes, converted[1]);
        Assert.Contains("    [RegisterSet(\"VecCallerSaved\", X86Register.Xmm0, X86Register.Xmm1, X86Register.Xmm6)]\n    [RegisterSet(\"GPR_SAVED\", X86Register.Rsi, X86Register.Rdi)]\n", after[1], StringComparison.Ordinal);
        Assert.DoesNotContain("RegisterFile", after[1], StringComparison.Ordinal);
        AssertSameValues(new[] { X86Classes, conventions }, after, ("Jit.CallingConvention", "GetVecCallerSaved"), ("Jit.CallingConvention", "GPR_SAVED"));
        const string probe = """
            namespace Jit
            {
                public static class Probe
                {
                    public static string Text() => CallingConvention.VecCallerSaved.GetType().Name + ": " + CallingConvention.VecCallerSaved.ToStringFast()
                        + "; " + CallingConvention.GPR_SAVED.GetType().Name + ": " + CallingConvention.GPR_SAVED.ToStringFast();
                }
            }
            """;
        var run = GeneratorHarness.Run(X86Classes, after[1], probe);
        run.AssertCompilesCleanly();
        Assert.Equal("X86VecMask: Xmm0, Xmm1, Xmm6; X86GprMask: Rsi, Rdi", run.Load().Invoke("Jit.Probe", "Text"));
    }

    /// <summary>
    /// Where a register's bit in its class is not the shift's amount (a class of <c>V8..V15</c> gives <c>V9</c> bit 1),
    /// the set would change the value: not offered. Nor where two classes hold the shifted registers at those bits
    /// (which mask the value is, is the user's to say).
    /// </summary>
    [Theory]
    [InlineData("public static int Saved() => 1 << (int)SimdRegister.V8 | 1 << (int)SimdRegister.V9;", "Saved")]
    [InlineData("public const ulong SAVED = 1UL << (int)SimdRegister.V9;", "SAVED")]
    [InlineData("public static int Low() => 1 << (int)SimdRegister.V0 | 1 << (int)SimdRegister.V1;", "Low")]
    public async Task Not_offered_where_a_registers_class_bit_is_not_the_shifts_amount_or_two_classes_would_fit(string member, string at)
    {
        var simd = """
            using RegisterMasking;
            namespace Arm
            {
                public enum SimdRegister { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15 }

                [RegisterClass(typeof(SimdRegister), "CalleeSavedSimdMask", From = SimdRegister.V8, To = SimdRegister.V15)]
                public static partial class CalleeSavedSimd { }

                [RegisterClass(typeof(SimdRegister), "LowSimdMask", From = SimdRegister.V0, To = SimdRegister.V7)]
                public static partial class LowSimd { }

                [RegisterClass(typeof(SimdRegister), "ArgumentSimdMask", From = SimdRegister.V0, To = SimdRegister.V3)]
                public static partial class ArgumentSimd { }
            }

            """;
        var source = "namespace Arm\n{\n    public static class Backend\n    {\n        " + member + "\n    }\n}\n";
        Assert.Empty(GeneratorHarness.Run(simd, source).RegisterMaskDiagnostics());
        Assert.Empty(await RefactoringHarness.TitlesAsync(new ConvertToRegisterSetRefactoring(), 1, at, simd, source));
    }

    /// <summary>
    /// A union of a class's mask members, where another class holds those registers too: the set names the holder of
    /// the mask it was written with, <c>RegisterFile = typeof(X86Vec)</c>, since inference by member would be ambiguous.
    /// </summary>
    [Fact]
    public async Task A_class_set_that_inference_by_member_could_not_place_names_its_holder()
    {
        var overlapping = X86Classes.Replace("    public static partial class X86Vec { }\n",
            "    public static partial class X86Vec { }\n\n    [RegisterClass(typeof(X86Register), \"X86LowVecMask\", From = X86Register.Xmm0, To = X86Register.Xmm3)]\n    public static partial class X86LowVec { }\n");
        Assert.Contains("X86LowVec", overlapping, StringComparison.Ordinal);
        var backend = """
            namespace Jit
            {
                public static class Backend
                {
                    public const X86VecMask PAIR = X86VecMask.Xmm0 | X86VecMask.Xmm1;
                }
            }

            """;
        var after = await RefactoringHarness.ApplyAsync(new ConvertToRegisterSetRefactoring(), 1, "PAIR", overlapping, backend);
        Assert.Contains("    [RegisterSet(\"PAIR\", X86Register.Xmm0, X86Register.Xmm1, RegisterFile = typeof(X86Vec))]\n    public static partial class Backend", after[1], StringComparison.Ordinal);
        AssertSameValues(new[] { overlapping, backend }, after, ("Jit.Backend", "PAIR"));
        Assert.Equal("Jit.X86VecMask", GeneratorHarness.Run(overlapping, after[1]).Output.GetTypeByMetadataName("Jit.Backend")!.GetMembers("PAIR").OfType<IFieldSymbol>().Single().Type.ToDisplayString());
    }

    /// <summary>The [RegisterSet] on <paramref name="type"/>, as the compiler binds it in the result: ours.</summary>
    private static void AssertBoundToOurs(string[] sources, string type)
    {
        var run = GeneratorHarness.Run(sources);
        var declaration = run.Output.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            .Single(candidate => candidate.Identifier.ValueText == type && candidate.AttributeLists.Count > 0);
        var model = run.Output.GetSemanticModel(declaration.SyntaxTree);
        var bound = declaration.AttributeLists.SelectMany(list => list.Attributes).Select(attribute => model.GetSymbolInfo(attribute).Symbol?.ContainingType?.ToDisplayString()).ToList();
        Assert.Equal(new[] { "RegisterMasking.RegisterSetAttribute" }, bound);
    }

    /// <summary>
    /// Each named member (a field, a property, a method, called with <c>true</c> for a parameter) has the
    /// same value before (a number or mask) and after (the generated constant), as the compiled code reads it.
    /// </summary>
    private static void AssertSameValues(string[] before, string[] after, params (string Type, string Member)[] members)
    {
        var runBefore = GeneratorHarness.Run(before);
        var runAfter = GeneratorHarness.Run(after);
        Assert.Empty(runAfter.RegisterMaskDiagnostics());
        runAfter.AssertCompilesCleanly();
        var (assemblyBefore, assemblyAfter) = (runBefore.Load(), runAfter.Load());
        foreach (var (type, member) in members)
        {
            var valueBefore = ValueOf(assemblyBefore.GetType(type, throwOnError: true)!, member);
            var valueAfter = ValueOf(assemblyAfter.GetType(type, throwOnError: true)!, member);
            Assert.Equal(Convert.ToUInt64(valueBefore, System.Globalization.CultureInfo.InvariantCulture), Convert.ToUInt64(valueAfter, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static object? ValueOf(Type type, string member)
    {
        const BindingFlags any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        return type.GetField(member, any) is { } field ? field.GetValue(null)
            : type.GetProperty(member, any) is { } property ? property.GetValue(null)
            : type.GetMethod(member, any) is { } method ? method.Invoke(null, method.GetParameters().Select(parameter => parameter.ParameterType == typeof(bool) ? true : Activator.CreateInstance(parameter.ParameterType)).ToArray())
            : throw new ArgumentException($"{type}.{member} is no field, property or method", nameof(member));
    }
}
