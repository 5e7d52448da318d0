namespace ResearchKit.Plotting.Tests.Plotting;

public class HtmlEntryTests
{
    [Fact]
    public void ReadReport_RoundTripsClassificationReportToCsv()
    {
        var report = Sweeps.Confusion().Report();
        var back = Wire.ReadReport(report.ToCsv());
        Assert.Equal(report.Classes.Count, back.Classes.Count);
        for (int c = 0; c < report.Classes.Count; c++)
            Assert.Equal(report.Classes[c], back.Classes[c]);
        Assert.Equal(report.MacroAverage, back.MacroAverage);
        Assert.Equal(report.WeightedAverage, back.WeightedAverage);
        Assert.Equal(report.Accuracy, back.Accuracy, 12); // the weighted recall
    }

    [Fact]
    public void ReadReport_KeepsNaN()
    {
        var counts = new int[9];
        counts[0] = 5; counts[1] = 2; // class 2 never present nor predicted: precision and recall NaN
        var report = new ConfusionMatrix(3, counts).Report();
        var back = Wire.ReadReport(report.ToCsv());
        Assert.True(double.IsNaN(back.Classes[2].Precision));
        Assert.True(double.IsNaN(back.MacroAverage.F1));
    }

    [Fact]
    public void ReadDistribution_RoundTripsClassDistributionToCsv()
    {
        var d = Sweeps.Distribution();
        Assert.Equal(d, Wire.ReadDistribution(d.ToCsv()));
    }

    [Fact]
    public void Fragment_OfEachKind_DrawsAChart()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rk-entry-" + Guid.NewGuid().ToString("N"));
        try
        {
            Sweeps.Small().Save(dir);
            var report = Sweeps.Confusion().Report().ToCsv();
            foreach (var (kind, args) in new (string, string[])[]
                     {
                         ("accuracy", [dir]), ("accuracy", [dir, "t"]), ("raw-vs-denoised", [dir, dir]), ("training-time", [dir]),
                         ("class-metrics", ["raw", report, "denoised", report]), ("confusion", [Sweeps.Confusion().ToCsv()]),
                         ("class-distribution", [Sweeps.Distribution().ToCsv()]),
                     })
                Assert.Contains("Plotly.newPlot", HtmlEntry.Fragment(kind, args));
            Assert.Equal(6, HtmlEntry.Kinds.Length);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Chart_OfAReloadedSweep_EqualsTheChartOfTheSweep()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rk-entry-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sweep = Sweeps.Small();
            sweep.Save(dir);
            Assert.Equal(new ChartJson(Charts.Accuracy(sweep)).Root.GetProperty("data").ToString(),
                new ChartJson(HtmlEntry.Chart("accuracy", [dir])).Root.GetProperty("data").ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Chart_RejectsUnknownKindsAndMissingArguments()
    {
        var e = Assert.Throws<ArgumentException>(() => HtmlEntry.Chart("pie", []));
        Assert.Contains("unknown chart kind 'pie'", e.Message);
        Assert.Contains("accuracy", e.Message);
        Assert.Contains("needs 2 argument(s), got 1", Assert.Throws<ArgumentException>(() => HtmlEntry.Chart("raw-vs-denoised", ["x"])).Message);
        Assert.Contains("name/report pairs", Assert.Throws<ArgumentException>(() => HtmlEntry.Chart("class-metrics", ["a", "b", "c"])).Message);
    }
}
