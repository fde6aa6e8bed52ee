using System;
using RealJit.CodeGen.RegisterAllocators;
using RealJit.CodeGen.X86;

namespace RealJit
{
    public static class Program
    {
        // Prints every mask the back end computes: the same before the package, with it, and after migration.
        public static void Main()
        {
            Console.WriteLine(Values());
        }

        public static string Values()
        {
            RegisterMasks available = CallingConvention.GetAvailableRegisters();
            return string.Join(" ", new object[]
            {
                CallingConvention.GetIntAvailableRegisters(),
                CallingConvention.GetVecAvailableRegisters(),
                (int)CallingConvention.GetIntCallerSavedRegisters(),
                (int)CallingConvention.GetVecCallerSavedRegisters(),
                (int)CallingConvention.GetIntCalleeSavedRegisters(),
                available,
                available.WithoutInt((int)CallingConvention.GetIntCallerSavedRegisters()),
            });
        }
    }
}
