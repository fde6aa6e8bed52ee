using System;
using System.Globalization;
using System.IO;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// The embedded Scriban templates, each read and parsed once per process, on first use: a project
/// that references the package and annotates nothing renders none of them, and should pay for none
/// (parsing every template at start-up cost each such build about a tenth of a second).
/// </summary>
internal static class TemplateSet
{
    private static readonly Lazy<Template> s_registerMask = new(() => Load("RegisterMask.sbn"));
    private static readonly Lazy<Template> s_registerMaskWide = new(() => Load("RegisterMaskWide.sbn"));
    private static readonly Lazy<Template> s_registerSets = new(() => Load("RegisterSets.sbn"));
    private static readonly Lazy<Template> s_registerSetsFile = new(() => Load("RegisterSetsFile.sbn"));
    private static readonly Lazy<Template> s_registerSetCatalog = new(() => Load("RegisterSetCatalog.sbn"));
    private static readonly Lazy<Template> s_registerCache = new(() => Load("RegisterCache.sbn"));
    private static readonly Lazy<Template> s_registerMaskOps = new(() => Load("RegisterMaskOps.sbn"));
    private static readonly Lazy<Template> s_parseText = new(() => Load("ParseText.sbn"));
    private static readonly Lazy<string> s_spanParseText = new(() =>
        Render(s_parseText.Value, new ParseTextView { IsSpan = true, TextType = "global::System.ReadOnlySpan<char>" }).TrimEnd('\n', '\r'));
    private static readonly Lazy<string> s_stringParseText = new(() =>
        Render(s_parseText.Value, new ParseTextView { IsSpan = false, TextType = "string" }).TrimEnd('\n', '\r'));

    public static Template RegisterMask => s_registerMask.Value;
    public static Template RegisterMaskWide => s_registerMaskWide.Value;
    public static Template RegisterSets => s_registerSets.Value;
    public static Template RegisterSetsFile => s_registerSetsFile.Value;
    public static Template RegisterSetCatalog => s_registerSetCatalog.Value;
    public static Template RegisterCache => s_registerCache.Value;
    public static Template RegisterMaskOps => s_registerMaskOps.Value;

    /// <summary>
    /// The templates a template may <c>include</c>: the members the enum mask and the struct mask share, written once
    /// and rendered into both, in the including render's context (the same view, no second conversion of it).
    /// </summary>
    private static readonly (string Name, Lazy<Template> Template)[] s_partials =
    {
        Partial("MaskBitNames.sbn"),
        Partial("MaskOperations.sbn"),
        Partial("ClassMapping.sbn"),
        Partial("MaskParsing.sbn"),
        Partial("MaskBitHelpers.sbn"),
        Partial("MaskEnumerators.sbn"),
        Partial("MaskOps.sbn"),
        Partial("JsonConverter.sbn"),
    };

    /// <summary>
    /// What every render reads besides its view: Scriban's <c>include</c>, and <c>indent</c> (<see cref="Indent"/>). Read-only,
    /// so that nothing of one render can reach the next; assignments go to the view's globals, pushed after it.
    /// </summary>
    private static readonly ScriptObject s_functions = Functions();

    /// <summary>
    /// The builtins every context starts from. Scriban builds its whole function library for each
    /// new context unless given one. The templates call no builtin function, so they share one empty
    /// object that nothing writes to (assignments go to the globals each render pushes).
    /// </summary>
    internal static readonly ScriptObject s_noBuiltins = new();

    /// <summary>
    /// The text helpers of Parse and TryParse over a span, which every mask carries where the target has spans: constant
    /// text, rendered once, on first use.
    /// </summary>
    public static string SpanParseText => s_spanParseText.Value;

    /// <summary>The same helpers over a string, for a target without spans.</summary>
    public static string StringParseText => s_stringParseText.Value;

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
            LimitToString = 0,           // Scriban cuts output past 1 MB by default, and appends "...": a large generated source would not compile
            MemberRenamer = StandardMemberRenamer.Default,
            TemplateLoader = PartialLoader.Instance,
        };
        // Scriban caches what it includes per context, and each render has a new one: handing it the templates parsed
        // once per process keeps an include from reading and parsing its template again in every render.
        foreach (var (name, partial) in s_partials)
        {
            context.CachedTemplates[name] = partial.Value;
        }
        context.PushGlobal(s_functions);
        context.PushGlobal(ScriptModel.From(view));
        context.PushCulture(CultureInfo.InvariantCulture); // numbers read the same on every machine
        return template.Render(context);
    }

    private static (string, Lazy<Template>) Partial(string name) => (name, new Lazy<Template>(() => Load(name)));

    private static ScriptObject Functions()
    {
        var functions = new ScriptObject();
        functions.SetValue("include", new IncludeFunction(), readOnly: true);
        functions.Import("indent", new Func<string, string>(Indent));
        functions.IsReadOnly = true;
        return functions;
    }

    /// <summary>
    /// The text one level (four spaces) deeper: every line but the empty ones. Members a template captures once and writes
    /// either as they are or inside a block (an extension block from C# 14) keep the layout of hand-written code in both.
    /// </summary>
    internal static string Indent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                lines[i] = "    " + lines[i];
            }
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Names an included template by its file name. Every partial is in the context's cache before the render starts,
    /// so a name that reaches <see cref="Load"/> is not one of <see cref="s_partials"/>: a mistake in a template, which
    /// the tests find.
    /// </summary>
    private sealed class PartialLoader : ITemplateLoader
    {
        public static readonly PartialLoader Instance = new();

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new InvalidOperationException($"Template '{templatePath}' is not one TemplateSet lets a template include.");

        public System.Threading.Tasks.ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new(Load(context, callerSpan, templatePath));
    }

    private static Template Load(string name)
    {
        var template = Template.Parse(EmbeddedText.Read(name), name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"Template '{name}' does not parse: {string.Join("; ", template.Messages)}");
        }
        return template;
    }
}
