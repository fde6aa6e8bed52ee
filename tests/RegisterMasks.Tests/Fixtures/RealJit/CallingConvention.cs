using RealJit.CodeGen.RegisterAllocators;

namespace RealJit.CodeGen.X86
{
    static class CallingConvention
    {
        public static int GetIntAvailableRegisters()
        {
            int mask = RegistersMask(0, 16);

            mask &= ~(1 << (int)X86Register.Rbp);
            mask &= ~(1 << (int)X86Register.Rsp);

            return mask;
        }

        public static int GetVecAvailableRegisters()
        {
            return RegistersMask(0, 16);
        }

        public static int GetIntCallerSavedRegisters()
        {
            return (1 << (int)X86Register.Rax) |
                   (1 << (int)X86Register.Rcx) |
                   (1 << (int)X86Register.Rdx) |
                   (1 << (int)X86Register.Rsi) |
                   (1 << (int)X86Register.Rdi) |
                   (1 << (int)X86Register.R8)  |
                   (1 << (int)X86Register.R9)  |
                   (1 << (int)X86Register.R10) |
                   (1 << (int)X86Register.R11);
        }

        public static int GetVecCallerSavedRegisters()
        {
            return (1 << (int)X86Register.Xmm0) |
                   (1 << (int)X86Register.Xmm1) |
                   (1 << (int)X86Register.Xmm2) |
                   (1 << (int)X86Register.Xmm3) |
                   (1 << (int)X86Register.Xmm4) |
                   (1 << (int)X86Register.Xmm5);
        }

        public static int GetIntCalleeSavedRegisters()
        {
            return (1 << (int)X86Register.Rbx) |
                   (1 << (int)X86Register.Rbp) |
                   (1 << (int)X86Register.Rdi) |
                   (1 << (int)X86Register.Rsi) |
                   (1 << (int)X86Register.R12) |
                   (1 << (int)X86Register.R13) |
                   (1 << (int)X86Register.R14) |
                   (1 << (int)X86Register.R15);
        }

        public static int GetArgumentsOnRegsCount() => 4;

        public static RegisterMasks GetAvailableRegisters() => new RegisterMasks(GetIntAvailableRegisters(), GetVecAvailableRegisters());

        private static int RegistersMask(int start, int count)
        {
            return ((1 << count) - 1) << start;
        }
    }
}
