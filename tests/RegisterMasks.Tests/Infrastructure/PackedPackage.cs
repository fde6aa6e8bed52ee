namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// The repository packed once per test class, under a version no other run used, into a feed of its
/// own; consumers restore it into their own NUGET_PACKAGES, so no stale copy can stand in for it.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Version = "1.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Feed = Path.Combine(Work, "feed");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Work, "packages") };

        // Pack the whole solution from a copy: only RegisterMasks may come out.
        var repository = CopyRepository();
        DotnetCli.Run(repository, Environment, "pack", "Generator.sln", "-o", Feed, "-p:Version=" + Version);
        Packages = Directory.GetFiles(Feed, "*.nupkg");
    }

    public string Work { get; } = Directory.CreateTempSubdirectory("registermasks-e2e-").FullName;

    public string Version { get; }

    public string Feed { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>Everything the pack produced.</summary>
    public string[] Packages { get; }

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

    private string CopyRepository()
    {
        var target = Path.Combine(Work, "repo");
        RepositoryFiles.Copy("", target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}
