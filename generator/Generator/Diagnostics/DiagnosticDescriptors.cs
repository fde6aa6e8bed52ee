using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Diagnostics;

/// <summary>
/// Every diagnostic RegisterMasks reports, one descriptor per message shape: an ID groups the
/// shapes of one rule (same title, severity and help link), and every call site only fills in
/// values. IDs are stable once shipped (AnalyzerReleases.Shipped.md); each links to its entry in docs/diagnostics.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RegisterMasks";
    private const string HelpBase = "https://github.com/registermasks/registermasks/blob/main/docs/diagnostics.md#";

    // RM0001-RM0004: one register file, read alone.

    public static readonly DiagnosticDescriptor IndexDoesNotFit = Error(DiagnosticIds.IndexDoesNotFit, "Register index does not fit the register file's width",
        "Register '{0}' has index {1}, which does not fit register file '{2}' of width {3} (indices 0 to {4})");

    public static readonly DiagnosticDescriptor NegativeIndex = Error(DiagnosticIds.NegativeIndex, "Register index is negative",
        "Register '{0}' has negative index {1}; register indices start at 0");

    public static readonly DiagnosticDescriptor UnsupportedWidth = Error(DiagnosticIds.UnsupportedWidth, "Register file width is not supported",
        "Register file '{0}' has width {1}; supported widths are {2}");

    public static readonly DiagnosticDescriptor SharedIndex = Warning(DiagnosticIds.SharedIndex, "Two registers share an index",
        "Register '{0}' shares index {1} with '{2}'; both name the same bit");

    // RM0005: a set names something that is not a register of its file.

    private const string NotARegisterTitle = "A set names something that is not a register of its file";
    public static readonly DiagnosticDescriptor ValueNotARegister = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names '{1}', {2}, which is not a register of '{3}'");
    public static readonly DiagnosticDescriptor MemberOfAnotherEnum = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names '{1}', a member of enum '{2}', which is not a register of '{3}'");
    public static readonly DiagnosticDescriptor SentinelInSet = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names '{1}', a [NotARegister] member, which is not a register of '{2}'");
    public static readonly DiagnosticDescriptor UndefinedValueInSet = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names '{1}' (value {2}, held by no member), which is not a register of '{3}'");
    public static readonly DiagnosticDescriptor HalfOpenRange = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names a range with {1} but no {2}, which is not a register of '{3}'");
    public static readonly DiagnosticDescriptor BackwardRange = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names a range From {1} ({2}) To {3} ({4}) that runs backwards, which is not a register of '{5}'");
    public static readonly DiagnosticDescriptor ValueNotARegisterOfAnyFile = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names '{1}', {2}, which is not a register of any register file");
    public static readonly DiagnosticDescriptor NotInClass = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names '{1}', which is not a register of class '{2}'");
    public static readonly DiagnosticDescriptor BackwardClassRange = Error(DiagnosticIds.NotARegister, NotARegisterTitle,
        "Set '{0}' names a range From {1} To {2} that runs backwards in class '{3}' (bits {4} to {5})");

    // RM0006: which register file a set, cache or invariant is over.

    private const string RegisterFileUnclearTitle = "A set's register file is mixed, unannotated or undetermined";
    public static readonly DiagnosticDescriptor RegisterFileArgumentNotAFile = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': RegisterFile names '{1}', which is not an enum with [RegisterFile]");
    public static readonly DiagnosticDescriptor EnumWithoutRegisterFile = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': enum '{1}' of '{2}' has no [RegisterFile]; annotate it, or name the set's file with RegisterFile = typeof(...)");
    public static readonly DiagnosticDescriptor SetFileUndetermined = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': its register file cannot be determined, since it names no register; add RegisterFile = typeof(...)");
    public static readonly DiagnosticDescriptor IncludesNameNoSingleFile = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': the sets it includes belong to different register files ({1}); a set holds registers of one file");
    public static readonly DiagnosticDescriptor IncludesNameSetsOfSeveralFiles = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': its register file cannot be determined, since it names no register and the sets it includes exist in several register files ({1}); add RegisterFile = typeof(...)");
    public static readonly DiagnosticDescriptor FileOfAnotherAssembly = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': register file '{1}' is declared in another assembly; declare its sets in that assembly");
    public static readonly DiagnosticDescriptor SetMixesFiles = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': it mixes registers of '{1}' and '{2}' ('{3}')");
    public static readonly DiagnosticDescriptor CacheFileNotAFile = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Register cache '{0}': '{1}' is not an enum with [RegisterFile] declared in this assembly");
    public static readonly DiagnosticDescriptor InvariantFileUndetermined = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "{0}: it names no set but All, so its register file cannot be determined");
    public static readonly DiagnosticDescriptor InvariantMixesFiles = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "{0}: the sets it names belong to different register files");
    public static readonly DiagnosticDescriptor InvariantFileAmbiguous = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "{0}: sets of these names exist in several register files ({1})");
    public static readonly DiagnosticDescriptor SetClassAmbiguous = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': every register it names is in each of {1}; add RegisterFile = typeof(...) naming the holder of one");
    public static readonly DiagnosticDescriptor SetFileOrClassAmbiguous = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': every register it names is in register file '{1}' and in register class {2}; add RegisterFile = typeof(...) naming the enum or the class's holder");
    public static readonly DiagnosticDescriptor SetInNoClass = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "Set '{0}': no register class of enum '{1}' holds every register it names (classes: {2}); add RegisterFile = typeof(...) naming the holder of one");
    public static readonly DiagnosticDescriptor HolderWithSeveralClasses = Error(DiagnosticIds.RegisterFileUndetermined, RegisterFileUnclearTitle,
        "'{0}': '{1}' bears several register classes ({2}), and nothing tells which is meant");

    // RM0007-RM0009: sets by name.

    private const string UnknownSetTitle = "A name given for a set names no set";
    public static readonly DiagnosticDescriptor UnknownInclude = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "Set '{0}' includes '{1}', which is not a set of '{2}'");
    public static readonly DiagnosticDescriptor UnknownIncludeOtherCase = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "Set '{0}' includes '{1}', which is not a set of '{2}'; did you mean '{3}'?");
    public static readonly DiagnosticDescriptor IncludeOfAnotherFile = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "Set '{0}' includes '{1}', which is not a set of '{2}' but of {3}");
    public static readonly DiagnosticDescriptor UnknownIncludeOfAnyFile = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "Set '{0}' includes '{1}', which is not a set of any register file");
    public static readonly DiagnosticDescriptor UnknownIncludeOfAnyFileOtherCase = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "Set '{0}' includes '{1}', which is not a set of any register file; did you mean '{2}'?");
    public static readonly DiagnosticDescriptor IncludeNotAName = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "Set '{0}' includes '{1}', which is not a set of {2}");
    public static readonly DiagnosticDescriptor InvariantNamesNoSet = Error(DiagnosticIds.UnknownInclude, UnknownSetTitle,
        "{0} names '{1}', which is not a set of any register file");

    public static readonly DiagnosticDescriptor IncludeCycle = Error(DiagnosticIds.IncludeCycle, "Sets include each other in a cycle",
        "Set '{0}' is part of an include cycle: {1}");

    public static readonly DiagnosticDescriptor DuplicateSetName = Error(DiagnosticIds.DuplicateSetName, "Two sets of one register file share a name",
        "Set name '{0}' is declared {1} times for register file '{2}' (on {3})");

    // RM0010: names the generated code would declare.

    private const string InvalidNameTitle = "A set or mask name is invalid or collides";
    public static readonly DiagnosticDescriptor MaskNameNotAnIdentifier = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Mask name '{0}' of register file '{1}' is not a valid C# identifier");
    public static readonly DiagnosticDescriptor MaskNameTakenByType = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Mask name '{0}' of register file '{1}' collides with type '{2}' that already exists; set MaskName to another name");
    public static readonly DiagnosticDescriptor ExtensionsNameTaken = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Mask name '{0}' of register file '{1}' needs the class '{0}Extensions', but type '{2}' exists and is not a static partial class; set MaskName to another name");
    public static readonly DiagnosticDescriptor JsonConverterNameTaken = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Mask name '{0}' of register file '{1}' needs the JSON converter '{3}', but type '{2}' exists; rename it, or set MaskName to another name");
    public static readonly DiagnosticDescriptor OpsNameTaken = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Mask name '{0}' of register file '{1}' needs the type '{3}' that generic code takes the mask's operations through, but type '{2}' exists; rename it, or set MaskName to another name");
    public static readonly DiagnosticDescriptor MaskNameTakenByFile = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Mask name '{0}' of register file '{1}' is already the mask of register file '{2}'; set MaskName to another name");
    public static readonly DiagnosticDescriptor RegisterNameReserved = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Register '{0}' of '{1}' collides with the member '{0}' every mask has; rename the register or mark it [NotARegister]");
    public static readonly DiagnosticDescriptor RegisterNamedAsMask = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Register '{0}' of '{1}' has the name of its mask, which cannot hold a member of its own name; set MaskName to another name");
    public static readonly DiagnosticDescriptor SetWithoutName = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "A register set on '{0}' has no name; pass it as the first argument");
    public static readonly DiagnosticDescriptor SetNameNotAnIdentifier = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set name '{0}' is not a valid C# identifier");
    public static readonly DiagnosticDescriptor SetNameReserved = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set name '{0}' is reserved: Include uses it for every register of the file");
    public static readonly DiagnosticDescriptor SetNamedAsItsType = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set name '{0}' is the name of the type that declares it; a member cannot share it");
    public static readonly DiagnosticDescriptor SetNameTakenByMember = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set name '{0}' collides with member '{1}' that already exists");
    public static readonly DiagnosticDescriptor OrderNameTakenByMember = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set '{0}' is ordered, so it declares '{1}', which collides with member '{2}' that already exists");
    public static readonly DiagnosticDescriptor OrderNameTakenBySet = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set '{0}' is ordered, so it declares '{1}', which collides with the set of that name declared by the same type");
    public static readonly DiagnosticDescriptor SetNameOnTwoFiles = Error(DiagnosticIds.NameTaken, InvalidNameTitle,
        "Set name '{0}' is declared on '{1}' for register files {2}; one type cannot hold both constants");

    // RM0011: types the generator reopens.

    private const string NotPartialTitle = "A type the generator adds members to is not partial";
    public static readonly DiagnosticDescriptor NotPartial = Error(DiagnosticIds.NotPartial, NotPartialTitle,
        "Type '{0}' must be declared partial, because it declares {1}");
    public static readonly DiagnosticDescriptor ContainerNotPartial = Error(DiagnosticIds.NotPartial, NotPartialTitle,
        "Type '{0}' must be declared partial, because it contains a type that declares {1}");
    public static readonly DiagnosticDescriptor ReadOnlyCache = Error(DiagnosticIds.NotPartial, NotPartialTitle,
        "Type '{0}' must not be a readonly struct, because it is a register cache whose masks change");

    // RM0012-RM0015: what a set's value turns out to be.

    private const string RedundantTitle = "A register is redundant in a set";
    public static readonly DiagnosticDescriptor ListedTwice = Warning(DiagnosticIds.Redundant, RedundantTitle,
        "Set '{0}': register '{1}' is listed twice");
    public static readonly DiagnosticDescriptor ExcludedButAbsent = Warning(DiagnosticIds.Redundant, RedundantTitle,
        "Set '{0}': register '{1}' is excluded but the set does not hold it");

    public static readonly DiagnosticDescriptor EmptySet = Warning(DiagnosticIds.EmptySet, "A register set is empty",
        "Set '{0}' of '{1}' holds no register");

    public static readonly DiagnosticDescriptor SetsOverlap = Error(DiagnosticIds.SetsOverlap, "Sets declared disjoint overlap",
        "Sets '{0}' and '{1}' must be disjoint, but both hold {2}");

    public static readonly DiagnosticDescriptor NotASubset = Error(DiagnosticIds.NotASubset, "A set declared a subset holds registers its superset lacks",
        "Set '{0}' must be a subset of '{1}', but holds {2}, which '{1}' lacks");

    // RM0017: a partition.

    private const string PartitionTitle = "Sets declared a partition do not split their whole exactly";
    public static readonly DiagnosticDescriptor PartitionMisses = Error(DiagnosticIds.PartitionBroken, PartitionTitle,
        "Sets {0} must partition '{1}', but none of them holds {2}");
    public static readonly DiagnosticDescriptor PartitionOverlaps = Error(DiagnosticIds.PartitionBroken, PartitionTitle,
        "Sets {0} must partition '{1}', but more than one of them holds {2}");
    public static readonly DiagnosticDescriptor PartitionExceeds = Error(DiagnosticIds.PartitionBroken, PartitionTitle,
        "Sets {0} must partition '{1}', but they hold {2}, which '{1}' lacks");

    // RM0016: where the enum is declared.

    private const string NotNameableTitle = "A register file enum cannot be named from its namespace";
    private const string NotNameableAdvice = "; its mask and extension methods live at namespace level, so declare it public or internal, outside generic types";
    public static readonly DiagnosticDescriptor EnumNotAccessible = Error(DiagnosticIds.EnumNotAccessible, NotNameableTitle,
        "Register file '{0}' is {1}" + NotNameableAdvice);
    public static readonly DiagnosticDescriptor EnumInInaccessibleType = Error(DiagnosticIds.EnumNotAccessible, NotNameableTitle,
        "Register file '{0}' is inside {1} type '{2}'" + NotNameableAdvice);
    public static readonly DiagnosticDescriptor EnumInGenericType = Error(DiagnosticIds.EnumNotAccessible, NotNameableTitle,
        "Register file '{0}' is nested in generic type '{1}'" + NotNameableAdvice);

    // RM0018-RM0019: a register cache's values (ValueType).

    public static readonly DiagnosticDescriptor CacheLoadRegisterMissing = Warning(DiagnosticIds.CacheLoadMissing, "A register cache with values implements no LoadRegister",
        "Register cache '{0}' holds values of type '{1}' but implements no 'partial void LoadRegister({2} register, ref {1} value)', so Read can never load a register");

    private const string CacheValuesTitle = "A register cache cannot hold values of its ValueType";
    public static readonly DiagnosticDescriptor CacheValueTypeUnusable = Error(DiagnosticIds.CacheUnusable, CacheValuesTitle,
        "Register cache '{0}': ValueType '{1}' cannot hold a register's value, since it is {2}");
    public static readonly DiagnosticDescriptor CachePartialMethodDeclared = Error(DiagnosticIds.CacheUnusable, CacheValuesTitle,
        "Register cache '{0}' declares '{1}' with the generator's parameters, but not as the body of the generator's partial method; write it 'partial void {1}(...)' with a body, or remove it");
    public static readonly DiagnosticDescriptor CacheValuesInStruct = Error(DiagnosticIds.CacheUnusable, CacheValuesTitle,
        "Register cache '{0}' is a struct, whose copies would share one array of values; declare it a class to give it a ValueType");

    // RM0020: a deliberate alias.

    public static readonly DiagnosticDescriptor AliasOfNothing = Error(DiagnosticIds.AliasOfNothing, "A register marked [RegisterAlias] aliases no register",
        "Register '{0}' is marked [RegisterAlias], but no other register has its index {1}; remove [RegisterAlias], or give it the index of the register it aliases");

    // RM0030-RM0032: a register class, read alone.

    public static readonly DiagnosticDescriptor ClassValueShared = Error(DiagnosticIds.ClassValueShared, "Two registers of a register class share a value",
        "Register class '{0}': '{1}' has value {2}, which '{3}' of the class has too; a class's registers need distinct values (mark one [RegisterAlias] if it is meant)");

    private const string ClassMemberTitle = "A register class names something that is not one of its enum's members";
    public static readonly DiagnosticDescriptor ClassRangeBackwards = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}': From {1} is declared after To {2} in enum '{3}'; a class's range runs in declaration order");
    public static readonly DiagnosticDescriptor ClassHalfOpenRange = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}' gives {1} but no {2}");
    public static readonly DiagnosticDescriptor ClassRangeAndList = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}' gives both a range (From, To) and Registers; give one");
    public static readonly DiagnosticDescriptor ClassMemberOfAnotherEnum = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}': '{1}' is a member of enum '{2}', not of '{3}'");
    public static readonly DiagnosticDescriptor ClassValueNotAMember = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}': '{1}', {2}, is not a member of enum '{3}'");
    public static readonly DiagnosticDescriptor ClassExcludedAbsent = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}': Exclude names '{1}', which the class does not hold");
    public static readonly DiagnosticDescriptor ClassListedTwice = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}': Registers names '{1}' twice; each member has one bit");
    public static readonly DiagnosticDescriptor ClassEnumNotAnEnum = Error(DiagnosticIds.ClassMemberInvalid, ClassMemberTitle,
        "Register class '{0}': '{1}' is not an enum; pass typeof(TheRegisterEnum)");

    private const string ClassDoesNotFitTitle = "A register class does not fit its width";
    public static readonly DiagnosticDescriptor ClassDoesNotFit = Error(DiagnosticIds.ClassDoesNotFit, ClassDoesNotFitTitle,
        "Register class '{0}' holds {1} registers, which do not fit width {2}; remove the Width or make it at least {3}");
    public static readonly DiagnosticDescriptor ClassTooLarge = Error(DiagnosticIds.ClassDoesNotFit, ClassDoesNotFitTitle,
        "Register class '{0}' holds {1} registers; a mask holds at most 1024");

    // RM0021-RM0025: code that uses a mask as any enum, where a generated member is the right one.

    public static readonly DiagnosticDescriptor ComplementOutsideAll = Warning(DiagnosticIds.Complement, "A mask's complement holds bits that name no register",
        "'{0}' sets the bits of '{1}' that name no register; use Complement() (All & ~mask), or AND it with a mask at once");

    public static readonly DiagnosticDescriptor HasFlagOnMask = Info(DiagnosticIds.HasFlag, "Enum.HasFlag on a register mask",
        "'{0}' has Contains and IsSupersetOf, which compile to one AND and compare; Enum.HasFlag says less");

    public static readonly DiagnosticDescriptor EnumToStringOnMask = Info(DiagnosticIds.EnumToString, "Enum.ToString on a register mask",
        "'{0}' has ToStringFast, the same text without reflection");

    // RM0027: the set constant's accessibility.

    private const string SetAccessibilityTitle = "A set's Accessibility is not one its constant can have";
    public static readonly DiagnosticDescriptor SetAccessibilityUnknown = Error(DiagnosticIds.AccessibilityInvalid, SetAccessibilityTitle,
        "Set '{0}': Accessibility '{1}' is none of public, internal, protected, protected internal, private protected and private");
    public static readonly DiagnosticDescriptor SetAccessibilityProtected = Error(DiagnosticIds.AccessibilityInvalid, SetAccessibilityTitle,
        "Set '{0}': Accessibility '{1}' is for members of types others derive from, and '{3}' is a {2}; use public, internal or private");

    /// <summary>Every descriptor, for the analyzer's SupportedDiagnostics.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        IndexDoesNotFit, NegativeIndex, UnsupportedWidth, SharedIndex,
        ValueNotARegister, MemberOfAnotherEnum, SentinelInSet, UndefinedValueInSet, HalfOpenRange, BackwardRange, ValueNotARegisterOfAnyFile,
        RegisterFileArgumentNotAFile, EnumWithoutRegisterFile, SetFileUndetermined, IncludesNameNoSingleFile, IncludesNameSetsOfSeveralFiles,
        FileOfAnotherAssembly, SetMixesFiles, CacheFileNotAFile, InvariantFileUndetermined, InvariantMixesFiles, InvariantFileAmbiguous,
        UnknownInclude, UnknownIncludeOtherCase, IncludeOfAnotherFile, UnknownIncludeOfAnyFile, UnknownIncludeOfAnyFileOtherCase,
        IncludeNotAName, InvariantNamesNoSet, IncludeCycle, DuplicateSetName,
        MaskNameNotAnIdentifier, MaskNameTakenByType, ExtensionsNameTaken, JsonConverterNameTaken, OpsNameTaken, MaskNameTakenByFile, RegisterNameReserved,
        RegisterNamedAsMask, SetWithoutName, SetNameNotAnIdentifier, SetNameReserved, SetNamedAsItsType, SetNameTakenByMember,
        SetNameOnTwoFiles, OrderNameTakenByMember, OrderNameTakenBySet, NotPartial, ContainerNotPartial, ReadOnlyCache, ListedTwice, ExcludedButAbsent, EmptySet,
        SetsOverlap, NotASubset, PartitionMisses, PartitionOverlaps, PartitionExceeds, EnumNotAccessible, EnumInInaccessibleType, EnumInGenericType,
        CacheLoadRegisterMissing, CacheValueTypeUnusable, CacheValuesInStruct, CachePartialMethodDeclared, AliasOfNothing,
        SetAccessibilityUnknown, SetAccessibilityProtected,
        NotInClass, BackwardClassRange, SetClassAmbiguous, SetFileOrClassAmbiguous, SetInNoClass, HolderWithSeveralClasses,
        ClassValueShared, ClassRangeBackwards, ClassHalfOpenRange, ClassRangeAndList, ClassMemberOfAnotherEnum, ClassValueNotAMember,
        ClassExcludedAbsent, ClassListedTwice, ClassEnumNotAnEnum, ClassDoesNotFit, ClassTooLarge);

    public static readonly DiagnosticDescriptor EnumTryParseOfMask = Info(DiagnosticIds.EnumTryParse, "Enum.TryParse or Enum.Parse of a register mask",
        "'{0}' has its own {1}, which reads what ToStringFast prints, names joined by '|' and hex, without reflection");

    public static readonly DiagnosticDescriptor HandWrittenBit = Info(DiagnosticIds.HandWrittenBit, "Registers' bits written by hand",
        "'{0}' writes bits of registers of '{1}' by hand; '{2}' says the same, and the generator checks that every register fits the mask");

    public static readonly DiagnosticDescriptor NumberIsDeclaredSet = Info(DiagnosticIds.NumberIsDeclaredSet, "A number cast to a mask is a declared set",
        "'{0}': {1} is the value of '{2}'; the set's constant names its registers and follows the set when it changes");

    /// <summary>The usage analyzer's (<see cref="Usage.MaskUsageAnalyzer"/>): code that uses a generated mask.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> Usage = ImmutableArray.Create(ComplementOutsideAll, HasFlagOnMask, EnumToStringOnMask, EnumTryParseOfMask, HandWrittenBit, NumberIsDeclaredSet);

    // RM0028-RM0029: [CoversRegisterSet] on a member, reported by Coverage.CoversRegisterSetAnalyzer.

    public static readonly DiagnosticDescriptor SwitchMissesRegisters = Warning(DiagnosticIds.SwitchMissesRegisters, "A switch lacks cases for registers of the set its member covers",
        "'{0}' covers set '{1}', but this switch has no case for {2}");

    private const string CoveredSetUnknownTitle = "[CoversRegisterSet] names no single set";
    public static readonly DiagnosticDescriptor CoveredSetUnknown = Error(DiagnosticIds.CoveredSetUnknown, CoveredSetUnknownTitle,
        "'{0}' covers '{1}', which is not a set of any register file");
    public static readonly DiagnosticDescriptor CoveredSetNotOfFile = Error(DiagnosticIds.CoveredSetUnknown, CoveredSetUnknownTitle,
        "'{0}' covers '{1}', which is not a set of '{2}'");
    public static readonly DiagnosticDescriptor CoveredSetAmbiguous = Error(DiagnosticIds.CoveredSetUnknown, CoveredSetUnknownTitle,
        "'{0}' covers '{1}', a name sets of several register files have ({2}); add RegisterFile = typeof(...)");
    public static readonly DiagnosticDescriptor CoveredFileNotAFile = Error(DiagnosticIds.CoveredSetUnknown, CoveredSetUnknownTitle,
        "'{0}' covers '{1}' of '{2}', which is not an enum with [RegisterFile]");

    /// <summary>The switch coverage analyzer's (<see cref="Coverage.CoversRegisterSetAnalyzer"/>): members with <c>[CoversRegisterSet]</c>.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> Coverage = ImmutableArray.Create(
        SwitchMissesRegisters, CoveredSetUnknown, CoveredSetNotOfFile, CoveredSetAmbiguous, CoveredFileNotAFile);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
