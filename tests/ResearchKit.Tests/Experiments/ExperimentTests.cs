namespace ResearchKit.Tests.Experiments;

public class ExperimentTests
{
    private static readonly DataSplits Tiny = TestData.SyntheticSplits(trainRows: 300, testRows: 100, features: 20, seed: 3);

    private static Experiment Small(string name) => Experiment.Create(name).WithData(Tiny)
        .WithHiddenUnits(8).WithBatchSize(32).WithEpochs(3).WithPreset(TrainingPreset.Textbook);

    [Fact]
    public void WithMethods_ReturnNewValues_AndLeaveTheOriginalUnchanged()
    {
        var a = Experiment.Create("a");
        var b = a.WithLearningRate(0.1).WithEpochs(7).WithDenoise();
        Assert.Equal(0.01f, a.Settings.LearningRate);
        Assert.Equal(100, a.Settings.Epochs);
        Assert.False(a.Denoise);
        Assert.Equal(0.1f, b.Settings.LearningRate);
        Assert.Equal(7, b.Settings.Epochs);
        Assert.True(b.Denoise);
    }

    [Fact]
    public void Sweep_OverTwoSettings_IsTheGridTimesTheSeeds()
    {
        var e = Experiment.Create("grid").Sweep(Setting.BatchSize, 32, 64).Sweep(Setting.HiddenUnits, 10, 20, 30).WithSeeds(1, 2);
        var runs = e.Runs();
        Assert.Equal(2 * 3 * 2, runs.Count);
        Assert.Equal(6, runs.Select(r => r.Level).Distinct().Count());
        Assert.Contains(runs, r => r.Level == "batch_size=64 hidden_units=20" && r.Settings.BatchSize == 64 && r.Settings.HiddenUnits == 20 && r.Settings.Seed == 2);
        Assert.Equal(runs.Count, runs.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void PaperExperiments_UseThePapersSeedsPerLevel()
    {
        var lr = PaperExperiments.LearningRate.Runs();
        Assert.Equal(25, lr.Count);
        Assert.Equal([706, 9767, 8192, 5374, 6530], lr.Where(r => r.Level == "0.00001").Select(r => r.Settings.Seed));
        Assert.Equal([400, 8778, 7814, 7766, 515], lr.Where(r => r.Level == "0.1").Select(r => r.Settings.Seed));
        Assert.All(lr, r => Assert.Equal(64, r.Settings.BatchSize));
        var batch = PaperExperiments.BatchSize.Runs();
        Assert.Equal([8209, 9818, 4435, 2809, 8937], batch.Where(r => r.Settings.BatchSize == 256).Select(r => r.Settings.Seed));
        var hidden = PaperExperiments.HiddenUnits.Runs();
        Assert.Equal([6654, 8857, 2601, 5244, 3079], hidden.Where(r => r.Settings.HiddenUnits == 200).Select(r => r.Settings.Seed));
        var raw = Assert.Single(PaperExperiments.Raw.Runs());
        var den = Assert.Single(PaperExperiments.Denoised.Runs());
        Assert.Equal((0.01f, 256, 100, 515, false), (raw.Settings.LearningRate, raw.Settings.BatchSize, raw.Settings.HiddenUnits, raw.Settings.Seed, raw.Denoise));
        Assert.True(den.Denoise);
        Assert.Equal(2, PaperExperiments.HiddenUnits.TakeSeeds(2).Runs().Count(r => r.Level == "10"));
    }

    [Fact]
    public void LevelSeeds_MustMatchTheNumberOfLevels()
    {
        var e = Experiment.Create("x").Sweep(Setting.LearningRate, 0.1, 0.01).WithLevelSeeds([1, 2]);
        var ex = Assert.Throws<ArgumentException>(() => e.Runs());
        Assert.Contains("1 seed lists for 2 levels", ex.Message);
    }

    [Fact]
    public void Run_RejectsAnInvalidLevelBeforeAnyRunStarts()
    {
        var e = Small("bad").Sweep(Setting.LearningRate, 0.01, -0.5);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => e.Run(new SweepOptions { Parallelism = 1 }));
        Assert.Contains("-0.5", ex.Message);
    }

    [Fact]
    public void ParallelAndSequentialSweeps_GiveIdenticalNumbers()
    {
        var e = Small("par").Sweep(Setting.LearningRate, 0.001, 0.01).WithSeeds(1, 2);
        var seq = e.Run(new SweepOptions { Parallelism = 1 });
        var par = e.Run(new SweepOptions { Parallelism = 3 });
        Assert.Equal(Metrics(seq), Metrics(par));
    }

    [Fact]
    public void SavedSweep_LoadsBackWithTheSameTables()
    {
        using var dir = new Data.TempDir();
        var e = Small("save").Sweep(Setting.HiddenUnits, 4, 8).WithSeeds(5, 6);
        var run = e.Run(new SweepOptions { OutputDirectory = dir.Path, Parallelism = 2 });
        var loaded = SweepResult.Load(dir.Path);
        Assert.Equal(run.Epochs, loaded.Epochs);
        Assert.Equal(run.Runs, loaded.Runs);
        Assert.Equal(run.Levels, loaded.Levels);
        Assert.Equal(run.Summary.Select(s => (s.Level, s.Epoch, s.Runs, s.TestAccuracy)), loaded.Summary.Select(s => (s.Level, s.Epoch, s.Runs, s.TestAccuracy)));
        Assert.Equal(run.Confusions.Keys.Order(), loaded.Confusions.Keys.Order());
        foreach (var id in run.Confusions.Keys) Assert.Equal(run.Confusions[id].ToCsv(), loaded.Confusions[id].ToCsv());
        foreach (var f in new[] { "epochs.csv", "runs.csv", "summary.csv", "table.csv" }) Assert.True(File.Exists(Path.Combine(dir.Path, f)), f);
    }

    [Fact]
    public void InMemorySweep_SavedLater_KeepsItsConfusionMatrices()
    {
        using var dir = new Data.TempDir();
        var run = Small("later").WithSeeds(4).Run(new SweepOptions { Parallelism = 1 });
        run.Save(dir.Path);
        var loaded = SweepResult.Load(dir.Path);
        Assert.Equal(run.Confusions.Single().Value.ToCsv(), loaded.Confusions.Single().Value.ToCsv());
    }

    [Fact]
    public void RerunWithTheSameFolder_ReusesFinishedRunsInsteadOfTrainingThemAgain()
    {
        using var dir = new Data.TempDir();
        var e = Small("resume").Sweep(Setting.LearningRate, 0.001, 0.01).WithSeeds(1);
        var first = e.Run(new SweepOptions { OutputDirectory = dir.Path, Parallelism = 1 });
        var written = Directory.GetFiles(dir.Path, "run.json", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var progress = new List<SweepProgress>();
        var second = e.Run(new SweepOptions { OutputDirectory = dir.Path, Parallelism = 1, Progress = progress.Add });
        Assert.Equal(first.Epochs, second.Epochs);   // seconds included: nothing was re-timed
        Assert.Empty(progress);                      // no run trained, so no epoch was reported
        Assert.Equal(2, written.Count);
        Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));
    }

