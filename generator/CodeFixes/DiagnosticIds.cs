namespace RegisterMasks.CodeFixes;

/// <summary>The IDs the fixes handle, as the analyzer reports them (the generator's DiagnosticDescriptors).</summary>
internal static class DiagnosticIds
{
    public const string IndexDoesNotFit = "RM0001";
    public const string UnsupportedWidth = "RM0003";
    public const string NegativeIndex = "RM0002";
    public const string SharedIndex = "RM0004";
    public const string UnknownInclude = "RM0007";
    public const string NotPartial = "RM0011";
    public const string Redundant = "RM0012";
    public const string Complement = "RM0021";
    public const string HasFlag = "RM0022";
    public const string EnumToString = "RM0023";
    public const string EnumTryParse = "RM0024";
    public const string HandWrittenBit = "RM0025";
    public const string NumberIsDeclaredSet = "RM0026";
}
