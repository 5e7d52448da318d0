using System.Diagnostics;

namespace ResearchKit;

/// <summary>Everything one reproduction produced.</summary>
public sealed record ReproductionResult(
    string OutputDirectory, ReproductionOptions Options, IReadOnlyDictionary<int, SweepResult> Sweeps,
    ClassDistribution Classes, int DroppedPixels, TimeSpan Wall)
{
    /// <summary>The folder of experiment n, e.g. results/exp1-learning-rate.</summary>
    public string FolderOf(int n) => Path.Combine(OutputDirectory, PaperExperiments.Number(n).Name);
}

/// <summary>
/// The main job: run the paper's experiments under a budget, write each one's tidy tables into
/// <c>expN-name/</c>, the class distribution, the figures (through a caller-supplied writer, so this
/// assembly stays free of plotting) and REPORT.md, which sets every table and figure beside the paper's.
/// Each experiment is a resumable sweep: run again with the same folder, finished runs are reused.
/// </summary>
public static class Reproduction
{
    public static ReproductionResult Run(ReproductionOptions options,
        Func<ReproductionResult, IReadOnlyList<string>>? writeFigures = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        var (classes, rawFeatures) = RawFacts();
        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, "class_distribution.csv"), classes.ToCsv());

        var sweeps = new Dictionary<int, SweepResult>();
        var remaining = options.Experiments.Select(options.Budgeted).ToList();
        foreach (int n in options.Experiments)
        {
            var experiment = remaining[0];
            // hold only the data the experiments still to run read (raw 219 MB, denoised 201 MB for MNIST)
            DataCache.Release((dir, denoised) => remaining.Any(e => e.Runs().Any(r => r.Denoise == denoised)));
            remaining.RemoveAt(0);
            string folder = Path.Combine(options.OutputDirectory, experiment.Name);
            var sweep = experiment.Run(new SweepOptions
            {
                OutputDirectory = folder, Parallelism = options.Parallelism, Progress = options.Progress,
                Cancellation = options.Cancellation,
            });
            if (n >= 4) WriteClassReports(sweep, folder);
            sweeps[n] = sweep;
        }
        DataCache.Release((_, _) => false);   // the figures and the report need only the tables
        int dropped = sweeps.TryGetValue(5, out var exp5) ? rawFeatures - exp5.Runs[0].InputFeatures : 0;
        var result = new ReproductionResult(options.OutputDirectory, options, sweeps, classes, dropped, clock.Elapsed);
        var figures = writeFigures?.Invoke(result) ?? [];
        result = result with { Wall = clock.Elapsed };
        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, "REPORT.md"), ReportWriter.Write(result, figures));
        return result;
    }

    // In its own method so that no local of Run keeps the raw splits alive once they are released.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (ClassDistribution, int) RawFacts()
    {
        var raw = DataCache.Get(null);
        return (raw.ClassDistribution(), raw.Train.Features);
    }

    // The per-class report and confusion matrix of the first completed run: the paper's single run.
    // Every run's own report stays under runs/<id>/.
    private static void WriteClassReports(SweepResult sweep, string folder)
    {
        var done = sweep.Runs.Where(r => sweep.Confusions.ContainsKey(r.RunId)).ToList();
        if (done.Count == 0) return;
        AtomicFile.WriteAllText(Path.Combine(folder, "classification_report.csv"), sweep.ReportFor(done[0].RunId).ToCsv());
        AtomicFile.WriteAllText(Path.Combine(folder, "confusion_matrix.csv"), sweep.Confusions[done[0].RunId].ToCsv());
    }
}
