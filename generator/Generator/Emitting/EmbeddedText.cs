using System;
using System.IO;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// The generator's embedded texts. The attributes' source, which every compilation gets, is plain C#
/// with no template syntax, read as it is. Kept apart from <see cref="TemplateSet"/>, whose fields
/// are Scriban's types, so that a build that annotates nothing never loads or initialises Scriban.
/// </summary>
internal static class EmbeddedText
{
    private static readonly Lazy<string> s_attributes = new(() => Read("Attributes.txt"));

    public static string Attributes => s_attributes.Value;

    /// <summary>An embedded template or text, by file name.</summary>
    internal static string Read(string name)
    {
        var resource = "RegisterMasks.Templates." + name;
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Template resource '{resource}' is missing from the generator assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
