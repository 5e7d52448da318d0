using ResearchKit.Plotting;

namespace ResearchKit.Cli.Output;

/// <summary>The reproduction's figures as self-contained HTML, next to the tables they draw.</summary>
internal static class Figures
{
    public static IReadOnlyList<string> Write(ReproductionResult r)
    {
        var written = new List<string>();
        void Save(Plotly.NET.GenericChart chart, string path)
        {
            Charts.SaveHtml(chart, path);
            written.Add(path);
        }

        Save(Charts.ClassDistribution(r.Classes, "Figure A1: class distribution"), Path.Combine(r.OutputDirectory, "class_distribution.html"));
        var figureOf = new Dictionary<int, string> { [1] = "A4", [2] = "A6", [3] = "A8" };
        foreach (var (n, sweep) in r.Sweeps.OrderBy(p => p.Key))
        {
            string folder = r.FolderOf(n);
            if (n <= 3)
            {
                Save(Charts.Accuracy(sweep, $"Figure {figureOf[n]}: {sweep.Experiment}, accuracy (mean over seeds, min–max band)"),
                    Path.Combine(folder, "accuracy.html"));
                Save(Charts.TrainingTime(sweep, $"{sweep.Experiment}: seconds per 100 epochs"), Path.Combine(folder, "training_time.html"));
            }
            else
            {
                Save(Charts.Accuracy(sweep, $"{sweep.Experiment}: accuracy"), Path.Combine(folder, "accuracy.html"));
                if (sweep.Confusions.Count > 0)
                    Save(Charts.Confusion(sweep.Confusions[FirstCompleted(sweep)], $"{sweep.Experiment}: confusion matrix (test)"),
                        Path.Combine(folder, "confusion.html"));
            }
        }
        if (r.Sweeps.TryGetValue(4, out var raw) && r.Sweeps.TryGetValue(5, out var denoised))
        {
            string folder = r.FolderOf(5);
            Save(Charts.RawVsDenoised(raw, denoised, "Figure A9: raw vs denoised, accuracy"), Path.Combine(folder, "raw_vs_denoised.html"));
            if (raw.Confusions.Count > 0 && denoised.Confusions.Count > 0)
                Save(Charts.ClassMetrics(["raw", "denoised"],
                        [raw.ReportFor(FirstCompleted(raw)), denoised.ReportFor(FirstCompleted(denoised))],
                        "Figure A10: per-class precision, recall and F1 (test)"),
                    Path.Combine(folder, "class_metrics.html"));
        }
        return written;
    }

    private static string FirstCompleted(SweepResult s) => s.Runs.First(x => s.Confusions.ContainsKey(x.RunId)).RunId;
}
