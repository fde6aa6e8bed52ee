using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Generator;

/// <summary>
/// Every diagnostic the generator reports, in one place. IDs are stable once shipped
/// (AnalyzerReleases.Shipped.md); each links to its entry in the README.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RegisterMasks";
    private const string HelpBase = "https://github.com/registermasks/registermasks/blob/main/README.md#";

    public static readonly DiagnosticDescriptor IndexDoesNotFit = Error(
        "RM0001",
        "Register index does not fit the register file's width",
        "Register '{0}' has index {1}, which does not fit register file '{2}' of width {3} (indices 0 to {4})");

    public static readonly DiagnosticDescriptor NegativeIndex = Error(
        "RM0002",
        "Register index is negative",
        "Register '{0}' has negative index {1}; register indices start at 0");

    public static readonly DiagnosticDescriptor UnsupportedWidth = Error(
        "RM0003",
        "Register file width is not supported",
        "Register file '{0}' has width {1}; supported widths are {2}");

    public static readonly DiagnosticDescriptor SharedIndex = Warning(
        "RM0004",
        "Two registers share an index",
        "Register '{0}' shares index {1} with '{2}'; both name the same bit");

    public static readonly DiagnosticDescriptor NotARegister = Error(
        "RM0005",
        "A set names something that is not a register of its file",
        "Set '{0}' names {1}, which is not a register of '{2}'");

    public static readonly DiagnosticDescriptor RegisterFileUnclear = Error(
        "RM0006",
        "A set's register file is mixed, unannotated or undetermined",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor UnknownInclude = Error(
        "RM0007",
        "A name given for a set names no set",
        "{0} '{1}', which is not a set of {2}{3}");

    public static readonly DiagnosticDescriptor IncludeCycle = Error(
        "RM0008",
        "Sets include each other in a cycle",
        "Set '{0}' is part of an include cycle: {1}");

    public static readonly DiagnosticDescriptor DuplicateSetName = Error(
        "RM0009",
        "Two sets of one register file share a name",
        "Set name '{0}' is declared {1} times for register file '{2}' (on {3})");

    public static readonly DiagnosticDescriptor InvalidName = Error(
        "RM0010",
        "A set or mask name is invalid or collides",
        "{0}");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "RM0011",
        "A type the generator adds members to is not partial",
        "Type '{0}' {1}");

    public static readonly DiagnosticDescriptor RedundantRegister = Warning(
        "RM0012",
        "A register is redundant in a set",
        "Set '{0}': register '{1}' {2}");

    public static readonly DiagnosticDescriptor EmptySet = Warning(
        "RM0013",
        "A register set is empty",
        "Set '{0}' of '{1}' holds no register");

    public static readonly DiagnosticDescriptor SetsOverlap = Error(
        "RM0014",
        "Sets declared disjoint overlap",
        "Sets '{0}' and '{1}' must be disjoint, but both hold {2}");

    public static readonly DiagnosticDescriptor NotASubset = Error(
        "RM0015",
        "A set declared a subset holds registers its superset lacks",
        "Set '{0}' must be a subset of '{1}', but holds {2}, which '{1}' lacks");

    public static readonly DiagnosticDescriptor NotNameableFromNamespace = Error(
        "RM0016",
        "A register file enum cannot be named from its namespace",
        "Register file '{0}' {1}; its mask and extension methods live at namespace level, so declare it public or internal, outside generic types");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        IndexDoesNotFit, NegativeIndex, UnsupportedWidth, SharedIndex, NotARegister, RegisterFileUnclear,
        UnknownInclude, IncludeCycle, DuplicateSetName, InvalidName, NotPartial, RedundantRegister, EmptySet,
        SetsOverlap, NotASubset, NotNameableFromNamespace,
    }.ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
