using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using ResearchKit.Cli.Output;
using ResearchKit.Plotting;

namespace ResearchKit.Cli.Commands;

/// <summary>
/// <c>researchkit reproduce</c>: the main job. Runs the paper's experiments (resumable: run it again with the
/// same --out and finished runs are reused), writes every table and figure and REPORT.md.
/// </summary>
public static class ReproduceCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { HelpName = "dir", Description = "Output folder", DefaultValueFactory = _ => "results" };
        var experiments = new Option<string>("--experiments")
        { HelpName = "list", Description = "Experiments to run, e.g. 1,2,3,4,5", DefaultValueFactory = _ => "1,2,3,4,5" };
        var epochs = new Option<int?>("--epochs") { HelpName = "n", Description = "Epochs per run [default: 100, the paper's]" };
        var seeds = new Option<int?>("--seeds")
        { HelpName = "k", Description = "Seeds per level [default: the paper's: 5, and 1 for Experiments 4 and 5]" };
        var parallel = new Option<int>("--parallel")
        { HelpName = "p", Description = "Runs at once (each single-threaded)", DefaultValueFactory = _ => Environment.ProcessorCount }.Positive();
        var quick = new Option<bool>("--quick") { Description = "Small budget: 3 epochs, 2 seeds (minutes, not the paper's numbers)" };
        var command = new Command("reproduce", "Run the paper's experiments and write its tables, figures and REPORT.md")
        {
            output, experiments, epochs, seeds, parallel, quick,
        };
        command.SetAction((parse, cancellation) =>
        {
            var console = parse.InvocationConfiguration;
            ReproductionOptions options;
            try
            {
                var numbers = parse.GetValue(experiments)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n
                        : throw new ArgumentException($"--experiments: '{s}' is not an experiment number (1..5)")).ToArray();
                var basis = parse.GetValue(quick) ? ReproductionOptions.Quick : new ReproductionOptions();
                options = basis with
                {
                    OutputDirectory = parse.GetValue(output)!,
                    Experiments = numbers,
                    Epochs = parse.GetValue(epochs) ?? basis.Epochs,
                    Seeds = parse.GetValue(seeds) ?? basis.Seeds,
                    Parallelism = parse.GetValue(parallel),
                };
                if (options.Epochs is <= 0) throw new ArgumentException($"--epochs must be positive, got {options.Epochs}");
                if (options.Seeds is < 1 or > 5) throw new ArgumentException($"--seeds must be 1..5 (the paper drew five per level), got {options.Seeds}");
                if (numbers.Length == 0 || numbers.Any(n => n is < 1 or > 5))
                    throw new ArgumentException($"--experiments must list numbers in 1..5, got '{parse.GetValue(experiments)}'");
            }
            catch (ArgumentException e)
            {
                console.Error.WriteLine("error: " + e.Message);
                return Task.FromResult(ExitCodes.BadArguments);
            }
            return ReproduceRunner.RunAsync(options, console.Output, console.Error, cancellation);
        });
        return command;
    }
}

internal static class ReproduceRunner
{
    public static async Task<int> RunAsync(ReproductionOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var progress = new ProgressLines(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reproduce: experiments {string.Join(",", options.Experiments)} | {(options.Epochs is int ep ? $"{ep} epochs" : "100 epochs")} | " +
            $"{(options.Seeds is int k ? $"{k} seed(s) per level" : "the paper's seeds")} | {options.Parallelism} run(s) at once | out {Path.GetFullPath(options.OutputDirectory)}"));
        try
        {
            var run = options with { Cancellation = cancellation };
            // a live bar per experiment on a terminal; plain lines (one per finished run) in logs and pipes
            bool live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            var result = live
                ? await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(ctx => Task.Run(() => Reproduction.Run(run with { Progress = LiveBars(ctx) }, Figures.Write), cancellation))
                : await Task.Run(() => Reproduction.Run(run with { Progress = progress.Report }, Figures.Write), cancellation);
            foreach (var (n, sweep) in result.Sweeps.OrderBy(p => p.Key))
            {
                output.WriteLine($"{sweep.Experiment}:");
                foreach (var row in sweep.Table)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {row.Level,-10} final test accuracy {row.FinalTestAccuracy.Mean:P2} (min {row.FinalTestAccuracy.Min:P2}, max {row.FinalTestAccuracy.Max:P2}) | {row.TrainSecondsPer100Epochs:F1} s training per 100 epochs | diverged {row.Diverged}"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"done in {result.Wall.TotalMinutes:F1} min; report: {Path.GetFullPath(Path.Combine(options.OutputDirectory, "REPORT.md"))}"));
            return ExitCodes.Completed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled: finished runs are kept; run the same command again to resume");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (UsageErrors.IsUsageError(e))
        {
            await error.WriteLineAsync("error: " + UsageErrors.OneLine(e, dataGiven: false));
            return ExitCodes.BadArguments;
        }
    }

    // One bar per experiment, advanced by epochs done out of the experiment's total (Spectre estimates the time left).
    private static Action<SweepProgress> LiveBars(ProgressContext context)
    {
        var bars = new Dictionary<string, ProgressTask>();
        return p =>
        {
            lock (bars)
            {
                if (!bars.TryGetValue(p.Experiment, out var bar))
                    bars[p.Experiment] = bar = context.AddTask(p.Experiment, maxValue: p.EpochsTotal);
                bar.Value = p.EpochsDone;
                bar.Description = $"{p.Experiment} {p.RunsDone}/{p.RunsTotal} runs";
            }
        };
    }
}

/// <summary>One line per finished run with the sweep's share done and the time left — plain text, so it
/// reads the same in a terminal and in a CI log.</summary>
internal sealed class ProgressLines(TextWriter output)
{
    private readonly object gate = new();

    public void Report(SweepProgress p)
    {
        if (p.LastEpoch is not null) return;
        lock (gate)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{p.Experiment}] {p.RunsDone}/{p.RunsTotal} runs{(p.RunsResumed > 0 ? $" ({p.RunsResumed} resumed)" : "")}, {p.Fraction:P0} of epochs, " +
                $"elapsed {p.Elapsed:hh\\:mm\\:ss}, left ~{(p.Remaining is { } r ? r.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?")} | {p.LastRun}"));
    }
}
