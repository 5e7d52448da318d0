using System.Text.Json;
using ResearchKit.Cli;
using ResearchKit.Tests.Data;

namespace ResearchKit.Tests.Cli;

/// <summary><c>researchkit train</c> run in-process through <see cref="Program.Run"/>.</summary>
public class TrainCommandTests
{
    private sealed record Outcome(int ExitCode, string Out, string Err)
    {
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static Outcome Run(params string[] args) => Run(CancellationToken.None, args);

    private static Outcome Run(CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error, cancellation);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--lr", "-0.1", "--lr must be positive and finite, got -0.1")]
    [InlineData("--lr", "NaN", "--lr must be positive and finite, got NaN")]
    [InlineData("--lr", "abc", "'abc'")]
    [InlineData("--batch", "0", "--batch must be positive, got 0")]
    [InlineData("--hidden", "0", "--hidden must be positive, got 0")]
    [InlineData("--epochs", "0", "--epochs must be positive, got 0")]
    [InlineData("--threads", "-2", "--threads must be positive, got -2")]
    [InlineData("--preset", "nope", "--preset must be 'paper' or 'textbook', got 'nope'")]
    [InlineData("--beta1", "1", "--beta1 must be in [0, 1), got 1")]
    [InlineData("--epsilon", "0", "--epsilon must be positive and finite, got 0")]
    [InlineData("--bias-init", "random", "got 'random'")]
    [InlineData("--train-accuracy", "full", "got 'full'")]
    [InlineData("--output-grad-extra-mean", "maybe", "--output-grad-extra-mean must be 'true' or 'false', got 'maybe'")]
    [InlineData("--data", "/nonexistent", "/nonexistent")]
    [InlineData("--bogus", "1", "--bogus")]
    [InlineData("--hidden", "3000000", "--hidden: hidden units (3000000) above 16384 are not supported")]
    public void BadArgument_Exits2WithOneLineNamingTheValue_AndWritesNothing(string option, string value, string expected)
    {
        using var tmp = new TempDir();
        string outDir = tmp.File("run");
        string[] args = option == "--epochs" ? ["train", option, value, "--out", outDir] : ["train", option, value, "--epochs", "1", "--out", outDir];
        var r = Run(args);
        Assert.Equal(ExitCodes.BadArguments, r.ExitCode);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(outDir), "--out was created for a run that never started");
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void UnwritableOut_Exits2BeforeTraining()
    {
        var r = Run("train", "--epochs", "100", "--data", MnistFixture.Directory, "--out", "/proc/researchkit/run");
        Assert.Equal(ExitCodes.BadArguments, r.ExitCode);
        var line = Assert.Single(r.ErrLines);
        Assert.Contains("cannot write the output folder '/proc/researchkit/run'", line);
        Assert.DoesNotContain("--data", line);
    }

    [Fact]
    public void ReproduceWithMoreSeedsThanThePaperDrew_Exits2()
    {
        var r = Run("reproduce", "--seeds", "7", "--out", "/tmp/never-written");
        Assert.Equal(ExitCodes.BadArguments, r.ExitCode);
        Assert.Contains("--seeds must be 1..5", Assert.Single(r.ErrLines));
    }

    [Fact]
    public void BatchLargerThanTrainingSet_Exits2NamingTheOption()
    {
        using var tmp = new TempDir();
        var r = Run("train", "--batch", "70000", "--data", MnistFixture.Directory, "--out", tmp.File("run"));
        Assert.Equal(ExitCodes.BadArguments, r.ExitCode);
        Assert.Equal("error: --batch: batch size (70000) is larger than the training set (60000)", Assert.Single(r.ErrLines));
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void Help_ListsEveryOptionAndExits0()
    {
        var r = Run("train", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string option in new[] { "--hidden", "--batch", "--lr", "--epochs", "--seed", "--preset", "--denoise", "--data", "--out",
                     "--threads", "--beta1", "--beta2", "--epsilon", "--epsilon-inside", "--bias-init", "--train-accuracy", "--output-grad-extra-mean" })
            Assert.Contains(option, r.Out);
        Assert.Contains("paper|textbook", r.Out);
    }

    [Fact]
    public void OneEpoch_WritesFourFilesAndPrintsPlainText()
    {
        using var tmp = new TempDir();
        string outDir = tmp.File("run");
        var r = Run("train", "--epochs", "1", "--batch", "256", "--out", outDir);
        Assert.True(r.ExitCode == ExitCodes.Completed, $"exit {r.ExitCode}\n{r.Out}\n{r.Err}");

        Assert.Equal([RunFiles.ClassificationReportName, RunFiles.ConfusionMatrixName, RunFiles.EpochsCsvName, RunFiles.RunJsonName],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string csv = File.ReadAllText(Path.Combine(outDir, RunFiles.EpochsCsvName));
        Assert.Equal("epoch,train_loss,train_accuracy,test_loss,test_accuracy,train_seconds,eval_seconds", csv.Split('\n')[0]);
        var epoch = Assert.Single(RunFiles.ParseEpochsCsv(csv));
        Assert.InRange(epoch.TestAccuracy, 0.85, 1.0);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, RunFiles.RunJsonName)));
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(256, json.RootElement.GetProperty("settings").GetProperty("batch_size").GetInt32());
        Assert.Equal(79510, json.RootElement.GetProperty("parameter_count").GetInt32());
        Assert.StartsWith("researchkit train ", json.RootElement.GetProperty("command").GetString());

        Assert.Contains("79510 parameters", r.Out);
        Assert.Contains("macro avg", r.Out);
        Assert.DoesNotContain('\u001b', r.Out);   // no ANSI escapes when the writer is not a terminal
        Assert.Equal("", r.Err);
        Assert.Equal(["run"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Divergence_Exits3_AndWritesTheRunWithStatusDiverged()
    {
        using var tmp = new TempDir();
        string outDir = tmp.File("run");
        var r = Run("train", "--epochs", "2", "--batch", "1024", "--lr", "1e30", "--out", outDir);
        Assert.True(r.ExitCode == ExitCodes.Diverged, $"exit {r.ExitCode}\n{r.Out}\n{r.Err}");
        Assert.StartsWith("diverged at epoch ", Assert.Single(r.ErrLines));
        Assert.Equal([RunFiles.EpochsCsvName, RunFiles.RunJsonName],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, RunFiles.RunJsonName)));
        Assert.Equal("diverged", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Cancellation_Exits130_AndWritesNothing()
    {
        using var tmp = new TempDir();
        var r = Run(new CancellationToken(canceled: true), "train", "--epochs", "1", "--out", tmp.File("run"));
        Assert.Equal(ExitCodes.Cancelled, r.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }
}
