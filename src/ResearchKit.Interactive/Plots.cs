namespace ResearchKit.Interactive;

/// <summary>
/// The kit's charts for notebooks, drawn in the plotting context (see <see cref="PlottingHost"/>): values cross
/// as text only — a sweep as the folder <see cref="SweepResult.Save"/> writes, reports, matrices and class counts
/// as their own CSV.
/// </summary>
public static class Plots
{
    /// <summary>The host the charts are drawn with; <see cref="Notebook.Enable"/> can point it at another folder.</summary>
    public static PlottingHost Host
    {
        get => host ?? PlottingHost.Shared;
        set => host = value;
    }

    private static PlottingHost? host;

    /// <summary>Accuracy per epoch, train | test, one line per level with its min–max band (the paper's A4/A6/A8).</summary>
    public static ChartHtml Accuracy(SweepResult sweep, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return WithSaved([sweep], dirs => Draw("accuracy", title ?? $"{sweep.Experiment}: accuracy", dirs[0], title ?? ""));
    }

    /// <summary>Raw against denoised inputs (the paper's A9).</summary>
    public static ChartHtml RawVsDenoised(SweepResult raw, SweepResult denoised, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(denoised);
        return WithSaved([raw, denoised], dirs => Draw("raw-vs-denoised", title ?? "raw vs denoised: accuracy", dirs[0], dirs[1], title ?? ""));
    }

    /// <summary>Seconds per 100 epochs per level, pure training and with evaluation.</summary>
    public static ChartHtml TrainingTime(SweepResult sweep, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return WithSaved([sweep], dirs => Draw("training-time", title ?? $"{sweep.Experiment}: training time", dirs[0], title ?? ""));
    }

    /// <summary>Per-class precision, recall and F1, one colour per named report (the paper's A10).</summary>
    public static ChartHtml ClassMetrics(IReadOnlyList<string> names, IReadOnlyList<ClassificationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(reports);
        if (names.Count != reports.Count)
            throw new ArgumentException($"names.Count ({names.Count}) != reports.Count ({reports.Count})", nameof(reports));
        if (names.Count == 0) throw new ArgumentException("at least one report is needed", nameof(reports));
        var args = names.Zip(reports).SelectMany(p => new[] { p.First, p.Second.ToCsv() }).ToArray();
        return Draw("class-metrics", "per-class metrics", args);
    }

    /// <summary>Confusion matrix heatmap with counts.</summary>
    public static ChartHtml Confusion(ConfusionMatrix matrix, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return Draw("confusion", title ?? "confusion matrix", matrix.ToCsv(), title ?? "");
    }

    /// <summary>Train and test share per class (the paper's A1).</summary>
    public static ChartHtml ClassDistribution(ClassDistribution distribution, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Draw("class-distribution", title ?? "class distribution", distribution.ToCsv(), title ?? "");
    }

    private static ChartHtml Draw(string kind, string title, params string[] args) =>
        new(Host, kind, title, Host.Fragment(kind, args));

    /// <summary>Saves each sweep to a fresh temp folder, runs <paramref name="draw"/> on the folders, deletes them.</summary>
    private static ChartHtml WithSaved(SweepResult[] sweeps, Func<string[], ChartHtml> draw)
    {
        string root = Path.Combine(Path.GetTempPath(), "researchkit-plot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var dirs = sweeps.Select((s, i) => Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            for (int i = 0; i < sweeps.Length; i++) sweeps[i].Save(dirs[i]);
            return draw(dirs);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
