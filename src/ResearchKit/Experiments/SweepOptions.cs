namespace ResearchKit;

/// <summary>How a sweep runs; none of it changes the numbers a run produces.</summary>
public sealed record SweepOptions
{
    /// <summary>Where finished runs and the tables go; null keeps everything in memory.</summary>
    public string? OutputDirectory { get; init; }
    /// <summary>Runs at once; each run is single-threaded and deterministic, so results do not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Called after every epoch of every run (from worker threads, serialised).</summary>
    public Action<SweepProgress>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }

    public SweepOptions WithOutput(string directory) => this with { OutputDirectory = directory };
    public SweepOptions WithParallelism(int parallelism) => this with { Parallelism = parallelism };
    public SweepOptions WithProgress(Action<SweepProgress> progress) => this with { Progress = progress };
}

/// <summary>Where a sweep stands: runs and epochs done of the total, and the estimated time left from the
/// epochs finished so far in this process.</summary>
public sealed record SweepProgress(
    string Experiment, int RunsDone, int RunsTotal, int RunsResumed, long EpochsDone, long EpochsTotal,
    TimeSpan Elapsed, TimeSpan? Remaining, string LastRun, EpochMetrics? LastEpoch)
{
    public double Fraction => EpochsTotal == 0 ? 1 : (double)EpochsDone / EpochsTotal;
}
