namespace ResearchKit;

/// <summary>Counts of (actual, predicted) class pairs; rows are the actual class.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[] counts;

    public int Classes { get; }

    public ConfusionMatrix(int classes, int[] counts)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be positive");
        if (counts.Length != classes * classes)
            throw new ArgumentException($"counts.Length ({counts.Length}) != classes*classes ({classes * classes})", nameof(counts));
        Classes = classes;
        this.counts = (int[])counts.Clone();
    }

    public static ConfusionMatrix From(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> predicted, int classes)
    {
        if (actual.Length != predicted.Length)
            throw new ArgumentException($"actual ({actual.Length}) and predicted ({predicted.Length}) differ in length");
        var counts = new int[classes * classes];
        for (int i = 0; i < actual.Length; i++)
        {
            if (actual[i] >= classes || predicted[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(actual), $"row {i}: class {Math.Max(actual[i], predicted[i])} is outside 0..{classes - 1}");
            counts[actual[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    public int this[int actual, int predicted] => counts[actual * Classes + predicted];
    public int Total => counts.Sum();
    public int Correct { get { int s = 0; for (int c = 0; c < Classes; c++) s += this[c, c]; return s; } }
    public double Accuracy => (double)Correct / Total;

    /// <summary>Actual-class rows, predicted-class columns: header <c>actual,0,1,…</c>.</summary>
    public string ToCsv()
    {
        var sb = new System.Text.StringBuilder("actual");
        for (int c = 0; c < Classes; c++) sb.Append(',').Append(c);
        sb.Append('\n');
        for (int a = 0; a < Classes; a++)
        {
            sb.Append(a);
            for (int p = 0; p < Classes; p++) sb.Append(',').Append(this[a, p]);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Reads what <see cref="ToCsv"/> wrote.</summary>
    public static ConfusionMatrix ParseCsv(string text, string source = "confusion_matrix.csv")
    {
        var t = CsvTable.Parse(text, source);
        int k = t.Rows.Count;
        if (t.Header.Count != k + 1) throw new FormatException($"{source}: {k} rows but {t.Header.Count - 1} predicted-class columns");
        var counts = new int[k * k];
        for (int a = 0; a < k; a++)
            for (int p = 0; p < k; p++) counts[a * k + p] = t.Integer(t.Rows[a], t.Header[p + 1]);
        return new ConfusionMatrix(k, counts);
    }

    public ClassificationReport Report() => ClassificationReport.From(this);
}
