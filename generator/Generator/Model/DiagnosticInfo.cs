using System;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Model;

/// <summary>
/// A diagnostic found by the parser or resolver, as data: its descriptor (one per message shape),
/// where, and the message arguments. The analyzer reports it; the generator only reads
/// <see cref="IsError"/> to leave out what the error breaks.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params object[] arguments) =>
        new(descriptor, location, arguments.Select(Text).ToEquatableArray());

    /// <summary>An argument as the message shows it: user syntax quoted on one line, shortened (<see cref="Shared.SourceQuote"/>).</summary>
    private static string Text(object argument) =>
        argument is SyntaxNode syntax ? Shared.SourceQuote.Of(syntax) : Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "";

    /// <summary>What the code fix needs beyond the location (<see cref="FixProperties"/>); empty for most.</summary>
    public EquatableArray<DiagnosticProperty> Properties { get; init; } = EquatableArray<DiagnosticProperty>.Empty;

    public DiagnosticInfo WithProperty(string key, string value) =>
        this with { Properties = Properties.Append(new DiagnosticProperty(key, value)).ToEquatableArray() };

    public string Id => Descriptor.Id;

    /// <summary>By the rule's own severity, never the user's configuration: what is generated must not depend on it.</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The diagnostic, located in <paramref name="tree"/> (the tree of <see cref="Location"/>).</summary>
    public Diagnostic ToDiagnostic(SyntaxTree tree) =>
        Diagnostic.Create(
            Descriptor,
            Microsoft.CodeAnalysis.Location.Create(tree, Location.Span),
            Properties.ToImmutableDictionary(property => property.Key, property => (string?)property.Value),
            Arguments.Cast<object>().ToArray());
}

internal sealed record DiagnosticProperty(string Key, string Value);
