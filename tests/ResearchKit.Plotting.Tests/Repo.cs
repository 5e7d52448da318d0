namespace ResearchKit.Plotting.Tests;

/// <summary>The repository, found by walking up from the test assembly to ResearchKit.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string NotebookArtifacts => Path.Combine(Root, "artifacts", "notebook");

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ResearchKit.sln"))) return d.FullName;
        throw new DirectoryNotFoundException($"no ResearchKit.sln above {AppContext.BaseDirectory}");
    }
}
