using System.Globalization;
using Spectre.Console;

namespace ResearchKit.Cli.Output;

/// <summary>
/// The text <c>train</c> prints: a header, one aligned line per epoch, a summary, the per-class test report.
/// Plain lines throughout; the report is a Spectre table, with colour and box drawing only on a real terminal,
/// so CI logs and redirected output stay plain ASCII.
/// </summary>
internal sealed class RunPrinter(TextWriter output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Header(DataSplits data, TrainingSettings s, string presetOverrides)
    {
        var shape = new NetworkShape(data.Train.Features, s.HiddenUnits, data.Train.Classes);
        string preset = presetOverrides.Length == 0 ? s.Preset.Name : $"{s.Preset.Name} ({presetOverrides})";
        output.WriteLine(string.Create(Inv,
            $"data {data.Name}: train {data.Train.Count} x {data.Train.Features}, test {data.Test.Count}"
            + $" | network {shape.Inputs}-{shape.Hidden}-{shape.Classes}, {shape.ParameterCount} parameters"
            + $" | preset {preset} | seed {s.Seed}"
            + $" | batch {s.BatchSize}, lr {s.LearningRate}, {Count(s.Epochs, "epoch")}, {Count(s.Threads, "thread")}"));
        output.WriteLine(" epoch  train_loss  train_acc   test_loss  test_acc  train_s   eval_s");
    }

    public void Epoch(EpochMetrics e)
    {
        output.WriteLine(string.Create(Inv,
            $"{e.Epoch,6}  {e.TrainLoss,10:F6}  {e.TrainAccuracy,9:F4}  {e.TestLoss,10:F6}  {e.TestAccuracy,8:F4}  {e.TrainSeconds,7:F2}  {e.EvalSeconds,7:F2}"));
        output.Flush();
    }

    public void Summary(RunResult r)
    {
        string time = string.Create(Inv, $"train {r.TrainSeconds:F2} s, eval {r.EvalSeconds:F2} s");
        if (r.Status == RunStatus.Diverged)
        {
            output.WriteLine($"{r.DivergenceReason} | {Count(r.Epochs.Count, "epoch")} recorded before it | {time}");
            return;
        }
        var f = r.Final!;
        output.WriteLine(string.Create(Inv,
            $"completed {Count(r.Epochs.Count, "epoch")} | test accuracy {r.TestConfusion!.Accuracy:F4}, macro F1 {r.TestReport!.MacroAverage.F1:F4}, test loss {f.TestLoss:F6} | {time}"));
    }

    public void Wrote(string directory) => output.WriteLine($"wrote {directory}");

    /// <summary>Per-class precision, recall, F1 and support of the test set, then the macro and weighted averages.</summary>
    public void Report(RunResult r)
    {
        if (r.TestReport is not { } report) return;
        var console = ConsoleFor(output, out bool terminal);
        var table = new Table { Border = terminal ? TableBorder.Rounded : TableBorder.Ascii };
        table.AddColumn("class");
        foreach (string name in new[] { "precision", "recall", "f1", "support" }) table.AddColumn(new TableColumn(name).RightAligned());
        foreach (var c in report.Classes) AddRow(table, c.Class.ToString(Inv), c);
        AddRow(table, "macro avg", report.MacroAverage);
        AddRow(table, "weighted avg", report.WeightedAverage);
        console.Write(table);
        output.Flush();
    }

    private static void AddRow(Table table, string name, ClassMetrics m) =>
        table.AddRow(name, m.Precision.ToString("F4", Inv), m.Recall.ToString("F4", Inv), m.F1.ToString("F4", Inv), m.Support.ToString(Inv));

    /// <summary>A Spectre console over <paramref name="writer"/>: ANSI and colour only when it is the real, unredirected stdout.</summary>
    private static IAnsiConsole ConsoleFor(TextWriter writer, out bool terminal)
    {
        terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    private static string Count(int n, string noun) => string.Create(Inv, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
