using System.Globalization;
using System.Text;

namespace ResearchKit;

/// <summary>The sweep's four tidy CSV files. Numbers are invariant-culture round-trip; NaN is <c>NaN</c>.</summary>
internal static class SweepCsv
{
    private static readonly string[] SettingColumns =
        ["experiment", "level", "run_id", "learning_rate", "batch_size", "hidden_units", "denoise", "preset", "seed"];

    public static void Save(SweepResult s, string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, "epochs.csv"), EpochsCsv(s.Epochs));
        AtomicFile.WriteAllText(Path.Combine(directory, "runs.csv"), RunsCsv(s.Runs));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.csv"), SummaryCsv(s.Summary));
        AtomicFile.WriteAllText(Path.Combine(directory, "table.csv"), TableCsv(s.Table));
        // the confusion matrices too, so that a reloaded sweep still has its per-class reports
        foreach (var (id, cm) in s.Confusions)
        {
            string path = Path.Combine(directory, "runs", id, RunFiles.ConfusionMatrixName);
            if (!File.Exists(path)) AtomicFile.WriteAllText(path, cm.ToCsv());
        }
    }

    public static SweepResult Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no sweep folder at {directory}");
        var epochs = CsvTable.Read(Path.Combine(directory, "epochs.csv"));
        var runs = CsvTable.Read(Path.Combine(directory, "runs.csv"));
        var epochRows = epochs.Rows.Select(r => new EpochRow(
            epochs.Get(r, "experiment"), epochs.Get(r, "level"), epochs.Get(r, "run_id"), epochs.Number(r, "learning_rate"),
            epochs.Integer(r, "batch_size"), epochs.Integer(r, "hidden_units"), bool.Parse(epochs.Get(r, "denoise")),
            epochs.Get(r, "preset"), epochs.Integer(r, "seed"), epochs.Integer(r, "epoch"), epochs.Number(r, "train_loss"),
            epochs.Number(r, "train_accuracy"), epochs.Number(r, "test_loss"), epochs.Number(r, "test_accuracy"),
            epochs.Number(r, "train_seconds"), epochs.Number(r, "eval_seconds"))).ToList();
        var runRows = runs.Rows.Select(r => new RunRow(
            runs.Get(r, "experiment"), runs.Get(r, "level"), runs.Get(r, "run_id"), runs.Number(r, "learning_rate"),
            runs.Integer(r, "batch_size"), runs.Integer(r, "hidden_units"), bool.Parse(runs.Get(r, "denoise")),
            runs.Get(r, "preset"), runs.Integer(r, "seed"), runs.Integer(r, "input_features"), runs.Integer(r, "parameters"),
            runs.Integer(r, "epochs_planned"), runs.Integer(r, "epochs_completed"), runs.Get(r, "status"),
            runs.Get(r, "diverged_at_epoch") is { Length: > 0 } d ? int.Parse(d, CultureInfo.InvariantCulture) : null,
            runs.Number(r, "final_train_loss"), runs.Number(r, "final_train_accuracy"), runs.Number(r, "final_test_loss"),
            runs.Number(r, "final_test_accuracy"), runs.Number(r, "train_seconds"), runs.Number(r, "total_seconds"))).ToList();
        var confusions = new Dictionary<string, ConfusionMatrix>();
        foreach (var r in runRows)
        {
            string path = Path.Combine(directory, "runs", r.RunId, "confusion_matrix.csv");
            if (File.Exists(path)) confusions[r.RunId] = ConfusionMatrix.ParseCsv(File.ReadAllText(path), path);
        }
        string name = runRows.Count > 0 ? runRows[0].Experiment : Path.GetFileName(Path.GetFullPath(directory));
        return new SweepResult(name, epochRows, runRows, confusions);
    }

    private static string N(double v) => Csv.Number(v);
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string B(bool v) => v ? "true" : "false";

    private static IEnumerable<string> Settings(string experiment, string level, string runId, double lr, int batch, int hidden,
        bool denoise, string preset, int seed) =>
        [experiment, level, runId, N(lr), I(batch), I(hidden), B(denoise), preset, I(seed)];

    public static string EpochsCsv(IEnumerable<EpochRow> rows)
    {
        var sb = new StringBuilder(CsvTable.Line([.. SettingColumns, .. RunFiles.EpochsCsvHeader.Split(',')]));
        foreach (var e in rows)
            sb.Append(CsvTable.Line([.. Settings(e.Experiment, e.Level, e.RunId, e.LearningRate, e.BatchSize, e.HiddenUnits, e.Denoise, e.Preset, e.Seed),
                I(e.Epoch), N(e.TrainLoss), N(e.TrainAccuracy), N(e.TestLoss), N(e.TestAccuracy), N(e.TrainSeconds), N(e.EvalSeconds)]));
        return sb.ToString();
    }

    public static string RunsCsv(IEnumerable<RunRow> rows)
    {
        var sb = new StringBuilder(CsvTable.Line([.. SettingColumns, "input_features", "parameters", "epochs_planned", "epochs_completed",
            "status", "diverged_at_epoch", "final_train_loss", "final_train_accuracy", "final_test_loss", "final_test_accuracy",
            "train_seconds", "total_seconds"]));
        foreach (var r in rows)
            sb.Append(CsvTable.Line([.. Settings(r.Experiment, r.Level, r.RunId, r.LearningRate, r.BatchSize, r.HiddenUnits, r.Denoise, r.Preset, r.Seed),
                I(r.InputFeatures), I(r.Parameters), I(r.EpochsPlanned), I(r.EpochsCompleted), r.Status,
                r.DivergedAtEpoch is int d ? I(d) : "", N(r.FinalTrainLoss), N(r.FinalTrainAccuracy), N(r.FinalTestLoss),
                N(r.FinalTestAccuracy), N(r.TrainSeconds), N(r.TotalSeconds)]));
        return sb.ToString();
    }

    private static readonly string[] Metrics = ["train_loss", "train_accuracy", "test_loss", "test_accuracy"];

    public static string SummaryCsv(IEnumerable<SummaryRow> rows)
    {
        var header = new List<string> { "level", "epoch", "runs" };
        foreach (var m in Metrics) header.AddRange([$"{m}_mean", $"{m}_min", $"{m}_max", $"{m}_std"]);
        var sb = new StringBuilder(CsvTable.Line(header));
        foreach (var r in rows)
        {
            var fields = new List<string> { r.Level, I(r.Epoch), I(r.Runs) };
            foreach (var s in new[] { r.TrainLoss, r.TrainAccuracy, r.TestLoss, r.TestAccuracy })
                fields.AddRange([N(s.Mean), N(s.Min), N(s.Max), N(s.Std)]);
            sb.Append(CsvTable.Line(fields));
        }
        return sb.ToString();
    }

    public static string TableCsv(IEnumerable<TableRow> rows)
    {
        var sb = new StringBuilder(CsvTable.Line(["level", "seeds", "parameters", "train_seconds_per_100_epochs",
            "seconds_with_eval_per_100_epochs", "final_test_accuracy_mean", "final_test_accuracy_min", "final_test_accuracy_max", "diverged_runs"]));
        foreach (var r in rows)
            sb.Append(CsvTable.Line([r.Level, string.Join(' ', r.Seeds), I(r.Parameters), N(r.TrainSecondsPer100Epochs),
                N(r.SecondsWithEvalPer100Epochs), N(r.FinalTestAccuracy.Mean), N(r.FinalTestAccuracy.Min), N(r.FinalTestAccuracy.Max), I(r.Diverged)]));
        return sb.ToString();
    }
}
