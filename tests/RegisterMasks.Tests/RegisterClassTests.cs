using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Register classes: the chosen members of any enum (one of another assembly included) get bits 0..n-1 of a
/// mask of their own; sets belong to a class by holder, by <c>RegisterFile = typeof(Holder)</c>, or by member.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class RegisterClassTests
{
    private const string X86 = """
        using RegisterMasking;
        namespace Jit;
        public enum X86Register { Invalid = -1, Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15,
                                  Xmm0 = 0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15 }

        [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.R15)]
        [RegisterSet("CALLEE_SAVED_WINDOWS", X86Register.Rbx, X86Register.Rbp, X86Register.Rdi, X86Register.Rsi, From = X86Register.R12, To = X86Register.R15)]
        public static partial class X86Gpr { }

        [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm15)]
        [RegisterSet("CALLEE_SAVED_WINDOWS", From = X86Register.Xmm6, To = X86Register.Xmm15)]
        public static partial class X86Vec { }
        """;

    [Fact]
    public void The_x86_example_two_classes_over_one_enum_sharing_values()
    {
        var probe = """
            namespace Jit;
            public static class Probe
            {
                public static bool VecSet() => X86Vec.CALLEE_SAVED_WINDOWS == (X86VecMask)0xFFC0;
                public static string VecNames() => X86Vec.CALLEE_SAVED_WINDOWS.ToStringFast();
                public static string GprNames() => X86Gpr.CALLEE_SAVED_WINDOWS.ToStringFast();
                public static ushort GprBits() => (ushort)X86Gpr.CALLEE_SAVED_WINDOWS;
                public static string Xmm6() => X86VecMask.Xmm6.ToStringFast();
                public static string Rcx() => X86Register.Rcx.ToX86GprMask().ToStringFast();
                public static bool Xmm6IsNotRsiInVec() => X86Register.Xmm6.ToX86VecMask() == X86VecMask.Xmm6 && X86Register.Rsi.ToX86GprMask() == X86GprMask.Rsi;
                public static string RoundTrip()
                {
                    var mask = X86GprMask.None.With(X86Register.Rbx).With(X86Register.R15).Without(X86Register.Rbx).With(X86Register.Rax);
                    var text = "";
                    foreach (var register in mask.Registers()) text += register + ";";
                    foreach (var register in mask.RegistersDescending()) text += register + ";";
                    X86Register lowest;
                    mask.TryGetLowest(out lowest);
                    X86Register highest;
                    mask.TryGetHighest(out highest);
                    return text + lowest + ";" + highest + ";" + mask.Contains(X86Register.R15) + mask.Contains(X86Register.Rbx) + mask.Contains(X86Register.Invalid) + ";" + mask.IndexOf(X86Register.R15);
                }
                public static string Pop()
                {
                    var mask = X86Vec.CALLEE_SAVED_WINDOWS;
                    var text = "";
                    X86Register register;
                    while (mask.TryPopLowest(out register)) text += register + ",";
                    return text;
                }
                public static bool ParseRoundTrip() => X86VecMaskExtensions.Parse("Xmm6, Xmm15") == (X86VecMask.Xmm6 | X86VecMask.Xmm15);
                public static bool InvalidIsNone() => X86Register.Invalid.ToX86GprMask() == X86GprMask.None && ((X86Register)99).ToX86VecMask() == X86VecMask.None;
            }
            """;
        var run = GeneratorHarness.Run(X86, probe);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "VecSet"));
        Assert.Equal("Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15", assembly.Invoke("Jit.Probe", "VecNames"));
        Assert.Equal("Rbx, Rbp, Rsi, Rdi, R12, R13, R14, R15", assembly.Invoke("Jit.Probe", "GprNames"));
        Assert.Equal((ushort)0xF0E8, assembly.Invoke("Jit.Probe", "GprBits"));
        Assert.Equal("Xmm6", assembly.Invoke("Jit.Probe", "Xmm6"));
        Assert.Equal("Rcx", assembly.Invoke("Jit.Probe", "Rcx"));
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "Xmm6IsNotRsiInVec"));
        // The enum's ToString() names a shared value by its own rule; the registers are the values 0 and 15.
        Assert.Equal("Rax;R15;R15;Rax;Rax;R15;TrueFalseFalse;1", ((string)assembly.Invoke("Jit.Probe", "RoundTrip")!).Replace("Xmm0", "Rax").Replace("Xmm15", "R15"));
        Assert.Equal(10, ((string)assembly.Invoke("Jit.Probe", "Pop")!).Split(',', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "ParseRoundTrip"));
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "InvalidIsNone"));
        Assert.Contains("ToX86GprMask", run.Source("Jit.X86GprMask.g.cs"));
        Assert.DoesNotContain(" ToMask(", run.Source("Jit.X86GprMask.g.cs"));
    }
}
