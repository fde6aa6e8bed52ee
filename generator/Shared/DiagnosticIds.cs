namespace RegisterMasks.Shared;

/// <summary>
/// Every rule's ID, written once: <see cref="DiagnosticDescriptors"/> builds its descriptors from them,
/// and the code-fix assembly compiles this file too, so a fix names the ID its analyzer reports.
/// </summary>
internal static class DiagnosticIds
{
    public const string IndexDoesNotFit = "RM0001";
    public const string NegativeIndex = "RM0002";
    public const string UnsupportedWidth = "RM0003";
    public const string SharedIndex = "RM0004";
    public const string NotARegister = "RM0005";
    public const string RegisterFileUndetermined = "RM0006";
    public const string UnknownInclude = "RM0007";
    public const string IncludeCycle = "RM0008";
    public const string DuplicateSetName = "RM0009";
    public const string NameTaken = "RM0010";
    public const string NotPartial = "RM0011";
    public const string Redundant = "RM0012";
    public const string EmptySet = "RM0013";
    public const string SetsOverlap = "RM0014";
    public const string NotASubset = "RM0015";
    public const string EnumNotAccessible = "RM0016";
    public const string PartitionBroken = "RM0017";
    public const string CacheLoadMissing = "RM0018";
    public const string CacheUnusable = "RM0019";
    public const string AliasOfNothing = "RM0020";
    public const string Complement = "RM0021";
    public const string HasFlag = "RM0022";
    public const string EnumToString = "RM0023";
    public const string EnumTryParse = "RM0024";
    public const string HandWrittenBit = "RM0025";
    public const string NumberIsDeclaredSet = "RM0026";
    public const string AccessibilityInvalid = "RM0027";
    public const string SwitchMissesRegisters = "RM0028";
    public const string CoveredSetUnknown = "RM0029";
    public const string ClassValueShared = "RM0030";
    public const string ClassMemberInvalid = "RM0031";
    public const string ClassDoesNotFit = "RM0032";
}
