namespace ResearchKit.Plotting.Tests.Plotting;

public class SeriesTests
{
    [Fact]
    public void Bands_EqualTheSummaryMeanMinMax_PerLevelInLevelOrder()
    {
        var sweep = Sweeps.Small();
        foreach (var (metric, pick) in new (Metric, Func<SummaryRow, Stat>)[]
                 {
                     (Metric.TrainAccuracy, r => r.TrainAccuracy), (Metric.TestAccuracy, r => r.TestAccuracy),
                     (Metric.TrainLoss, r => r.TrainLoss), (Metric.TestLoss, r => r.TestLoss),
                 })
        {
            var bands = Series.Bands(sweep, metric);
            Assert.Equal(sweep.Levels, bands.Select(b => b.Level));
            foreach (var b in bands)
            {
                var rows = sweep.Summary.Where(r => r.Level == b.Level).OrderBy(r => r.Epoch).ToArray();
                Assert.Equal(rows.Select(r => r.Epoch), b.Epochs);
                Assert.Equal(rows.Select(r => pick(r).Mean), b.Mean);
                Assert.Equal(rows.Select(r => pick(r).Min), b.Min);
                Assert.Equal(rows.Select(r => pick(r).Max), b.Max);
            }
        }
    }

    [Fact]
    public void Bands_SpanTheSeeds()
    {
        var band = Series.Bands(Sweeps.Small(), Metric.TrainAccuracy)[0]; // seeds 7 and 11: acc = 0.5 + 0.1e + 0.001 seed
        Assert.Equal(0.6 + 0.007, band.Min[0], 12);
        Assert.Equal(0.6 + 0.011, band.Max[0], 12);
        Assert.Equal(0.6 + 0.009, band.Mean[0], 12);
    }

    [Fact]
    public void Bands_OfNamedSweeps_UseTheNameForOneLevelAndNameColonLevelForMore()
    {
        var one = new SweepResult("raw", Sweeps.Small().Epochs.Where(e => e.Level == "0.01").ToArray(),
            Sweeps.Small().Runs.Where(r => r.Level == "0.01").ToArray(), new Dictionary<string, ConfusionMatrix>());
        var bands = Series.Bands(new[] { Tuple.Create("raw", one), Tuple.Create("two", Sweeps.Small()) }, Metric.TestAccuracy);
        Assert.Equal(["raw", "two: 0.001", "two: 0.01"], bands.Select(b => b.Level));
        Assert.Equal(Series.Bands(one, Metric.TestAccuracy)[0].Mean, bands[0].Mean);
    }

    [Fact]
    public void TrainingTimes_ComeFromTheTable()
    {
        var sweep = Sweeps.Small();
        var t = Series.TrainingTimes(sweep);
        Assert.Equal(sweep.Table.Select(r => r.Level), t.Levels);
        Assert.Equal(sweep.Table.Select(r => r.TrainSecondsPer100Epochs), t.TrainSeconds);
        Assert.Equal(sweep.Table.Select(r => r.SecondsWithEvalPer100Epochs), t.SecondsWithEval);
        Assert.Equal(200.0, t.TrainSeconds[0], 9); // 6 s for 3 epochs
    }

    [Fact]
    public void ClassScores_AreTheReportsColumnsInClassOrder()
    {
        var report = Sweeps.Confusion().Report();
        Assert.Equal(report.Classes.Select(c => c.Precision), Series.ClassScores(report, ClassScore.Precision));
        Assert.Equal(report.Classes.Select(c => c.Recall), Series.ClassScores(report, ClassScore.Recall));
        Assert.Equal(report.Classes.Select(c => c.F1), Series.ClassScores(report, ClassScore.F1));
    }

    [Fact]
    public void ClassShares_AreTheDistributionsShares()
    {
        var d = Sweeps.Distribution();
        var s = Series.ClassShares(d);
        Assert.Equal(Enumerable.Range(0, 10), s.Classes);
        Assert.Equal(Enumerable.Range(0, 10).Select(d.TrainShare), s.Train);
        Assert.Equal(Enumerable.Range(0, 10).Select(d.TestShare), s.Test);
        Assert.Equal(1.0, s.Train.Sum(), 12);
    }

    [Fact]
    public void ConfusionCounts_HaveActualRowsAndPredictedColumns()
    {
        var cm = Sweeps.Confusion();
        var z = Series.ConfusionCounts(cm);
        Assert.Equal(10, z.Length);
        for (int a = 0; a < 10; a++)
            for (int p = 0; p < 10; p++)
                Assert.Equal(cm[a, p], z[a][p]);
    }
}
