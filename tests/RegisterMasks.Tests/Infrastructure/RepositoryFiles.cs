namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Files of this repository that tests read, such as the sample's sources.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The KVM sample's annotated sources: the register file, the backend sets and invariants, the vCPU register cache.</summary>
    public static string[] KvmSampleInputs() =>
        new[] { "VcpuReg.cs", "Backends.cs", "Vcpu.cs" }.Select(name => File.ReadAllText(Path.Combine(Root, "sample", name))).ToArray();

    /// <summary>
    /// Copies a folder of the repository (the whole of it when <paramref name="folder"/> is empty) to the
    /// same relative place under <paramref name="target"/>, without build outputs, git data or test leftovers.
    /// </summary>
    public static void Copy(string folder, string target)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "TestResults" or "__mismatch__" or "BenchmarkDotNet.Artifacts"))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
