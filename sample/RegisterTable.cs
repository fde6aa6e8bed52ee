namespace KvmSample;

/// <summary>Prints which registers each backend set holds, one column a set.</summary>
public static class RegisterTable
{
    /// <summary>The sets shown, in column order.</summary>
    public static readonly (string Name, VcpuRegMask Mask)[] Sets =
    {
        (nameof(Common.GPRS), Common.GPRS),
        (nameof(Common.EXREGS), Common.EXREGS),
        (nameof(Vmx.VMX_REGS_LAZY_LOAD_SET), Vmx.VMX_REGS_LAZY_LOAD_SET),
        (nameof(Svm.SVM_REGS_LAZY_LOAD_SET), Svm.SVM_REGS_LAZY_LOAD_SET),
        (nameof(Tdx.TDX_REGS_AVAIL_SET), Tdx.TDX_REGS_AVAIL_SET),
    };

    public static void Print(TextWriter output)
    {
        for (var column = 0; column < Sets.Length; column++)
        {
            var (name, mask) = Sets[column];
            var count = mask.Count();
            output.WriteLine($"  {Label(column)}  {name,-24} 0x{(uint)mask:X8}  {count,2} register{(count == 1 ? "" : "s")}");
        }
        output.WriteLine();

        // Registers are named through the mask: VcpuReg's own ToString() may pick the sentinel
        // NR_VCPU_REGS for index 17, which VCPU_EXREG_PDPTR shares.
        var rowWidth = VcpuRegMask.All.Registers().Max(register => Name(register).Length);
        var header = string.Join(" │ ", Sets.Select((_, column) => Label(column)));
        output.WriteLine($"  {"register".PadRight(rowWidth)} │ {header} │ index");
        output.WriteLine($"  {new string('─', rowWidth)}─┼─{new string('─', header.Length)}─┼──────");
        foreach (var register in VcpuRegMask.All.Registers())
        {
            var cells = string.Join(" │ ", Sets.Select(set => set.Mask.Contains(register) ? "●" : " "));
            output.WriteLine($"  {Name(register).PadRight(rowWidth)} │ {cells} │ {(int)register,5}");
        }
    }

    private static string Name(VcpuReg register) => register.ToMask().ToStringFast();

    private static string Label(int column) => ((char)('A' + column)).ToString();
}
