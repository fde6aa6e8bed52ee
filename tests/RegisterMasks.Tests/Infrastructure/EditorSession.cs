using System.Diagnostics;
using System.Text.Json.Nodes;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// A real editor's view of the sample as a user has it: a copy of the sample consuming the packed
/// package, in a solution of its own, opened by csharp-ls (the Roslyn-based language server pinned in
/// .config/dotnet-tools.json) with analyzers enabled. One server for a test class.
/// </summary>
/// <remarks>
/// Not the repository's ProjectReference: csharp-ls's MSBuild workspace does not hand the generator
/// Scriban through that reference, so the generator fails to load there and nothing is generated.
/// </remarks>
public sealed class EditorSession : IDisposable
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(4);
    private readonly LanguageServerClient _server;
    private readonly PackedPackage _package = new();
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    public EditorSession()
    {
        Root = _package.NewConsumer("editor");
        CopySample();
        File.WriteAllText(PathOf(ProbeFile), ProbeText);
        // A CLI home of the run's own: `dotnet tool restore` keeps a tool cache there, which then never
        // mixes with the developer's; csharp-ls itself comes from the usual package cache.
        var environment = new Dictionary<string, string>(_package.Environment) { ["DOTNET_CLI_HOME"] = Path.Combine(_package.Work, "cli-home") };
        DotnetCli.Run(Root, environment, "new", "sln", "-n", "Editor", "--format", "sln");
        DotnetCli.Run(Root, environment, "sln", "Editor.sln", "add", "sample/Sample.csproj");
        DotnetCli.Run(Root, environment, "build", "Editor.sln");
        DotnetCli.Run(RepositoryFiles.Root, environment, "tool", "restore");

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryFiles.Root };
        foreach (var argument in new[] { "tool", "run", "csharp-ls", "--", "--solution", Path.Combine(Root, "Editor.sln"), "--loglevel", "info" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        _server = new LanguageServerClient(start, Answer);
        Initialize().GetAwaiter().GetResult();
        LoadTime = WaitUntilLoaded().GetAwaiter().GetResult();
    }

    /// <summary>A file of the sample whose only use is a completion point after <c>VcpuRegMask.</c>.</summary>
    public const string ProbeFile = "sample/EditorProbe.cs";

    private const string ProbeText = "namespace KvmSample;\n\ninternal static class EditorProbe\n{\n    internal static object Probe() => VcpuRegMask.VCPU_REGS_RAX;\n}\n";

    /// <summary>Where completion after <c>VcpuRegMask.</c> is asked: line 4, just past the dot.</summary>
    public static (int Line, int Character) ProbePoint => (4, ProbeText.Split('\n')[4].IndexOf("VcpuRegMask.", StringComparison.Ordinal) + "VcpuRegMask.".Length);

    /// <summary>How long the server took to load the solution, run the generator and offer its members.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>What completion offered at <see cref="ProbePoint"/> once loaded.</summary>
    public List<string> ProbeCompletion { get; private set; } = new();

    /// <summary>The workspace is loaded when completion offers the generated mask's members: the project, its analyzer and its generator are all in.</summary>
    private async Task<TimeSpan> WaitUntilLoaded()
    {
        var clock = Stopwatch.StartNew();
        while (!Transcript.Contains("Finished loading solution", StringComparison.Ordinal) && clock.Elapsed < Startup)
        {
            await Task.Delay(250);
        }
        await OpenAsync(ProbeFile);
        while (clock.Elapsed < Startup)
        {
            ProbeCompletion = await CompletionAsync(ProbeFile, ProbePoint.Line, ProbePoint.Character);
            if (ProbeCompletion.Contains("VCPU_REGS_RAX"))
            {
                return clock.Elapsed;
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException($"csharp-ls offered no VcpuRegMask members in {Startup.TotalMinutes} minutes; last offer: {string.Join(", ", ProbeCompletion.Take(20))}. Transcript:\n{Transcript}");
    }

    public string Root { get; }

    public string Transcript => _server.Transcript;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    /// <summary>Opens a file of the workspace with its text on disk.</summary>
    public Task OpenAsync(string relative)
    {
        var path = PathOf(relative);
        _versions[path] = 1;
        return _server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = UriOf(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(path),
            },
        });
    }

    /// <summary>Replaces an open file's whole text, unsaved, as typing does.</summary>
    public Task ChangeAsync(string relative, string text)
    {
        var path = PathOf(relative);
        var version = _versions[path] = _versions[path] + 1;
        return _server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriOf(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });
    }

    /// <summary>The file's diagnostics, pulled (<c>textDocument/diagnostic</c>): (code, line, character, message) each.</summary>
    public async Task<List<(string Code, int Line, int Character, string Message)>> DiagnosticsAsync(string relative)
    {
        var result = await _server.RequestAsync("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriOf(PathOf(relative)) },
        }, TimeSpan.FromMinutes(2));
        var items = result?["items"]?.AsArray() ?? new JsonArray();
        return items.Select(item => (
            Code: item!["code"]?.ToString() ?? "",
            Line: item["range"]!["start"]!["line"]!.GetValue<int>(),
            Character: item["range"]!["start"]!["character"]!.GetValue<int>(),
            Message: item["message"]?.ToString() ?? "")).ToList();
    }

    /// <summary>Pulls the file's diagnostics until <paramref name="done"/> holds of them, or the time is up; the last ones either way.</summary>
    public async Task<(bool Met, List<(string Code, int Line, int Character, string Message)> Last, TimeSpan Took)> WaitForDiagnosticsAsync(
        string relative, Func<List<(string Code, int Line, int Character, string Message)>, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var diagnostics = await DiagnosticsAsync(relative);
            if (done(diagnostics) || clock.Elapsed > within)
            {
                return (done(diagnostics), diagnostics, clock.Elapsed);
            }
            await Task.Delay(500);
        }
    }

    /// <summary>The labels completion offers at a position of an open file.</summary>
    public async Task<List<string>> CompletionAsync(string relative, int line, int character)
    {
        var result = await _server.RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriOf(PathOf(relative)) },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
            ["context"] = new JsonObject { ["triggerKind"] = 1 },
        }, TimeSpan.FromMinutes(2));
        var items = result is JsonArray array ? array : result?["items"]?.AsArray() ?? new JsonArray();
        return items.Select(item => item!["label"]!.ToString()).ToList();
    }

    private async Task Initialize()
    {
        await _server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = UriOf(Root),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true } },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true },
                    ["publishDiagnostics"] = new JsonObject(),
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
                },
            },
            ["initializationOptions"] = Settings(),
        }, Startup);
        await _server.NotifyAsync("initialized", new JsonObject());
        await _server.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = Settings() });
    }

    /// <summary>The editor's settings: analyzers on, which csharp-ls leaves off by default.</summary>
    private static JsonObject Settings() => new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

    private static JsonNode? Answer(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null; // registrations, progress tokens: accepted
        }
        var answers = new JsonArray();
        foreach (var item in parameters?["items"]?.AsArray() ?? new JsonArray())
        {
            var section = item?["section"]?.ToString();
            answers.Add(section switch
            {
                "csharp" => Settings()["csharp"]!.DeepClone(),
                null or "" => Settings(),
                _ => null,
            });
        }
        return answers;
    }

    /// <summary>The sample, with the package in place of the repository's reference to the generator project.</summary>
    private void CopySample()
    {
        RepositoryFiles.Copy("sample", Root);
        var project = PathOf("sample/Sample.csproj");
        var text = File.ReadAllText(project);
        var withPackage = System.Text.RegularExpressions.Regex.Replace(text, "<ProjectReference Include=\"../generator/[^>]*/>",
            $"<PackageReference Include=\"RegisterMasks\" Version=\"{_package.Version}\" PrivateAssets=\"all\" />");
        if (withPackage == text)
        {
            throw new InvalidOperationException("The sample's project no longer references the generator as this test expects:\n" + text);
        }
        File.WriteAllText(project, withPackage);
        foreach (var file in new[] { "Directory.Build.props", ".editorconfig" })
        {
            File.Copy(Path.Combine(RepositoryFiles.Root, file), PathOf(file));
        }
    }

    public void Dispose()
    {
        _server.Dispose();
        _package.Dispose();
    }
}
