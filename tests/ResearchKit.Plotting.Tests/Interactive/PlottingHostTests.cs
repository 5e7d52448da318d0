using System.Runtime.Loader;
using ResearchKit.Interactive;

namespace ResearchKit.Plotting.Tests.Interactive;

public class PlottingHostTests
{
    private static readonly PlottingHost Host = new(Path.Combine(Repo.NotebookArtifacts, "plotting"));

    [Fact]
    public void Build_PutsTheNotebookAssembliesInArtifacts_WithoutFSharpCore()
    {
        string dir = Repo.NotebookArtifacts;
        foreach (string f in new[] { "ResearchKit.Interactive.dll", "ResearchKit.dll", "MathNet.Numerics.dll" })
            Assert.True(File.Exists(Path.Combine(dir, f)), $"{f} missing from {dir}");
        // the notebook host carries FSharp.Core 10.0: a copy here could shadow it or be shadowed
        Assert.False(File.Exists(Path.Combine(dir, "FSharp.Core.dll")), $"FSharp.Core.dll leaked into {dir}");
        Assert.False(File.Exists(Path.Combine(dir, "Plotly.NET.dll")), $"Plotly.NET.dll leaked into {dir}");
        Assert.DoesNotContain(typeof(Notebook).Assembly.GetReferencedAssemblies(), a => a.Name is "FSharp.Core" or "ResearchKit.Plotting");
    }

    [Fact]
    public void Host_LoadsPlottingIntoItsOwnContext_WithFSharpCore10_1()
    {
        var context = AssemblyLoadContext.GetLoadContext(Host.PlottingAssembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal("ResearchKit.Plotting", context.Name);
        // this test process has its own ResearchKit.Plotting in the default context: the two are distinct
        Assert.NotSame(typeof(Charts).Assembly, Host.PlottingAssembly);
        Assert.True(Host.FSharpCoreVersion >= new Version(10, 1), $"FSharp.Core {Host.FSharpCoreVersion}");
        Assert.Equal("2.28.0", Host.PlotlyJsVersion);
    }

    [Fact]
    public void Host_RendersAChartFromStrings()
    {
        string html = Host.Fragment("confusion", Sweeps.Confusion().ToCsv(), "cm");
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("\"heatmap\"", html);
    }

    [Fact]
    public void Host_PassesPlottingErrorsThrough()
    {
        var e = Assert.Throws<ArgumentException>(() => Host.Fragment("pie"));
        Assert.Contains("unknown chart kind 'pie'", e.Message);
    }

    [Fact]
    public void Host_RejectsAFolderWithoutThePlottingAssemblies()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new PlottingHost(Repo.NotebookArtifacts));
        Assert.Contains("Plotly.NET.dll", e.Message);
    }

    [Fact]
    public void Locate_FindsTheArtifactsFolder()
    {
        string found = PlottingHost.Locate();
        Assert.True(PlottingHost.RequiredFiles.All(f => File.Exists(Path.Combine(found, f))), found);
    }
}
