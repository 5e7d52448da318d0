namespace ResearchKit.Tests.Experiments;

public class AggregateTests
{
    private static EpochRow Row(string level, int seed, int epoch, double testAccuracy) =>
        new("x", level, $"{level}-{seed}", 0.01, 64, 100, false, "paper", seed, epoch, 1, 0.5, 1, testAccuracy, 1, 0.1);

    [Fact]
    public void Stat_GivesMeanMinMaxAndSampleStd()
    {
        var s = Stat.Of([1.0, 2.0, 4.0]);
        Assert.Equal(3, s.Count);
        Assert.Equal(7.0 / 3, s.Mean, 12);
        Assert.Equal(1.0, s.Min);
        Assert.Equal(4.0, s.Max);
        Assert.Equal(Math.Sqrt(((1 - 7.0 / 3) * (1 - 7.0 / 3) + (2 - 7.0 / 3) * (2 - 7.0 / 3) + (4 - 7.0 / 3) * (4 - 7.0 / 3)) / 2), s.Std, 12);
        Assert.True(double.IsNaN(Stat.Of([5.0]).Std));
        Assert.Equal(0, Stat.Of([]).Count);
    }

    [Fact]
    public void Summary_CountsOnlyTheRunsThatReachedEachEpoch()
    {
        // seed 2 diverged at epoch 3: it recorded epochs 1 and 2 only
        var rows = new[] { Row("a", 1, 1, 0.5), Row("a", 1, 2, 0.7), Row("a", 1, 3, 0.9), Row("a", 2, 1, 0.3), Row("a", 2, 2, 0.5) };
        var summary = Aggregate.Summary(["a"], rows);
        Assert.Equal([2, 2, 1], summary.Select(s => s.Runs));
        Assert.Equal(0.4, summary[0].TestAccuracy.Mean, 12);
        Assert.Equal(0.3, summary[0].TestAccuracy.Min);
        Assert.Equal(0.5, summary[0].TestAccuracy.Max);
        Assert.Equal(0.9, summary[2].TestAccuracy.Mean);
    }

    [Fact]
    public void Table_AveragesTimesOverCompletedRunsAndCountsDivergedOnes()
    {
        RunRow Run(int seed, string status, int epochs, double trainSeconds) =>
            new("x", "a", $"a-{seed}", 0.1, 64, 100, false, "paper", seed, 784, 79510, 10, epochs, status,
                status == "diverged" ? epochs + 1 : null, 1, 0.9, 1, 0.9, trainSeconds, trainSeconds * 1.5);
        var table = Aggregate.Table(["a"], [Run(1, "completed", 10, 2.0), Run(2, "completed", 10, 4.0), Run(3, "diverged", 4, 1.0)]);
        var t = Assert.Single(table);
        Assert.Equal([1, 2, 3], t.Seeds);
        Assert.Equal(1, t.Diverged);
        Assert.Equal(30.0, t.TrainSecondsPer100Epochs, 9);      // (2/10·100 + 4/10·100) / 2
        Assert.Equal(45.0, t.SecondsWithEvalPer100Epochs, 9);
        Assert.Equal(2, t.FinalTestAccuracy.Count);
    }
}
