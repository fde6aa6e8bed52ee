using RegisterMasks.CodeFixes;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// "Convert to [RegisterSet]": where it is offered (hand-written unions of one file's registers, in
/// every form) and where not, what it writes, and that the result compiles with the same values.
/// </summary>
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

    /// <summary>Each named field has the same value before (a number or mask) and after (the generated constant), as the compiled code reads it.</summary>
    private static void AssertSameValues(string[] before, string[] after, params (string Type, string Field)[] fields)
    {
        var runBefore = GeneratorHarness.Run(before);
        var runAfter = GeneratorHarness.Run(after);
        Assert.Empty(runAfter.RegisterMaskDiagnostics());
        runAfter.AssertCompilesCleanly();
        var (assemblyBefore, assemblyAfter) = (runBefore.Load(), runAfter.Load());
        foreach (var (type, field) in fields)
        {
            var valueBefore = assemblyBefore.GetType(type, throwOnError: true)!.GetField(field)!.GetValue(null);
            var valueAfter = assemblyAfter.GetType(type, throwOnError: true)!.GetField(field)!.GetValue(null);
            Assert.Equal(Convert.ToUInt64(valueBefore, System.Globalization.CultureInfo.InvariantCulture), Convert.ToUInt64(valueAfter, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
