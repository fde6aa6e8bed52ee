using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// The .NET SDK's own code-quality analyzers (CA rules), loaded from the SDK running the tests,
/// every rule switched on as a warning: what <c>AnalysisMode=All</c> does in a real build.
/// </summary>
internal static class SdkAnalyzers
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new(Load);

    public static ImmutableArray<DiagnosticAnalyzer> All => s_analyzers.Value;

    /// <summary>Every rule the analyzers know, as a warning.</summary>
    public static CompilationOptions EnableAll(CompilationOptions options) =>
        options.WithSpecificDiagnosticOptions(All.SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .Select(descriptor => descriptor.Id).Distinct()
            .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn));

    private static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var folder = AnalyzerFolder();
        return new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .Select(name => Assembly.LoadFrom(Path.Combine(folder, name)))
            .SelectMany(LoadableTypes)
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }

    /// <summary>The analyzers' types; their code fixes need Workspaces, which a test does not load, and are skipped.</summary>
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    /// <summary><c>{dotnet}/sdk/{version}/Sdks/Microsoft.NET.Sdk/analyzers</c> of the newest SDK beside the running runtime.</summary>
    private static string AnalyzerFolder()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        return Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(folder => File.Exists(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll")))
            .OrderBy(folder => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(folder)))), out var version) ? version : new Version())
            .Last();
    }
}
