using System.Diagnostics;

namespace ResearchKit.Tests.Cli;

/// <summary>A real sweep process killed mid-way (SIGKILL) and started again finishes with the same tables
/// as an uninterrupted sweep.</summary>
public class ReproduceResumeTests
{
    private static readonly string[] Budget = ["reproduce", "--experiments", "3", "--epochs", "2", "--seeds", "2", "--parallel", "1"];

    [Fact]
    public void KilledSweep_RestartedWithTheSameFolder_GivesTheUninterruptedTables()
    {
        using var dir = new Data.TempDir();
        string whole = Path.Combine(dir.Path, "whole"), killed = Path.Combine(dir.Path, "killed");

        Assert.Equal(0, ResearchKit.Cli.Program.Run([.. Budget, "--out", whole], TextWriter.Null, TextWriter.Null));

        string runs = Path.Combine(killed, "exp3-hidden-units", "runs");
        using (var child = StartCli([.. Budget, "--out", killed]))
        {
            var clock = Stopwatch.StartNew();
            while (Finished(runs) < 3 && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(20);
            Assert.False(child.HasExited, "the sweep finished before it could be killed; give it more work");
            child.Kill(entireProcessTree: true);   // SIGKILL: no chance to clean up
            child.WaitForExit();
        }
        int before = Finished(runs);
        Assert.InRange(before, 3, 9);
        Assert.False(File.Exists(Path.Combine(killed, "exp3-hidden-units", "epochs.csv")), "tables must not exist before the sweep is complete");

        var log = new StringWriter();
        Assert.Equal(0, ResearchKit.Cli.Program.Run([.. Budget, "--out", killed], log, TextWriter.Null));
        Assert.Contains($"({before} resumed)", log.ToString());

        Assert.Equal(Deterministic(whole), Deterministic(killed));
        Assert.Empty(Directory.EnumerateDirectories(runs, "*.tmp-*"));
    }

    private static int Finished(string runs) =>
        Directory.Exists(runs) ? Directory.EnumerateDirectories(runs).Count(d => File.Exists(Path.Combine(d, "run.json"))) : 0;

    // every column of epochs.csv except the two timings
    private static List<string> Deterministic(string root)
    {
        var table = CsvTable.Read(Path.Combine(root, "exp3-hidden-units", "epochs.csv"));
        var keep = table.Header.Where(h => h is not ("train_seconds" or "eval_seconds")).ToList();
        return table.Rows.Select(r => string.Join(",", keep.Select(c => table.Get(r, c)))).ToList();
    }

    private static Process StartCli(string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "ResearchKit.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
