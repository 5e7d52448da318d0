namespace ResearchKit.Plotting.Tests.Plotting;

public class HtmlTests
{
    private const string PlotlyBanner = Offline.PlotlyBanner;

    [Fact]
    public void SaveHtml_WritesAPageWithPlotlyInlined_AndNoCdn()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rk-plot-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "sub", "accuracy.html");
            Charts.SaveHtml(Charts.Accuracy(Sweeps.Small()), path);
            string html = File.ReadAllText(path);
            Offline.AssertSelfContained(html);
            Assert.True(html.Length > 3_000_000, $"page is {html.Length} chars; plotly.js alone is about 3.5 MB");
            Assert.Contains("Plotly.newPlot", html);
            Assert.Equal(["accuracy.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName)); // no temp left
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ToHtml_InlinesPlotly_ForEveryChart()
    {
        foreach (var chart in new[]
                 {
                     Charts.Confusion(Sweeps.Confusion()), Charts.ClassDistribution(Sweeps.Distribution()),
                     Charts.TrainingTime(Sweeps.Small()),
                 })
        {
            Offline.AssertSelfContained(Charts.ToHtml(chart));
        }
    }

    [Fact]
    public void Fragment_DrawsWithWindowPlotly_AndCarriesNoLibrary()
    {
        string html = Html.Fragment(Charts.Accuracy(Sweeps.Small()));
        Assert.StartsWith("<div id=\"rk-", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("height:450px", html);
        Assert.DoesNotContain(PlotlyBanner, html);
        Assert.True(html.Length < 50_000, $"fragment is {html.Length} chars");
    }

    [Fact]
    public void Fragment_EscapesScriptEndInTitles()
    {
        string html = Html.Fragment(Charts.Accuracy(Sweeps.Small(), "</script><b>x"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
    }

    [Fact]
    public void LibraryScript_HidesAmdDefine_SoPlotlyBecomesAGlobal()
    {
        string script = Html.LibraryScript();
        Assert.StartsWith("<script type=\"text/javascript\">(function(){var define=undefined,module=undefined,exports=undefined;", script);
        Assert.Contains(PlotlyBanner, script);
        Assert.EndsWith("}).call(window);</script>", script);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(script, "<script|</script>").Count);
    }

    [Fact]
    public void Page_WrapsAFragmentWithTheLibrary()
    {
        string fragment = Html.Fragment(Charts.Confusion(Sweeps.Confusion()));
        string page = Html.Page(fragment, "a <title>");
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<title>a &lt;title&gt;</title>", page);
        Assert.True(page.IndexOf(PlotlyBanner, StringComparison.Ordinal) < page.IndexOf(fragment, StringComparison.Ordinal));
        Offline.AssertSelfContained(page);
    }
}
