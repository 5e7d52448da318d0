namespace ResearchKit;

/// <summary>One run's epoch in long format: every setting as a column, then the epoch's metrics.</summary>
public sealed record EpochRow(
    string Experiment, string Level, string RunId, double LearningRate, int BatchSize, int HiddenUnits, bool Denoise,
    string Preset, int Seed, int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy,
    double TrainSeconds, double EvalSeconds);

/// <summary>One run: its settings, size, outcome, final metrics and seconds (pure training, and with evaluation).</summary>
public sealed record RunRow(
    string Experiment, string Level, string RunId, double LearningRate, int BatchSize, int HiddenUnits, bool Denoise,
    string Preset, int Seed, int InputFeatures, int Parameters, int EpochsPlanned, int EpochsCompleted, string Status,
    int? DivergedAtEpoch, double FinalTrainLoss, double FinalTrainAccuracy, double FinalTestLoss, double FinalTestAccuracy,
    double TrainSeconds, double TotalSeconds);

/// <summary>Mean, min, max and sample standard deviation (n − 1; NaN for a single value) over seeds.</summary>
public sealed record Stat(int Count, double Mean, double Min, double Max, double Std)
{
    public static Stat Of(IReadOnlyCollection<double> values)
    {
        int n = values.Count;
        if (n == 0) return new Stat(0, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = values.Average();
        double std = n > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : double.NaN;
        return new Stat(n, mean, values.Min(), values.Max(), std);
    }
}

/// <summary>One level at one epoch, aggregated over the runs that reached that epoch (a diverged run
/// counts until the epoch before it diverged; <see cref="Runs"/> says how many contributed).</summary>
public sealed record SummaryRow(string Level, int Epoch, int Runs, Stat TrainLoss, Stat TrainAccuracy, Stat TestLoss, Stat TestAccuracy);

/// <summary>The paper's table for one level: seeds, parameters and seconds per 100 epochs (pure training,
/// and with per-epoch evaluation), averaged over completed runs, with the final test accuracy.</summary>
public sealed record TableRow(string Level, IReadOnlyList<int> Seeds, int Parameters, double TrainSecondsPer100Epochs,
    double SecondsWithEvalPer100Epochs, Stat FinalTestAccuracy, int Diverged);
