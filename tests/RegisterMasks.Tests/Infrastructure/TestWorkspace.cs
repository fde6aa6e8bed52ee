using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.Generator;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Sources as an IDE holds them: documents of one <see cref="AdhocWorkspace"/> project, named as the generator harness names its trees.</summary>
internal static class TestWorkspace
{
    /// <param name="withGenerator">Reference the generator, so the project's compilation holds our output, as an IDE's does.</param>
    public static Project Project(string[] sources, bool withGenerator = false)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "UserAssembly", "UserAssembly", LanguageNames.CSharp,
            compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: GeneratorHarness.Latest,
            metadataReferences: Basic.Reference.Assemblies.Net80.References.All,
            analyzerReferences: withGenerator
                ? new[] { new AnalyzerFileReference(typeof(RegisterMaskGenerator).Assembly.Location, new LoadedAssemblies()) }
                : Array.Empty<AnalyzerReference>()));
        for (var i = 0; i < sources.Length; i++)
        {
            var path = $"Input{i}.cs";
            project = project.AddDocument(path, SourceText.From(sources[i]), filePath: path).Project;
        }
        return project;
    }

    /// <summary>The generator is loaded in this process already: hand over that assembly.</summary>
    private sealed class LoadedAssemblies : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
