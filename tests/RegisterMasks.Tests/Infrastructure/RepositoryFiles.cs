namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Files of this repository that tests read, such as the sample's sources.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The KVM sample's annotated sources: the register file, the backend sets and invariants, the vCPU register cache.</summary>
    public static string[] KvmSampleInputs() =>
        new[] { "VcpuReg.cs", "Backends.cs", "Vcpu.cs" }.Select(name => File.ReadAllText(Path.Combine(Root, "sample", name))).ToArray();

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
