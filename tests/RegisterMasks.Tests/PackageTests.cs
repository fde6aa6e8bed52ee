using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The package end to end: packed from the solution into a temporary feed (once per test run,
/// under a version no run used before, so no stale copy of the package can stand in for the one
/// just built), consumed by fresh projects restored through the usual package cache.
/// </summary>
[Trait(TestKind.Category, TestKind.Package)]
public class PackageTests : IClassFixture<PackedPackage>
{
    private readonly PackedPackage _package;

    public PackageTests(PackedPackage package) => _package = package;

    [Fact]
    public void Only_RegisterMasks_is_packed_with_the_generator_the_code_fixes_Scriban_and_its_notice()
    {
        var package = Assert.Single(_package.Packages);
        Assert.Equal($"RegisterMasks.{_package.Version}.nupkg", Path.GetFileName(package));
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(entry => entry.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/RegisterMasks.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Scriban.Signed.dll", entries);
        // The code fixes, beside the analyzer; Workspaces is the IDE's own, never shipped.
        Assert.Contains("analyzers/dotnet/cs/RegisterMasks.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, entry => entry.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal)); // nothing for consumers to reference at run time
        var nuspec = new StreamReader(zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);

        // Scriban's BSD-2-Clause licence: its copyright notice and licence text travel with the binary.
        var notice = new StreamReader(zip.GetEntry("THIRD-PARTY-NOTICES.txt")!.Open()).ReadToEnd();
        Assert.Contains("Scriban", notice);
        Assert.Contains("Copyright (c) 2016-2020, Alexandre Mutel", notice);
        Assert.Contains("Redistributions in binary form must reproduce the above copyright notice", notice);
    }

    [Fact]
    public void The_packed_package_builds_and_runs_a_fresh_consumer()
    {
        var consumer = WriteConsumer();
        var environment = _package.Environment;
        var build = DotnetCli.Run(consumer, environment, "build", "App/App.csproj", "-c", "Release");
        Assert.DoesNotContain("CS8784", build);
        Assert.DoesNotContain("CS8785", build);
        Assert.DoesNotContain("AD0001", build);
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
        Assert.Contains("read C=12, order C,A, D, A", output);

        var library = Path.Combine(consumer, "Lib", "bin", "Release", "netstandard2.0", "Lib.dll");
        Assert.DoesNotContain(ReferencedAssemblies(library), name => name.StartsWith("RegisterMasks", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 11's acceptance: a consumer written from the contract's mask API alone (docs/contract.md),
    /// every member with the names and shapes given there, built from the packed package with warnings
    /// as errors, runs and keeps every promise it checks.
    /// </summary>
    [Fact]
    public void A_consumer_written_from_the_contract_alone_builds_and_keeps_every_promise()
    {
        var root = _package.NewConsumer("contract");
        PackedPackage.Write(root, "Consumer/Consumer.csproj", _package.Project("net10.0",
            "<OutputType>Exe</OutputType><Nullable>enable</Nullable><LangVersion>latest</LangVersion>"));
        PackedPackage.Write(root, "Consumer/Program.cs", Fixtures.ContractConsumer.Program);
        var build = DotnetCli.Run(root, _package.Environment, "build", "Consumer/Consumer.csproj", "-c", "Release");
        Assert.Contains("0 Warning(s)", build);
        Assert.DoesNotContain("AD0001", build);

        var output = DotnetCli.Run(root, _package.Environment, "run", "--project", "Consumer/Consumer.csproj", "-c", "Release", "--no-build");
        Assert.DoesNotContain("FAILED", output);
        Assert.Matches(@"contract: (\d+) of \1 checks passed", output);
    }

    /// <summary>
    /// Diagnostics come from an analyzer, in the user's trees: #pragma, [SuppressMessage] and
    /// .editorconfig severities all reach them. Without any of those, the same code fails on exactly
    /// the three warnings they silence, since warnings are errors here.
    /// </summary>
    [Fact]
    public void Pragma_SuppressMessage_and_editorconfig_silence_RM_warnings_in_a_real_build()
    {
        var suppressed = SuppressionConsumer("suppressed", withSuppressions: true);
        var clean = DotnetCli.Run(suppressed, _package.Environment, "build", "-c", "Release");
        Assert.Contains("0 Warning(s)", clean);
        Assert.Contains("0 Error(s)", clean);

        var bare = SuppressionConsumer("bare", withSuppressions: false);
        var (exitCode, failed) = DotnetCli.RunUnchecked(bare, _package.Environment, "build", "-c", "Release");
        Assert.NotEqual(0, exitCode);
        var errors = failed.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"(\w+\.cs)\((\d+),\d+\): error (\w+)"))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups[1].Value}:{match.Groups[2].Value} {match.Groups[3].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[] { "Regs.cs:11 RM0004", "Regs.cs:16 RM0012", "Regs.cs:21 RM0013" }, errors);

        var configured = SuppressionConsumer("configured", withSuppressions: false);
        PackedPackage.Write(configured, ".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.RM0004.severity = none
            dotnet_diagnostic.RM0012.severity = none
            dotnet_diagnostic.RM0013.severity = none
            """);
        Assert.Contains("0 Warning(s)", DotnetCli.Run(configured, _package.Environment, "build", "-c", "Release"));
    }

    /// <summary>
    /// The floor README states: a Roslyn 4.14 compiler (Microsoft.Net.Compilers.Toolset 4.14.0)
    /// loads the generator and the analyzer, and what it generates runs.
    /// </summary>
    [Fact]
    public void A_Roslyn_4_14_compiler_loads_the_generator_and_the_analyzer()
    {
        var root = _package.NewConsumer("roslyn414");
        PackedPackage.Write(root, "Floor.csproj", _package.Project("net10.0",
            // The SDK replaces a toolset package's compiler by its own unless RoslynCompilerType is set.
            properties: "<OutputType>Exe</OutputType><Nullable>enable</Nullable><RoslynCompilerType>Package</RoslynCompilerType>",
            items: """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""")
            .Replace("</Project>", """
                  <Target Name="ShowCompiler" BeforeTargets="CoreCompile">
                    <Message Importance="high" Text="Compiler: $(CSharpCoreTargetsPath)" />
                  </Target>
                </Project>
                """));
        PackedPackage.Write(root, "Program.cs", """
            using RegisterMasking;

            System.Console.WriteLine("SET=" + Sets.SET.ToStringFast());

            [RegisterFile(16)]
            enum Reg { A, B, C }

            [RegisterSet("SET", Reg.A, Reg.C)]
            static partial class Sets { }
            """);
        var build = DotnetCli.Run(root, _package.Environment, "build", "-c", "Release");
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"Compiler: .*microsoft\.net\.compilers\.toolset[/\\]4\.14\.0[/\\]",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase), build);
        Assert.Contains("0 Warning(s)", build);
        Assert.Contains("SET=A, C", DotnetCli.Run(root, _package.Environment, "run", "-c", "Release", "--no-build"));

        // The analyzer runs under that compiler too: a register past the width fails the build with RM0001.
        PackedPackage.Write(root, "Program.cs", File.ReadAllText(Path.Combine(root, "Program.cs")).Replace("enum Reg { A, B, C }", "enum Reg { A, B, C = 16 }"));
        var (exitCode, failed) = DotnetCli.RunUnchecked(root, _package.Environment, "build", "-c", "Release");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error RM0001", failed);
    }

    /// <summary>A register file with a deliberate alias, a redundant register and an empty set, each silenced (or not).</summary>
    private string SuppressionConsumer(string name, bool withSuppressions)
    {
        var root = _package.NewConsumer(name);
        PackedPackage.Write(root, "Suppressions.csproj", _package.Project("net10.0"));
        string Pragma(string text) => withSuppressions ? text : "";
        const string suppressEmpty = """[SuppressMessage("RegisterMasks", "RM0013", Justification = "filled in later")]""";
        PackedPackage.Write(root, "Regs.cs", $$"""
            using System.Diagnostics.CodeAnalysis;
            using RegisterMasking;

            namespace Suppressions;

            [RegisterFile(32)]
            public enum Reg
            {
                CR3, RAX, RCX,
            {{Pragma("#pragma warning disable RM0004 // ERAPS shares CR3's bit on purpose")}}
                ERAPS = CR3,
            {{Pragma("#pragma warning restore RM0004")}}
            }

            {{Pragma("#pragma warning disable RM0012")}}
            [RegisterSet("GPRS", Reg.RAX, Reg.RCX, Reg.RAX)]
            {{Pragma("#pragma warning restore RM0012")}}
            public static partial class Backend { }

            {{Pragma(suppressEmpty)}}
            [RegisterSet("LATER", RegisterFile = typeof(Reg))]
            public static partial class Later { }
            """);
        return root;
    }

    private string WriteConsumer()
    {
        var root = _package.NewConsumer("consumer");
        var version = _package.Version;
        var strict = "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785</WarningsAsErrors>";
        PackedPackage.Write(root, "Lib/Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><LangVersion>7.3</LangVersion>{strict}</PropertyGroup>
              <ItemGroup><PackageReference Include="RegisterMasks" Version="{version}" PrivateAssets="all" /></ItemGroup>
            </Project>
            """);
        PackedPackage.Write(root, "Lib/Regs.cs", """
            using RegisterMasking;

            namespace Lib
            {
                [RegisterFile(32)]
                public enum Reg { A, B, C, D, [RegisterAlias] D_TOO = 3, [NotARegister] COUNT }

                [RegisterSet("LAZY", Reg.B, Reg.C)]
                [RegisterSet("SAVES", Reg.C, Reg.A, Ordered = true)]
                public static partial class Backend
                {
                }

                // Version 2 in C# 7.3 on netstandard2.0: no spans, so an IReadOnlyList order, and the cache's values.
                [RegisterCache(typeof(Reg), ValueType = typeof(ulong))]
                public sealed partial class Cache
                {
                    partial void LoadRegister(Reg register, ref ulong value) { value = 10UL + (ulong)register; }

                    public string Describe()
                    {
                        ulong c = Read(Reg.C);
                        Write(Reg.A, 1UL);
                        return "read C=" + c + ", order " + string.Join(",", Backend.SAVES_ORDER) + ", " + Reg.D_TOO.ToMask().ToStringFast() + ", " + Dirty.ToStringFast();
                    }
                }
            }
            """);
        PackedPackage.Write(root, "App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>{strict}</PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RegisterMasks" Version="{version}" PrivateAssets="all" />
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        PackedPackage.Write(root, "App/Program.cs", """
            using Lib;
            using RegisterMasking;

            Console.WriteLine($"LAZY=0x{(uint)Backend.LAZY:X8} ({Backend.LAZY.ToStringFast()})");
            Console.WriteLine($"CORE=0x{(byte)Sets.CORE:X2} ({Sets.CORE.ToStringFast()}) count={Sets.CORE.Count()}");
            Console.WriteLine(new Cache().Describe());

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

}
