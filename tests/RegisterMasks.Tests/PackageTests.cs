using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The package end to end: packed from the solution into a temporary feed, consumed by fresh
/// projects (a netstandard2.0 library in C# 7.3 and a net10.0 app) restored into their own
/// NUGET_PACKAGES, so no stale copy of the package can stand in for the one just built.
/// </summary>
public class PackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("registermasks-e2e-").FullName;

    [Fact]
    public void The_packed_package_builds_and_runs_a_fresh_consumer()
    {
        var version = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(_work, "feed");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_work, "packages") };

        // Pack the whole solution from a copy: only RegisterMasks may come out.
        var repository = CopyRepository();
        DotnetCli.Run(repository, environment, "pack", "Generator.sln", "-o", feed, "-p:Version=" + version);
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        Assert.Equal($"RegisterMasks.{version}.nupkg", Path.GetFileName(package));
        AssertPackageLayout(package);

        // Consume it as a user would, from the feed.
        var consumer = WriteConsumer(feed, version);
        var build = DotnetCli.Run(consumer, environment, "build", "App/App.csproj", "-c", "Release");
        Assert.DoesNotContain("CS8784", build);
        Assert.DoesNotContain("CS8785", build);
        Assert.Contains("0 Warning(s)", build);

        // Every .NET analyzer on: the generated code must draw none (the consumers' own code may).
        var analyzed = DotnetCli.Run(consumer, environment, "build", "App/App.csproj", "-c", "Debug", "--no-incremental",
            "-p:AnalysisMode=All", "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=CS8784%3BCS8785");
        var generatedWarnings = analyzed.Split('\n').Where(line => line.Contains("warning", StringComparison.Ordinal) && line.Contains(".g.cs", StringComparison.Ordinal)).ToList();
        Assert.True(generatedWarnings.Count == 0, "Warnings in generated code under AnalysisMode=All:\n" + string.Join("\n", generatedWarnings));
        Assert.Contains("warning CA1051", analyzed); // the canary's public field: the analyzers did run

        var output = DotnetCli.Run(consumer, environment, "run", "--project", "App/App.csproj", "-c", "Release", "--no-build");
        Assert.Contains("LAZY=0x00000006 (B, C)", output);
        Assert.Contains("CORE=0x03 (R0, R1) count=2", output);

        var library = Path.Combine(consumer, "Lib", "bin", "Release", "netstandard2.0", "Lib.dll");
        Assert.DoesNotContain(ReferencedAssemblies(library), name => name.StartsWith("RegisterMasks", StringComparison.Ordinal));
    }

    private static void AssertPackageLayout(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(entry => entry.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/RegisterMasks.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Scriban.Signed.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal)); // nothing for consumers to reference at run time
        var nuspec = new StreamReader(zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);
    }

    private string CopyRepository()
    {
        var target = Path.Combine(_work, "repo");
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(part => part is "bin" or "obj" or ".git" or "TestResults" or "__mismatch__" or "BenchmarkDotNet.Artifacts"))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        return target;
    }

    private string WriteConsumer(string feed, string version)
    {
        var root = Path.Combine(_work, "consumer");
        Write(root, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="e2e-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Write(root, "global.json", File.ReadAllText(Path.Combine(RepositoryFiles.Root, "global.json")));
        var strict = "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>";
        Write(root, "Lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><LangVersion>7.3</LangVersion>{strict}</PropertyGroup>
              <ItemGroup><PackageReference Include="RegisterMasks" Version="{version}" PrivateAssets="all" /></ItemGroup>
            </Project>
            """);
        Write(root, "Lib/Regs.cs", """
            using RegisterMasks;

            namespace Lib
            {
                [RegisterFile(32)]
                public enum Reg { A, B, C, D, [NotARegister] COUNT }

                [RegisterSet("LAZY", Reg.B, Reg.C)]
                public static partial class Backend
                {
                }
            }
            """);
        Write(root, "App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>{strict}</PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RegisterMasks" Version="{version}" PrivateAssets="all" />
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write(root, "App/Program.cs", """
            using Lib;
            using RegisterMasks;

            Console.WriteLine($"LAZY=0x{(uint)Backend.LAZY:X8} ({Backend.LAZY.ToStringFast()})");
            Console.WriteLine($"CORE=0x{(byte)Sets.CORE:X2} ({Sets.CORE.ToStringFast()}) count={Sets.CORE.Count()}");

            [RegisterFile(8)]
            enum Small { R0, R1, R2 }

            [RegisterSet("CORE", Small.R0, Small.R1)]
            static partial class Sets { }

            // A canary for the AnalysisMode=All build: it must draw CA warnings, proving the analyzers ran.
            public class AnalyzerCanary { public int Field; }
            """);
        return root;
    }

    private static IEnumerable<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
