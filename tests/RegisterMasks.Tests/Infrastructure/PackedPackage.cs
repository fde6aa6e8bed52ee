namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// The repository packed once per test run, under a version no other run used, into a feed of its
/// own, and shared by every class that builds against it (package, real-code and editor tests): a
/// pack is a whole build of the solution. Consumers restore through the machine's usual package
/// cache: the version is new, so no stale copy can stand in for it, and every other dependency is
/// already there after a first run, which then needs no package registry.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private static readonly Lazy<Packed> s_packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What one pack made. The folder goes when the test process exits, not with a class: other classes share it.</summary>
    private sealed record Packed(string Work, string Version, string Feed, string[] Packages);

    private static Packed Pack()
    {
        var work = Directory.CreateTempSubdirectory("registermasks-e2e-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(work);
        var version = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(work, "feed");

        // Pack the whole solution from a copy: only RegisterMasks may come out.
        var repository = Path.Combine(work, "repo");
        RepositoryFiles.Copy("", repository);
        DotnetCli.Run(repository, new Dictionary<string, string>(), "pack", "Generator.sln", "-o", feed, "-p:Version=" + version);
        return new Packed(work, version, feed, Directory.GetFiles(feed, "*.nupkg"));
    }

    public string Work => s_packed.Value.Work;

    public string Version => s_packed.Value.Version;

    public string Feed => s_packed.Value.Feed;

    /// <summary>Variables for the CLI's processes: none of ours (the usual package cache; see the class summary).</summary>
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>Everything the pack produced.</summary>
    public string[] Packages => s_packed.Value.Packages;

    /// <summary>A folder holding a consumer of the package: a nuget.config naming the feed, and the repository's global.json.</summary>
    public string NewConsumer(string name)
    {
        var root = Path.Combine(Work, name);
        Write(root, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="e2e-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Write(root, "global.json", File.ReadAllText(Path.Combine(RepositoryFiles.Root, "global.json")));
        return root;
    }

    /// <summary>A project file that consumes the package, with warnings (and CS8784/CS8785) as errors.</summary>
    public string Project(string targetFramework, string properties = "", string items = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{targetFramework}</TargetFramework>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="RegisterMasks" Version="{Version}" PrivateAssets="all" />
            {items}
          </ItemGroup>
        </Project>
        """;

    public static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Nothing per class: the pack is shared, and deleted when the process exits.</summary>
    public void Dispose()
    {
    }

    private static void Delete(string work)
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
