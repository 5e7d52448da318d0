namespace ResearchKit;

/// <summary>
/// A finished sweep as tidy tables: <see cref="Epochs"/> (one row per run per epoch), <see cref="Runs"/>
/// (one row per run), <see cref="Summary"/> (per level per epoch over seeds) and <see cref="Table"/>
/// (the paper's per-level table). <see cref="Save"/> and <see cref="Load"/> round-trip them through CSV,
/// so a finished sweep can be reloaded without running it again.
/// </summary>
public sealed class SweepResult
{
    public string Experiment { get; }
    /// <summary>Levels in the order the experiment gave them.</summary>
    public IReadOnlyList<string> Levels { get; }
    public IReadOnlyList<EpochRow> Epochs { get; }
    public IReadOnlyList<RunRow> Runs { get; }
    /// <summary>Test-split confusion matrix of each completed run, by run id.</summary>
    public IReadOnlyDictionary<string, ConfusionMatrix> Confusions { get; }
    public IReadOnlyList<SummaryRow> Summary { get; }
    public IReadOnlyList<TableRow> Table { get; }

    public SweepResult(string experiment, IReadOnlyList<EpochRow> epochs, IReadOnlyList<RunRow> runs,
        IReadOnlyDictionary<string, ConfusionMatrix> confusions)
    {
        Experiment = experiment;
        Epochs = epochs;
        Runs = runs;
        Confusions = confusions;
        Levels = runs.Select(r => r.Level).Distinct().ToArray();
        Summary = Aggregate.Summary(Levels, epochs);
        Table = Aggregate.Table(Levels, runs);
    }

    internal static SweepResult From(Experiment e, IReadOnlyList<RunSpec> specs, IReadOnlyList<RunResult> results)
    {
        var epochs = new List<EpochRow>();
        var runs = new List<RunRow>();
        var confusions = new Dictionary<string, ConfusionMatrix>();
        for (int i = 0; i < specs.Count; i++)
        {
            var (s, r) = (specs[i], results[i]);
            var t = s.Settings;
            double lr = AsWritten(t.LearningRate);
            foreach (var m in r.Epochs)
                epochs.Add(new EpochRow(e.Name, s.Level, s.Id, lr, t.BatchSize, t.HiddenUnits, s.Denoise, t.Preset.Name,
                    t.Seed, m.Epoch, m.TrainLoss, m.TrainAccuracy, m.TestLoss, m.TestAccuracy, m.TrainSeconds, m.EvalSeconds));
            var f = r.Final;
            runs.Add(new RunRow(e.Name, s.Level, s.Id, lr, t.BatchSize, t.HiddenUnits, s.Denoise, t.Preset.Name, t.Seed,
                r.InputFeatures, r.ParameterCount, t.Epochs, r.Epochs.Count, r.Status == RunStatus.Completed ? "completed" : "diverged",
                r.DivergedAtEpoch, f?.TrainLoss ?? double.NaN, f?.TrainAccuracy ?? double.NaN, f?.TestLoss ?? double.NaN,
                f?.TestAccuracy ?? double.NaN, r.TrainSeconds, r.TrainSeconds + r.EvalSeconds));
            if (r.TestConfusion is not null) confusions[s.Id] = r.TestConfusion;
        }
        return new SweepResult(e.Name, epochs, runs, confusions);
    }

    // The float learning rate as people write it (0.01, not 0.009999999776482582), so tables filter on it.
    private static double AsWritten(float value) =>
        double.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The runs of one level, in seed order.</summary>
    public IReadOnlyList<RunRow> RunsAt(string level) => Runs.Where(r => r.Level == level).ToArray();

    /// <summary>Classification report on the test split of a completed run.</summary>
    public ClassificationReport ReportFor(string runId) =>
        Confusions.TryGetValue(runId, out var cm) ? cm.Report()
        : throw new KeyNotFoundException($"no confusion matrix for run '{runId}' in '{Experiment}' (diverged, or not saved)");

    /// <summary>Writes epochs.csv, runs.csv, summary.csv and table.csv into <paramref name="directory"/>, each atomically,
    /// and each completed run's confusion matrix under runs/&lt;id&gt;/ where it is not there yet.</summary>
    public void Save(string directory) => SweepCsv.Save(this, directory);

    /// <summary>Reads a sweep saved by <see cref="Save"/> (and the confusion matrices under runs/).</summary>
    public static SweepResult Load(string directory) => SweepCsv.Load(directory);
}
