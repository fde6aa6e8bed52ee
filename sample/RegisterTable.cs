namespace KvmSample;

/// <summary>Prints which registers each backend set holds, one column a set.</summary>
public static class RegisterTable
{
    /// <summary>Every set of the register file, from the generated catalog: a new set shows up by itself.</summary>
    private static IReadOnlyList<VcpuRegMaskSets.Entry> Sets => VcpuRegMaskSets.All;

    public static void Print(TextWriter output)
    {
        for (var column = 0; column < Sets.Count; column++)
        {
            var set = Sets[column];
            var count = set.Mask.Count();
            output.WriteLine($"  {Label(column)}  {set.Name,-24} 0x{(uint)set.Mask:X8}  {count,2} register{(count == 1 ? "" : "s")}  ({set.DeclaringType})");
        }
        output.WriteLine();

        // Registers are named through the mask: VcpuReg's own ToString() may pick the sentinel
        // NR_VCPU_REGS for index 17, which VCPU_EXREG_PDPTR shares.
        var rowWidth = VcpuRegMask.All.Registers().Max(register => Name(register).Length);
        var header = string.Join(" │ ", Enumerable.Range(0, Sets.Count).Select(Label));
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