    [Fact]
    public void RerunWithTheSameFolder_ButOtherSettings_IsRefusedNamingTheDifference()
    {
        using var dir = new Data.TempDir();
        var e = Small("changed").WithSeeds(1);
        e.Run(new SweepOptions { OutputDirectory = dir.Path, Parallelism = 1 });
        var other = e.WithPreset(TrainingPreset.Textbook.WithBetas(0.5f, 0.6f));
        var ex = Assert.Throws<InvalidDataException>(() => other.Run(new SweepOptions { OutputDirectory = dir.Path, Parallelism = 1 }));
        Assert.Contains("beta1 0.9 (asked: 0.5)", ex.Message);
        Assert.Contains("use another output folder", ex.Message);
    }

    [Fact]
    public void TidyEpochRows_CarryEverySettingAndOneRowPerRunPerEpoch()
    {
        var s = Small("tidy").Sweep(Setting.BatchSize, 16, 32).WithSeeds(7, 8).Run(new SweepOptions { Parallelism = 2 });
        Assert.Equal(2 * 2 * 3, s.Epochs.Count);
        Assert.All(s.Epochs, r => Assert.Equal((8, "textbook", false), (r.HiddenUnits, r.Preset, r.Denoise)));
        Assert.Equal([16, 16, 16, 16, 16, 16, 32, 32, 32, 32, 32, 32], s.Epochs.Select(r => r.BatchSize));
        Assert.Equal(4, s.Runs.Count);
        var table = s.Table.Single(t => t.Level == "32");
        Assert.Equal([7, 8], table.Seeds);
        Assert.Equal(20 * 8 + 8 + 8 * 10 + 10, table.Parameters);
    }

    private static IEnumerable<(string, int, int, double, double, double, double)> Metrics(SweepResult s) =>
        s.Epochs.Select(e => (e.Level, e.Seed, e.Epoch, e.TrainLoss, e.TrainAccuracy, e.TestLoss, e.TestAccuracy));
}
