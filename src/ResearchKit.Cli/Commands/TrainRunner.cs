using ResearchKit.Cli.Output;

namespace ResearchKit.Cli.Commands;

/// <summary>Everything <c>train</c> needs, parsed: the settings, where the data is and where the files go.</summary>
/// <param name="PresetOverrides">Human-readable list of the preset knobs changed on the command line; "" if none.</param>
/// <param name="Command">The command line, recorded in run.json.</param>
internal sealed record TrainRequest(
    TrainingSettings Settings, string PresetOverrides, string? DataDirectory, bool Denoise, string? OutDirectory, string Command);

/// <summary>Runs a <see cref="TrainRequest"/>: load, train, print, write; maps every outcome to an exit code.</summary>
internal static class TrainRunner
{
    public static async Task<int> RunAsync(TrainRequest request, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        try
        {
            var settings = request.Settings;
            settings.Validate(int.MaxValue);   // everything but "batch ≤ training rows", before the data is read
            cancellation.ThrowIfCancellationRequested();
            var splits = request.DataDirectory is { } dir ? DataSplits.Mnist(dir) : DataSplits.Mnist();
            if (request.Denoise) splits = splits.Denoised();
            settings.Validate(splits.Train.Count);
            if (request.OutDirectory is { } target) RunFiles.CheckWritable(target);   // fail now, not after the run

            var printer = new RunPrinter(output);
            printer.Header(splits, settings, request.PresetOverrides);
            var started = DateTimeOffset.UtcNow;
            // the run is CPU-bound and synchronous: off the invocation thread, so Ctrl-C handling stays responsive
            var result = await Task.Run(() => TrainingRun.Run(splits, settings, printer.Epoch, cancellation), cancellation);
            var finished = DateTimeOffset.UtcNow;
            cancellation.ThrowIfCancellationRequested();

            printer.Summary(result);
            if (request.OutDirectory is { } outDir)
            {
                RunFiles.Write(result, outDir, new RunStamp(started, finished, request.Command));
                printer.Wrote(Path.GetFullPath(outDir));
            }
            if (result.Status == RunStatus.Diverged)
            {
                await error.WriteLineAsync(result.DivergenceReason);
                return ExitCodes.Diverged;
            }
            printer.Report(result);
            return ExitCodes.Completed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled: nothing written");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (UsageErrors.IsUsageError(e))
        {
            await error.WriteLineAsync("error: " + UsageErrors.OneLine(e, dataGiven: request.DataDirectory is not null));
            return ExitCodes.BadArguments;
        }
    }
}
