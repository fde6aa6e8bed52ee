using System;
using System.Globalization;
using System.IO;
using Scriban;
using Scriban.Runtime;

namespace RegisterMasks.Generator.Emitting;

/// <summary>The embedded Scriban templates, each read and parsed once per process.</summary>
internal static class TemplateSet
{
    public static readonly Template Attributes = Load("Attributes.sbn");
    public static readonly Template RegisterMask = Load("RegisterMask.sbn");
    public static readonly Template RegisterMaskWide = Load("RegisterMaskWide.sbn");
    public static readonly Template RegisterSets = Load("RegisterSets.sbn");
    public static readonly Template RegisterSetCatalog = Load("RegisterSetCatalog.sbn");
    public static readonly Template RegisterCache = Load("RegisterCache.sbn");
    public static readonly Template JsonConverter = Load("JsonConverter.sbn");

    /// <summary>
    /// The builtins every context starts from. Scriban builds its whole function library for each
    /// new context unless given one. The templates call no builtin function, so they share one empty
    /// object that nothing writes to (assignments go to the globals each render pushes).
    /// </summary>
    internal static readonly ScriptObject s_noBuiltins = new();

    private static readonly Template s_parseText = Load("ParseText.sbn");

    /// <summary>
    /// The text helpers of Parse and TryParse over a span, which every mask carries where the target has spans: constant
    /// text, rendered once (after <see cref="s_noBuiltins"/>, which rendering reads).
    /// </summary>
    public static readonly string SpanParseText = Render(s_parseText, new ParseTextView { IsSpan = true, TextType = "global::System.ReadOnlySpan<char>" }).TrimEnd('\n', '\r');

    /// <summary>The same helpers over a string, for a target without spans.</summary>
    public static readonly string StringParseText = Render(s_parseText, new ParseTextView { IsSpan = false, TextType = "string" }).TrimEnd('\n', '\r');

    /// <summary>
    /// Renders a template from a plain view object, whose properties the template reads in snake_case.
    /// Each render has a context of its own, so that nothing of one render can reach the next.
    /// </summary>
    public static string Render(Template template, object view)
    {
        var context = new TemplateContext(s_noBuiltins)
        {
            StrictVariables = true,      // a misspelt name in a template fails the tests, not the user's build
            LoopLimit = int.MaxValue,    // a 1,000-register file is legitimate input
            LimitToString = 0,           // Scriban cuts output past 1 MB by default, and appends "...": a large file would not compile
            MemberRenamer = StandardMemberRenamer.Default,
        };
        context.PushGlobal(ScriptModel.From(view));
        context.PushCulture(CultureInfo.InvariantCulture); // numbers read the same on every machine
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var resource = "RegisterMasks.Templates." + name;
        using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Template resource '{resource}' is missing from the generator assembly.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"Template '{name}' does not parse: {string.Join("; ", template.Messages)}");
        }
        return template;
    }
}
