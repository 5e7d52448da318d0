namespace ResearchKit.Plotting.Tests.Plotting;

using static ChartJson;

public class ChartsTests
{
    [Fact]
    public void Accuracy_DrawsMaxMinMeanPerLevel_TrainLeftTestRight()
    {
        var sweep = Sweeps.Small();
        var json = new ChartJson(Charts.Accuracy(sweep));
        Assert.Equal(2 * 2 * 3, json.Traces.Length); // panels × levels × (max, min, mean)
        foreach (var (axis, metric) in new[] { ("x", Metric.TrainAccuracy), ("x2", Metric.TestAccuracy) })
        {
            var panel = json.TracesOn(axis);
            var bands = Series.Bands(sweep, metric);
            Assert.Equal(bands.SelectMany(b => new[] { $"{b.Level} max", $"{b.Level} min", b.Level }), panel.Select(t => Str(t, "name")));
            for (int i = 0; i < bands.Length; i++)
            {
                var (max, min, mean) = (panel[3 * i], panel[3 * i + 1], panel[3 * i + 2]);
                Assert.Equal(bands[i].Max, Numbers(max, "y"));
                Assert.Equal(bands[i].Min, Numbers(min, "y"));
                Assert.Equal(bands[i].Mean, Numbers(mean, "y"));
                Assert.Equal(bands[i].Epochs.Select(e => (double)e), Numbers(mean, "x"));
                // the band: min fills up to the trace before it (max), in the level's colour at low opacity
                Assert.Null(Str(max, "fill"));
                Assert.Equal("tonexty", Str(min, "fill"));
                Assert.Equal(Str(max, "fillcolor"), Str(min, "fillcolor"));
                Assert.Contains("0.2)", Str(min, "fillcolor"));
                Assert.All(new[] { max, min, mean }, t => Assert.Equal(bands[i].Level, Str(t, "legendgroup")));
            }
        }
        // one legend entry per level: the train panel's mean lines
        var legend = json.Traces.Where(t => Bool(t, "showlegend") != false).ToArray();
        Assert.Equal(sweep.Levels, legend.Select(t => Str(t, "name")));
        Assert.All(legend, t => Assert.Equal("x", Str(t, "xaxis")));
    }

    [Fact]
    public void Accuracy_GivesEachLevelOneColour_DifferentAcrossLevels()
    {
        var json = new ChartJson(Charts.Accuracy(Sweeps.Small()));
        string Colour(string name, string axis) =>
            json.TracesOn(axis).Single(t => Str(t, "name") == name).GetProperty("line").GetProperty("color").GetString()!;
        Assert.Equal(Colour("0.001", "x"), Colour("0.001", "x2"));
        Assert.NotEqual(Colour("0.001", "x"), Colour("0.01", "x"));
    }

