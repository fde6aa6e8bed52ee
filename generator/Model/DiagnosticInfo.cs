using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Generator.Model;

/// <summary>
/// A diagnostic found by the parser or resolver, as data: its descriptor (one per message shape),
/// where, and the message arguments. The analyzer reports it; the generator only reads
/// <see cref="IsError"/> to leave out what the error breaks.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params object[] arguments) =>
        new(descriptor, location, arguments.Select(argument => Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "").ToEquatableArray());

    public string Id => Descriptor.Id;

    /// <summary>By the rule's own severity, never the user's configuration: what is generated must not depend on it.</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The diagnostic, located in <paramref name="tree"/> (the file of <see cref="Location"/>).</summary>
    public Diagnostic ToDiagnostic(SyntaxTree tree) =>
        Diagnostic.Create(Descriptor, Microsoft.CodeAnalysis.Location.Create(tree, Location.Span), Arguments.Cast<object>().ToArray());
}
