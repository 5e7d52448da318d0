using System.Collections.Concurrent;
using System.Diagnostics;

namespace ResearchKit;

/// <summary>Runs an experiment's runs on a fixed number of worker threads and, with an output folder,
/// persists each finished run atomically so that a restarted sweep redoes only unfinished runs.</summary>
internal static class SweepRunner
{
    public static SweepResult Run(Experiment experiment, SweepOptions options)
    {
        if (options.Parallelism <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Parallelism, $"parallelism must be positive, got {options.Parallelism}");
        var specs = experiment.Runs();
        var ids = specs.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (ids is not null) throw new ArgumentException($"experiment '{experiment.Name}' lists run {ids.Key} twice (a repeated seed?)");
        DataSplits DataFor(bool denoise) => experiment.Data is { } given ? (denoise ? given.Denoised() : given)
            : DataCache.Get(experiment.DataDirectory, denoise);
        foreach (var s in specs) s.Settings.Validate(DataFor(s.Denoise).Train.Count);   // fail before any run starts

        var results = new RunResult?[specs.Count];
        string? runsDir = options.OutputDirectory is null ? null : Path.Combine(options.OutputDirectory, "runs");
        int resumed = 0;
        if (runsDir is not null)
        {
            Directory.CreateDirectory(runsDir);
            // a write cut short (kill -9) leaves a temp folder beside the runs; it never counts as a run
            foreach (var stale in Directory.EnumerateDirectories(runsDir, "*.tmp-*")) Directory.Delete(stale, recursive: true);
            for (int i = 0; i < specs.Count; i++)
            {
                results[i] = RunStore.TryLoad(Path.Combine(runsDir, specs[i].Id), specs[i], DataFor(specs[i].Denoise).Name);
                if (results[i] is not null) resumed++;
            }
        }

        long epochsTotal = specs.Sum(s => (long)s.Settings.Epochs);
        long epochsDone = results.Where(r => r is not null).Sum(r => (long)r!.Settings.Epochs);
        long epochsDoneHere = 0;
        int runsDone = resumed;
        var clock = Stopwatch.StartNew();
        var gate = new object();

        void Report(RunSpec spec, EpochMetrics? epoch, bool runFinished)
        {
            if (options.Progress is null && !runFinished) return;
            lock (gate)
            {
                if (epoch is not null) { epochsDone++; epochsDoneHere++; }
                if (runFinished) runsDone++;
                TimeSpan? remaining = epochsDoneHere == 0 ? null
                    : TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / epochsDoneHere * (epochsTotal - epochsDone));
                options.Progress?.Invoke(new SweepProgress(experiment.Name, runsDone, specs.Count, resumed, epochsDone, epochsTotal,
                    clock.Elapsed, remaining, spec.Id, epoch));
            }
        }

        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, specs.Count).Where(i => results[i] is null));
        var failures = new ConcurrentQueue<Exception>();
        void Worker()
        {
            while (failures.IsEmpty && queue.TryDequeue(out int i))
            {
                var spec = specs[i];
                try
                {
                    var splits = DataFor(spec.Denoise);
                    int planned = spec.Settings.Epochs, seen = 0;
                    var result = TrainingRun.Run(splits, spec.Settings, e => { seen++; Report(spec, e, false); }, options.Cancellation);
                    lock (gate) epochsDone += planned - seen;   // a diverged run's remaining epochs count as done
                    if (runsDir is not null) RunFiles.Write(result, Path.Combine(runsDir, spec.Id));
                    results[i] = result;
                    // a finished run leaves a few MB of large arrays (QR scratch, its trainer's buffers) that only a
                    // full collection frees; without one, a long sweep's memory creeps up run after run
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                    Report(spec, null, true);
                }
                catch (Exception ex) { failures.Enqueue(ex); }
            }
        }
        var workers = Enumerable.Range(0, Math.Min(options.Parallelism, Math.Max(1, queue.Count)))
            .Select(_ => new Thread(Worker) { IsBackground = true, Name = "researchkit-sweep" }).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        options.Cancellation.ThrowIfCancellationRequested();
        if (!failures.IsEmpty)
            throw new AggregateException($"experiment '{experiment.Name}': {failures.Count} run(s) failed", failures);

        var sweep = SweepResult.From(experiment, specs, results.Select(r => r!).ToList());
        if (options.OutputDirectory is not null) sweep.Save(options.OutputDirectory);
        return sweep;
    }
}

/// <summary>Datasets loaded once per process and shared by every run that reads them.</summary>
public static class DataCache
{
    private static readonly ConcurrentDictionary<(string, bool), Lazy<DataSplits>> cache = new();

    /// <summary>The splits in <paramref name="directory"/> (null: the bundled MNIST), loaded on first use;
    /// with <paramref name="denoised"/> the paper's denoised splits, built without keeping the raw ones.</summary>
    public static DataSplits Get(string? directory, bool denoised = false)
    {
        string key = directory is null ? "" : Path.GetFullPath(directory);
        return cache.GetOrAdd((key, denoised), k => new Lazy<DataSplits>(() =>
        {
            var raw = k.Item1.Length == 0 ? DataSplits.Mnist() : DataSplits.LoadIdx(k.Item1);
            return k.Item2 ? raw.ConsumeIntoDenoised() : raw;
        })).Value;
    }

    /// <summary>Forgets the loaded datasets (raw or denoised) that <paramref name="keep"/> rejects, and returns
    /// their memory to the system, so that a long job holds only the data it still needs.</summary>
    public static void Release(Func<string?, bool, bool> keep)
    {
        if (!Forget(keep)) return;
        // a first pass runs what is pending finalisation, the aggressive second pass compacts and hands the
        // freed memory back to the system
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    // Apart from Release so that no local of the collecting frame still holds a removed dataset.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static bool Forget(Func<string?, bool, bool> keep)
    {
        bool any = false;
        foreach (var key in cache.Keys)
            if (!keep(key.Item1.Length == 0 ? null : key.Item1, key.Item2)) any |= cache.TryRemove(key, out _);
        return any;
    }

    /// <summary>Forget every loaded dataset (their memory is freed once no run holds them).</summary>
    public static void Clear() => cache.Clear();
}
