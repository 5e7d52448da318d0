using System.Globalization;
using System.Text;

namespace ResearchKit;

/// <summary>Examples per class in the train and test splits (the paper's Table A1).</summary>
public sealed record ClassDistribution(IReadOnlyList<int> TrainCounts, IReadOnlyList<int> TestCounts)
{
    // copied and checked on construction and on `with`, so the record is a value
    public IReadOnlyList<int> TrainCounts { get; init => field = Snapshot(value, nameof(TrainCounts)); }
        = Snapshot(TrainCounts, nameof(TrainCounts));
    public IReadOnlyList<int> TestCounts { get; init => field = Snapshot(value, nameof(TestCounts)); }
        = Snapshot(TestCounts, nameof(TestCounts));

    /// <summary>Fraction of training examples in class c (0 when the split is empty).</summary>
    public double TrainShare(int c) => Share(TrainCounts, c, nameof(TrainCounts));

    /// <summary>Fraction of test examples in class c (0 when the split is empty).</summary>
    public double TestShare(int c) => Share(TestCounts, c, nameof(TestCounts));

    /// <summary>
    /// One row per class: <c>class,train_count,train_share,test_count,test_share</c>; invariant culture,
    /// shares as fractions with 6 decimals, "\n" line ends.
    /// </summary>
    public string ToCsv()
    {
        if (TrainCounts.Count != TestCounts.Count)
            throw new InvalidOperationException(
                $"TrainCounts.Count ({TrainCounts.Count}) != TestCounts.Count ({TestCounts.Count})");
        var csv = new StringBuilder("class,train_count,train_share,test_count,test_share\n");
        var inv = CultureInfo.InvariantCulture;
        for (int c = 0; c < TrainCounts.Count; c++)
            csv.Append(inv, $"{c},{TrainCounts[c]},{TrainShare(c):F6},{TestCounts[c]},{TestShare(c):F6}\n");
        return csv.ToString();
    }

    public bool Equals(ClassDistribution? other) =>
        other is not null && TrainCounts.SequenceEqual(other.TrainCounts) && TestCounts.SequenceEqual(other.TestCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int n in TrainCounts) hash.Add(n);
        foreach (int n in TestCounts) hash.Add(n);
        return hash.ToHashCode();
    }

    private static double Share(IReadOnlyList<int> counts, int c, string name)
    {
        if ((uint)c >= (uint)counts.Count)
            throw new ArgumentOutOfRangeException(nameof(c), c, $"class {c} is outside 0..{counts.Count - 1} of {name}");
        long total = 0;
        foreach (int n in counts) total += n;
        return total == 0 ? 0.0 : counts[c] / (double)total;
    }

    private static IReadOnlyList<int> Snapshot(IReadOnlyList<int> counts, string name)
    {
        ArgumentNullException.ThrowIfNull(counts, name);
        var copy = counts.ToArray();
        for (int c = 0; c < copy.Length; c++)
            if (copy[c] < 0)
                throw new ArgumentException($"{name}[{c}] ({copy[c]}) is negative", name);
        return Array.AsReadOnly(copy);
    }
}
