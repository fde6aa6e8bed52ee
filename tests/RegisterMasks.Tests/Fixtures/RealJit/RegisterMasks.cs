namespace RealJit.CodeGen.RegisterAllocators
{
    // The JIT's own type named like the package: it must keep binding once the package is referenced.
    public readonly struct RegisterMasks
    {
        public RegisterMasks(int intAvailableRegisters, int vecAvailableRegisters)
        {
            IntAvailableRegisters = intAvailableRegisters;
            VecAvailableRegisters = vecAvailableRegisters;
        }

        public int IntAvailableRegisters { get; }

        public int VecAvailableRegisters { get; }

        public RegisterMasks WithoutInt(int mask) => new RegisterMasks(IntAvailableRegisters & ~mask, VecAvailableRegisters);

        public override string ToString() => IntAvailableRegisters + "/" + VecAvailableRegisters;
    }
}