    [Fact]
    public void Accuracy_TitlesThePanelsAndTheChart()
    {
        var json = new ChartJson(Charts.Accuracy(Sweeps.Small(), "my title"));
        Assert.Equal("my title", json.Layout.GetProperty("title").GetProperty("text").GetString());
        var annotations = json.Layout.GetProperty("annotations").EnumerateArray().Select(a => Str(a, "text")!).ToArray();
        Assert.Equal(["train", "test"], annotations);
        Assert.Equal("small: accuracy",
            new ChartJson(Charts.Accuracy(Sweeps.Small())).Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void RawVsDenoised_DrawsOneSeriesPerSweep_NamedRawAndDenoised()
    {
        var raw = Sweeps.Small("raw");
        var denoised = Sweeps.Small("denoised", denoise: true);
        raw = new SweepResult("raw", raw.Epochs.Where(e => e.Level == "0.01").ToArray(), raw.Runs.Where(r => r.Level == "0.01").ToArray(), raw.Confusions);
        denoised = new SweepResult("denoised", denoised.Epochs.Where(e => e.Level == "0.001").ToArray(),
            denoised.Runs.Where(r => r.Level == "0.001").ToArray(), denoised.Confusions);
        var json = new ChartJson(Charts.RawVsDenoised(raw, denoised));
        Assert.Equal(2 * 2 * 3, json.Traces.Length);
        Assert.Equal(["raw max", "raw min", "raw", "denoised max", "denoised min", "denoised"], json.TracesOn("x").Select(t => Str(t, "name")));
        Assert.Equal(Series.Bands(denoised, Metric.TestAccuracy)[0].Mean, Numbers(json.TracesOn("x2")[5], "y"));
    }

    [Fact]
    public void TrainingTime_DrawsTwoBarsPerLevel_FromTheTable()
    {
        var sweep = Sweeps.Small();
        var json = new ChartJson(Charts.TrainingTime(sweep));
        Assert.Equal(["training", "with evaluation"], json.Traces.Select(t => Str(t, "name")));
        Assert.All(json.Traces, t => Assert.Equal("bar", Str(t, "type")));
        Assert.All(json.Traces, t => Assert.Equal(sweep.Levels, Strings(t, "x")));
        Assert.Equal(sweep.Table.Select(r => r.TrainSecondsPer100Epochs), Numbers(json.Traces[0], "y"));
        Assert.Equal(sweep.Table.Select(r => r.SecondsWithEvalPer100Epochs), Numbers(json.Traces[1], "y"));
        Assert.Equal("group", Str(json.Layout, "barmode"));
        Assert.Equal("category", Str(json.Layout.GetProperty("xaxis"), "type")); // "0.001" stays a label
    }

    [Fact]
    public void ClassMetrics_DrawsPrecisionRecallF1Panels_OneBarSeriesPerReport()
    {
        var raw = Sweeps.Confusion().Report();
        var denoised = Sweeps.Confusion(shift: 5).Report();
        var json = new ChartJson(Charts.ClassMetrics(["raw", "denoised"], [raw, denoised]));
        Assert.Equal(3 * 2, json.Traces.Length);
        var scores = new[] { ClassScore.Precision, ClassScore.Recall, ClassScore.F1 };
        var axes = new[] { "x", "x2", "x3" };
        for (int p = 0; p < 3; p++)
        {
            var panel = json.TracesOn(axes[p]);
            Assert.Equal(["raw", "denoised"], panel.Select(t => Str(t, "name")));
            Assert.Equal(Series.ClassScores(raw, scores[p]), Numbers(panel[0], "y"));
            Assert.Equal(Series.ClassScores(denoised, scores[p]), Numbers(panel[1], "y"));
            Assert.Equal(Enumerable.Range(0, 10).Select(c => c.ToString()), Strings(panel[0], "x"));
        }
        Assert.Equal(["raw", "denoised"], json.Traces.Where(t => Bool(t, "showlegend") != false).Select(t => Str(t, "name")));
        Assert.Equal(["precision", "recall", "F1"], json.Layout.GetProperty("annotations").EnumerateArray().Select(a => Str(a, "text")!));
    }

    [Fact]
    public void ClassMetrics_FromTuples_EqualsTheListOverload()
    {
        var r = Sweeps.Confusion().Report();
        var fromLists = new ChartJson(Charts.ClassMetrics(["a"], [r]));
        var fromTuples = new ChartJson(Charts.ClassMetrics([Tuple.Create("a", r)]));
        Assert.Equal(fromLists.Traces.Select(t => t.ToString()), fromTuples.Traces.Select(t => t.ToString()));
    }

    [Fact]
    public void ClassMetrics_RejectsNamesAndReportsOfDifferentLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.ClassMetrics(["a", "b"], [Sweeps.Confusion().Report()]));
        Assert.Contains("names.Count (2) != reports.Count (1)", e.Message);
    }

    [Fact]
    public void Confusion_IsAHeatmapOfTheCounts_ActualDownPredictedAcross()
    {
        var cm = Sweeps.Confusion();
        var json = new ChartJson(Charts.Confusion(cm));
        var t = Assert.Single(json.Traces);
        Assert.Equal("heatmap", Str(t, "type"));
        var z = t.GetProperty("z").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(Series.ConfusionCounts(cm), z);
        Assert.Equal("%{z}", Str(t, "texttemplate"));
        Assert.Equal("reversed", Str(json.Layout.GetProperty("yaxis"), "autorange")); // class 0 on top
        Assert.Equal("predicted", json.Layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void ClassDistribution_DrawsTrainAndTestShares()
    {
        var d = Sweeps.Distribution();
        var json = new ChartJson(Charts.ClassDistribution(d));
        Assert.Equal(["train", "test"], json.Traces.Select(t => Str(t, "name")));
        Assert.Equal(Series.ClassShares(d).Train, Numbers(json.Traces[0], "y"));
        Assert.Equal(Series.ClassShares(d).Test, Numbers(json.Traces[1], "y"));
        Assert.Equal(".1%", Str(json.Layout.GetProperty("yaxis"), "tickformat"));
    }
}
