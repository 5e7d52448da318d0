using System.Text.Json;
using ResearchKit.Tests.Data;

namespace ResearchKit.Tests.Io;

public class RunFilesTests
{
    private static readonly EpochMetrics[] Epochs =
    [
        new(1, 0.30000000000000004, 0.9123456789, 0.1 + 0.2, 0.95, 2.5e-3, 1e-300),
        new(2, double.NaN, 1.0 / 3.0, double.Epsilon, 0.9612, 3.14159, 0),
        new(3, 1e308, 0.5, 0.25, 0.97, double.PositiveInfinity, 7),
    ];

    private static RunResult Completed()
    {
        var confusion = new ConfusionMatrix(3, [5, 1, 0, 0, 4, 2, 1, 0, 7]);
        return new RunResult(new TrainingSettings { Epochs = 2, BatchSize = 256 }, "tiny", new NetworkShape(4, 5, 3),
            RunStatus.Completed, null, null, Epochs[..2], confusion);
    }

    private static RunResult Diverged() =>
        new(new TrainingSettings { LearningRate = 10f }, "tiny", new NetworkShape(4, 5, 3),
            RunStatus.Diverged, 2, "diverged at epoch 2: training loss is NaN", [Epochs[0]], null);

    [Fact]
    public void EpochsCsv_RoundTripsEveryDoubleBitForBit()
    {
        string csv = RunFiles.EpochsToCsv(Epochs);
        Assert.StartsWith(RunFiles.EpochsCsvHeader + "\n", csv);
        var back = RunFiles.ParseEpochsCsv(csv);
        Assert.Equal(Epochs.Length, back.Count);
        for (int i = 0; i < Epochs.Length; i++)
        {
            Assert.Equal(Epochs[i].Epoch, back[i].Epoch);
            double[] want = Values(Epochs[i]), got = Values(back[i]);
            for (int c = 0; c < want.Length; c++)
                Assert.True(BitConverter.DoubleToInt64Bits(want[c]) == BitConverter.DoubleToInt64Bits(got[c]),
                    $"epoch {Epochs[i].Epoch}, value {c}: wrote {want[c]:R}, read {got[c]:R}");
        }

        static double[] Values(EpochMetrics e) => [e.TrainLoss, e.TrainAccuracy, e.TestLoss, e.TestAccuracy, e.TrainSeconds, e.EvalSeconds];
    }

    [Fact]
    public void EpochsCsv_AcceptsCrLfAndTrailingBlankLines()
    {
        string csv = RunFiles.EpochsToCsv(Epochs).Replace("\n", "\r\n") + "\r\n\r\n";
        Assert.Equal(Epochs, RunFiles.ParseEpochsCsv(csv));   // record equality: NaN equals NaN
    }

    [Fact]
    public void EpochsCsv_EmptyListIsJustTheHeader() =>
        Assert.Empty(RunFiles.ParseEpochsCsv(RunFiles.EpochsToCsv([])));

    [Theory]
    [InlineData("1,0.5,0.9,0.4,oops,1,1", "line 3, column 5 (test_accuracy)", "'oops'")]
    [InlineData("x,0.5,0.9,0.4,0.9,1,1", "line 3, column 1 (epoch)", "'x'")]
    [InlineData("1,0.5,0.9,0.4,0.9,1", "line 3: expected 7 columns, got 6", "")]
    [InlineData("1,0.5,0.9,0.4,0.9,1,1,9", "line 3: expected 7 columns, got 8", "")]
    public void ParseEpochsCsv_BadLine_NamesLineAndColumn(string badLine, string where, string value)
    {
        string csv = RunFiles.EpochsToCsv(Epochs[..1]) + badLine + "\n";
        var e = Assert.Throws<FormatException>(() => RunFiles.ParseEpochsCsv(csv));
        Assert.Contains(where, e.Message);
        Assert.Contains(value, e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("epoch,loss\n1,2\n")]
    public void ParseEpochsCsv_WrongHeader_NamesLine1(string csv)
    {
        var e = Assert.Throws<FormatException>(() => RunFiles.ParseEpochsCsv(csv));
        Assert.Contains("line 1", e.Message);
        Assert.Contains(RunFiles.EpochsCsvHeader, e.Message);
    }

    [Fact]
    public void RunJson_ParsesAndHoldsEveryKey()
    {
        var stamp = new RunStamp(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), DateTimeOffset.UnixEpoch, "researchkit train");
        using var doc = JsonDocument.Parse(RunFiles.RunJson(Completed(), stamp));
        var root = doc.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("diverged_at_epoch").ValueKind);
        Assert.Equal("tiny", root.GetProperty("data").GetString());
        Assert.Equal(4, root.GetProperty("input_features").GetInt32());
        Assert.Equal(new NetworkShape(4, 5, 3).ParameterCount, root.GetProperty("parameter_count").GetInt32());

