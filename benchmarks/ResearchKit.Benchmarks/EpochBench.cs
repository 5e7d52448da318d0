using System.Diagnostics;
using System.Globalization;
using ResearchKit;

namespace ResearchKit.Benchmarks;

/// <summary>
/// Pure training seconds per epoch (shuffle + every mini-batch step; no evaluation) for each combination of
/// hidden units, batch size and threads, after one warm-up epoch; with the products' GFLOP/s counted two
/// ways (dense-equivalent, as a dense implementation executes them, and the nonzero work actually done), the share of the
/// FMA peak measured in this process, bytes allocated per epoch, and the process's peak RSS.
/// Usage: epochs [--hidden 100] [--batch 64,256] [--threads 1,2] [--epochs 5] [--dense] [--data DIR]
/// </summary>
internal static class EpochBench
{
    public static int Run(string[] args)
    {
        var hidden = Ints(args, "--hidden", [100]);
        var batches = Ints(args, "--batch", [64, 256]);
        var threads = Ints(args, "--threads", [1, Environment.ProcessorCount]).Distinct().ToArray();
        int epochs = Ints(args, "--epochs", [5])[0];
        bool dense = args.Contains("--dense");
        string? dataDir = Value(args, "--data");
        var data = dataDir is null ? DataSplits.Mnist() : DataSplits.LoadIdx(dataDir);
        var train = data.Train;
        long nonzeros = train.NonzeroIndex.RowStarts[^1];

        var peak = threads.ToDictionary(t => t, t => FmaPeak.GflopsPerSecond(t));
        Console.WriteLine($"data {data.Name}: {train.Count} x {train.Features}, density {train.Density:P1}; input layer: {(dense ? "dense" : "nonzero pixels only")}");
        Console.WriteLine("FMA peak measured here: " + string.Join(", ", peak.Select(p => $"{p.Value:F0} GFLOP/s on {p.Key} thread(s)")));
        Console.WriteLine();
        Console.WriteLine("| H | batch | threads | s/epoch median | min | max | dense-equivalent GFLOP/s | executed GFLOP/s | executed, % of FMA peak | bytes/epoch (max) | peak RSS MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int h in hidden)
            foreach (int b in batches)
                foreach (int t in threads)
                {
                    var settings = new TrainingSettings { HiddenUnits = h, BatchSize = b, Threads = t, Epochs = epochs };
                    using var trainer = new Trainer(train, settings, skipZeroInputs: !dense);
                    trainer.TrainEpoch();   // warm-up: JIT tiers, caches
                    var seconds = new double[epochs];
                    long allocated = 0;
                    for (int e = 0; e < epochs; e++)
                    {
                        // every thread's allocations, measured around the epoch alone
                        long before = GC.GetTotalAllocatedBytes(precise: true);
                        long start = Stopwatch.GetTimestamp();
                        trainer.TrainEpoch();
                        long end = Stopwatch.GetTimestamp();
                        allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
                        seconds[e] = (end - start) / (double)Stopwatch.Frequency;
                    }
                    Array.Sort(seconds);
                    double median = seconds[seconds.Length / 2];
                    double denseFlops = 4.0 * train.Count * train.Features * h + 6.0 * train.Count * h * train.Classes;
                    double executedFlops = 4.0 * (dense ? (double)train.Count * train.Features : nonzeros) * h + 6.0 * train.Count * h * train.Classes;
                    double executed = executedFlops / median / 1e9;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {h} | {b} | {t} | {median:F3} | {seconds[0]:F3} | {seconds[^1]:F3} | {denseFlops / median / 1e9:F1} | {executed:F1} | {100 * executed / peak[t]:F0} % | {allocated} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} |"));
                }
        Console.WriteLine();
        Console.WriteLine("dense-equivalent: 4·N·D·H + 6·N·H·C flops per epoch, what a dense implementation executes; executed: the same with");
        Console.WriteLine("N·D replaced by the nonzero pixels, the products this kit actually computes. bytes/epoch: every thread's allocations.");
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int[] Ints(string[] args, string name, int[] fallback) =>
        Value(args, name) is { } v ? v.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : fallback;
}
