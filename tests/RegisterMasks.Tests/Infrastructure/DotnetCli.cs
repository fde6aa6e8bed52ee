using System.Diagnostics;
using Xunit;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a user would, in a clean environment, and fails with its output.</summary>
internal static class DotnetCli
{
    public static string Run(string workingDirectory, IDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, text) = RunUnchecked(workingDirectory, environment, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {exitCode}:{Environment.NewLine}{text}");
        return text;
    }

    /// <summary>Runs it and hands back the exit code with the output, for a build that is meant to fail.</summary>
    public static (int ExitCode, string Output) RunUnchecked(string workingDirectory, IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The test host runs under MSBuild's variables; a child build must not inherit them.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"dotnet {string.Join(' ', arguments)} did not finish in 10 minutes");
        return (process.ExitCode, output.Result + error.Result);
    }
}
