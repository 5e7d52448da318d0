using System.Globalization;
using System.Text;

namespace ResearchKit;

/// <summary>
/// The kit's on-disk format for one run, one folder per run:
/// <list type="bullet">
/// <item><c>epochs.csv</c> — one row per recorded epoch (<see cref="EpochsCsvHeader"/>), doubles round-trip exactly;</item>
/// <item><c>run.json</c> — settings, preset, data, status, final metrics, timings, versions and machine (<see cref="RunJson"/>);</item>
/// <item><c>classification_report.csv</c> and <c>confusion_matrix.csv</c> — test-set metrics, completed runs only.</item>
/// </list>
/// <see cref="Write"/> is atomic and puts <c>run.json</c> in place last, so a folder holds a whole run exactly
/// when <c>run.json</c> exists (<see cref="IsComplete"/>).
/// </summary>
public static partial class RunFiles
{
    public const string EpochsCsvName = "epochs.csv";
    public const string RunJsonName = "run.json";
    public const string ClassificationReportName = "classification_report.csv";
    public const string ConfusionMatrixName = "confusion_matrix.csv";

    public const string EpochsCsvHeader = "epoch,train_loss,train_accuracy,test_loss,test_accuracy,train_seconds,eval_seconds";

    private static readonly string[] EpochsColumns = EpochsCsvHeader.Split(',');
    private static readonly string[] KnownFiles = [EpochsCsvName, ClassificationReportName, ConfusionMatrixName, RunJsonName];

    /// <summary>The header, then one row per epoch; invariant culture, doubles in round-trip ("R") form, <c>\n</c> line ends.</summary>
    public static string EpochsToCsv(IEnumerable<EpochMetrics> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var sb = new StringBuilder(EpochsCsvHeader).Append('\n');
        foreach (var e in epochs)
        {
            sb.Append(e.Epoch.ToString(CultureInfo.InvariantCulture))
              .Append(',').Append(Csv.Number(e.TrainLoss))
              .Append(',').Append(Csv.Number(e.TrainAccuracy))
              .Append(',').Append(Csv.Number(e.TestLoss))
              .Append(',').Append(Csv.Number(e.TestAccuracy))
              .Append(',').Append(Csv.Number(e.TrainSeconds))
              .Append(',').Append(Csv.Number(e.EvalSeconds))
              .Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// Reads what <see cref="EpochsToCsv"/> wrote (<c>\n</c> or <c>\r\n</c> line ends; blank lines ignored).
    /// Throws <see cref="FormatException"/> naming the line (1-based, the header is line 1) and column.
    /// </summary>
    public static IReadOnlyList<EpochMetrics> ParseEpochsCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n');
        var epochs = new List<EpochMetrics>();
        bool sawHeader = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int lineNumber = i + 1;
            if (line.Length == 0) continue;
            if (!sawHeader)
            {
                if (line != EpochsCsvHeader)
                    throw new FormatException($"epochs CSV line {lineNumber}: expected the header '{EpochsCsvHeader}', got '{line}'");
                sawHeader = true;
                continue;
            }
            string[] cells = line.Split(',');
            if (cells.Length != EpochsColumns.Length)
                throw new FormatException(
                    $"epochs CSV line {lineNumber}: expected {EpochsColumns.Length} columns, got {cells.Length}: '{line}'");
            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int epoch))
                throw CellError(lineNumber, 0, cells[0], "an integer");
            epochs.Add(new EpochMetrics(epoch,
                Number(lineNumber, cells, 1), Number(lineNumber, cells, 2), Number(lineNumber, cells, 3),
                Number(lineNumber, cells, 4), Number(lineNumber, cells, 5), Number(lineNumber, cells, 6)));
        }
        if (!sawHeader)
            throw new FormatException($"epochs CSV line 1: expected the header '{EpochsCsvHeader}', got an empty file");
        return epochs;

        static double Number(int lineNumber, string[] cells, int column)
        {
            try { return Csv.ParseNumber(cells[column]); }
            catch (FormatException) { throw CellError(lineNumber, column, cells[column], "a number"); }
        }

        static FormatException CellError(int lineNumber, int column, string cell, string expected) =>
            new($"epochs CSV line {lineNumber}, column {column + 1} ({EpochsColumns[column]}): expected {expected}, got '{cell}'");
    }

    /// <summary>Creates the folder that will hold <paramref name="directory"/> and checks a file can be written there,
    /// so that a bad output path fails before a run rather than after it; throws an IOException naming the path.</summary>
    public static void CheckWritable(string directory)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(directory)) ?? Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(parent);
            string probe = AtomicFile.TempSibling(Path.Combine(parent, ".write-check"));
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write the output folder '{directory}': {e.Message}", e);
        }
    }

    /// <summary>True when <paramref name="directory"/> holds a whole run, i.e. its <c>run.json</c> exists.</summary>
    public static bool IsComplete(string directory) => File.Exists(Path.Combine(directory, RunJsonName));

    /// <summary>
    /// Writes the run's files into <paramref name="directory"/> atomically. Everything is first written into a sibling
    /// temp folder (<c>directory.tmp-&lt;guid&gt;</c>); then, if the target does not exist, the whole folder is renamed into
    /// place; otherwise the old <c>run.json</c> is removed, the other files are moved over (stale report files of an
    /// earlier run are deleted) and the new <c>run.json</c> goes in last. An interrupted write therefore never leaves a
    /// folder that looks complete but is not. The temp folder is removed on every path.
    /// </summary>
    public static void Write(RunResult r, string directory, RunStamp? stamp = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        string parent = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"cannot write a run into the root folder '{target}'", nameof(directory));

        var files = new List<(string Name, string Text)> { (EpochsCsvName, EpochsToCsv(r.Epochs)) };
        if (r.Status == RunStatus.Completed && r.TestConfusion is { } confusion)
        {
            files.Add((ClassificationReportName, confusion.Report().ToCsv()));
            files.Add((ConfusionMatrixName, confusion.ToCsv()));
        }
        files.Add((RunJsonName, RunJson(r, stamp)));   // last: its presence marks the run complete

        Directory.CreateDirectory(parent);
        string temp = AtomicFile.TempSibling(target);
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var (name, text) in files) AtomicFile.WriteDurably(Path.Combine(temp, name), text);
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                try
                {
                    Directory.Move(temp, target);
                    return;
                }
                catch (IOException) when (Directory.Exists(target))
                {
                    // created by someone else in the meantime: merge file by file below
                }
            }
            Directory.CreateDirectory(target);
            File.Delete(Path.Combine(target, RunJsonName));
            foreach (var (name, _) in files)
                if (name != RunJsonName) File.Move(Path.Combine(temp, name), Path.Combine(target, name), overwrite: true);
            foreach (string stale in KnownFiles)
                if (!files.Exists(f => f.Name == stale)) File.Delete(Path.Combine(target, stale));
            File.Move(Path.Combine(temp, RunJsonName), Path.Combine(target, RunJsonName), overwrite: true);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