        var s = root.GetProperty("settings");
        Assert.Equal(100, s.GetProperty("hidden_units").GetInt32());
        Assert.Equal(256, s.GetProperty("batch_size").GetInt32());
        Assert.Equal(0.01f, s.GetProperty("learning_rate").GetSingle());
        Assert.Equal(2, s.GetProperty("epochs").GetInt32());
        Assert.Equal(515, s.GetProperty("seed").GetInt32());
        Assert.Equal(1, s.GetProperty("threads").GetInt32());

        var p = root.GetProperty("preset");
        Assert.Equal("paper", p.GetProperty("name").GetString());
        Assert.Equal("0.99", p.GetProperty("beta1").GetRawText());
        Assert.Equal(0.999f, p.GetProperty("beta2").GetSingle());
        Assert.Equal(1e-5f, p.GetProperty("epsilon").GetSingle());
        Assert.Equal("outside_root", p.GetProperty("epsilon_placement").GetString());
        Assert.Equal("orthogonal", p.GetProperty("bias_init").GetString());
        Assert.True(p.GetProperty("output_gradient_extra_mean").GetBoolean());
        Assert.Equal("online", p.GetProperty("train_accuracy").GetString());

        var f = root.GetProperty("final");
        Assert.Equal(2, f.GetProperty("epoch").GetInt32());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("train_loss").ValueKind);   // NaN → null
        Assert.Equal(1.0 / 3.0, f.GetProperty("train_accuracy").GetDouble());
        Assert.Equal(0.9612, f.GetProperty("test_accuracy").GetDouble());
        Assert.Equal(2.5e-3 + 3.14159, root.GetProperty("train_seconds").GetDouble());
        Assert.Equal(16.0 / 20.0, root.GetProperty("test_accuracy").GetDouble());
        Assert.Equal(Completed().TestReport!.MacroAverage.F1, root.GetProperty("macro_f1").GetDouble());
        Assert.Equal("2025-01-02T01:04:05.000Z", root.GetProperty("started_utc").GetString());
        Assert.Equal("researchkit train", root.GetProperty("command").GetString());

        var v = root.GetProperty("versions");
        Assert.False(string.IsNullOrEmpty(v.GetProperty("researchkit").GetString()));
        Assert.StartsWith(".NET", v.GetProperty("dotnet").GetString());
        var m = root.GetProperty("machine");
        foreach (string key in new[] { "os", "name", "architecture", "processor_count", "vector256_accelerated", "vector512_accelerated" })
            Assert.True(m.TryGetProperty(key, out _), $"machine.{key} missing");
    }

    [Fact]
    public void RunJson_DivergedRun_RecordsEpochAndReasonAndNullReport()
    {
        using var doc = JsonDocument.Parse(RunFiles.RunJson(Diverged()));
        var root = doc.RootElement;
        Assert.Equal("diverged", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("diverged_at_epoch").GetInt32());
        Assert.Contains("NaN", root.GetProperty("divergence_reason").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("test_accuracy").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("macro_f1").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("started_utc").ValueKind);
    }

    [Fact]
    public void Write_CompletedRun_WritesFourFilesAndNoTempFolder()
    {
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "nested", "run");
        RunFiles.Write(Completed(), dir);
        Assert.Equal(
            [RunFiles.ClassificationReportName, RunFiles.ConfusionMatrixName, RunFiles.EpochsCsvName, RunFiles.RunJsonName],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Completed().TestReport!.ToCsv(), File.ReadAllText(Path.Combine(dir, RunFiles.ClassificationReportName)));
        Assert.Equal(Completed().TestConfusion!.ToCsv(), File.ReadAllText(Path.Combine(dir, RunFiles.ConfusionMatrixName)));
        Assert.Equal(2, RunFiles.ParseEpochsCsv(File.ReadAllText(Path.Combine(dir, RunFiles.EpochsCsvName))).Count);
        Assert.True(RunFiles.IsComplete(dir));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(Path.Combine(tmp.Path, "nested")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_DivergedRun_WritesNoReports()
    {
        using var tmp = new TempDir();
        string dir = tmp.File("run");
        RunFiles.Write(Diverged(), dir);
        Assert.Equal([RunFiles.EpochsCsvName, RunFiles.RunJsonName],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_OverExistingRun_ReplacesFilesAndDropsStaleReports()
    {
        using var tmp = new TempDir();
        string dir = tmp.File("run");
        RunFiles.Write(Completed(), dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        RunFiles.Write(Diverged(), dir);

        Assert.Equal([RunFiles.EpochsCsvName, "notes.txt", RunFiles.RunJsonName],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"diverged\"", File.ReadAllText(Path.Combine(dir, RunFiles.RunJsonName)));
        Assert.Single(RunFiles.ParseEpochsCsv(File.ReadAllText(Path.Combine(dir, RunFiles.EpochsCsvName))));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_WhenTargetIsAFile_FailsAndLeavesNoTempFolder()
    {
        using var tmp = new TempDir();
        string dir = tmp.File("run");
        File.WriteAllText(dir, "not a folder");
        Assert.ThrowsAny<IOException>(() => RunFiles.Write(Completed(), dir));
        Assert.Equal(["run"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }
}
