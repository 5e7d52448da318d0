using Microsoft.DotNet.Interactive.Formatting;
using ResearchKit.Interactive;

namespace ResearchKit.Plotting.Tests.Interactive;

public class PlotsTests
{
    static PlotsTests() => Plots.Host = new PlottingHost(Path.Combine(Repo.NotebookArtifacts, "plotting"));

    [Fact]
    public void Accuracy_CrossesAsASavedFolder_AndDrawsTheSameTraces()
    {
        var sweep = Sweeps.Small();
        var chart = Plots.Accuracy(sweep);
        Assert.Equal("accuracy", chart.Kind);
        Assert.Equal("small: accuracy", chart.Title);
        // the fragment holds the same data as the chart drawn in this context (ids differ, so compare the JSON)
        string data = new ChartJson(Charts.Accuracy(sweep)).Root.GetProperty("data").GetRawText();
        Assert.Contains(data, chart.Fragment);
    }

    [Fact]
    public void EveryPlot_ReturnsAChart()
    {
        var sweep = Sweeps.Small();
        var report = Sweeps.Confusion().Report();
        foreach (var chart in new[]
                 {
                     Plots.Accuracy(sweep, "t"), Plots.RawVsDenoised(sweep, sweep), Plots.TrainingTime(sweep),
                     Plots.ClassMetrics(["raw", "denoised"], [report, report]), Plots.Confusion(Sweeps.Confusion()),
                     Plots.ClassDistribution(Sweeps.Distribution()),
                 })
            Assert.Contains("Plotly.newPlot", chart.Fragment);
    }

    [Fact]
    public void SaveHtml_WritesAnOfflinePage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rk-{Guid.NewGuid():N}.html");
        try
        {
            Plots.ClassDistribution(Sweeps.Distribution()).SaveHtml(path);
            string html = File.ReadAllText(path);
            Offline.AssertSelfContained(html);
            Assert.Contains("Plotly.newPlot", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Enable_RegistersHtmlFormatters()
    {
        var support = Notebook.Enable();
        var chart = Plots.Confusion(Sweeps.Confusion());
        Assert.Equal(chart.Fragment, Formatter.ToDisplayString(chart, HtmlFormatter.MimeType));
        string enabled = Formatter.ToDisplayString(support, HtmlFormatter.MimeType);
        Assert.Contains("plotly.js v2.28.0", enabled);
        Assert.Contains("researchkit-enabled", enabled);
        string table = Formatter.ToDisplayString(Sweeps.Small(), HtmlFormatter.MimeType);
        Assert.StartsWith("<table class=\"researchkit-sweep\">", table);
    }

    [Fact]
    public void SweepTable_ShowsEachLevelsSeedsTimesAndAccuracy()
    {
        string html = HtmlTables.Sweep(Sweeps.Small());
        Assert.Contains("<caption>small: 4 run(s), 2 level(s), up to 3 epoch(s)</caption>", html);
        Assert.Contains("<tr><td>0.001</td><td>7, 11</td><td>79,510</td><td>200.0</td><td>250.0</td>", html);
        Assert.Contains("<td>78.90 %</td>", html); // mean of 0.787 and 0.791
    }
}
