namespace ResearchKit;

/// <summary>
/// One split: <see cref="Count"/> examples of <see cref="Features"/> float32 pixels (x/255) in one
/// contiguous row-major buffer, and one byte label per example.
/// </summary>
/// <remarks>
/// The dataset takes ownership of the arrays passed to the constructor (no copy: full MNIST is
/// 188 MB of floats); do not change them afterwards.
/// </remarks>
public sealed class Dataset
{
    private readonly float[] pixels;
    private readonly byte[] labels;
    private readonly Lazy<SparseRows> nonzeroIndex;
    private readonly Lazy<double> density;

    /// <summary>E.g. "mnist/train" or "mnist/train (denoised)".</summary>
    public string Name { get; }
    public int Count { get; }
    public int Features { get; }
    public int Classes { get; }

    /// <summary>Count*Features values, row i at [i*Features, (i+1)*Features).</summary>
    public ReadOnlyMemory<float> Pixels => pixels.AsMemory(0, Count * Features);

    /// <summary>Count labels in 0..Classes-1.</summary>
    public ReadOnlyMemory<byte> Labels => labels;

    public Dataset(string name, float[] pixels, byte[] labels, int features, int classes = 10)
        : this(name, pixels, labels, features, classes, bufferMayBeLonger: false) { }

    /// <summary>With <paramref name="bufferMayBeLonger"/> the rows fill the start of <paramref name="pixels"/>
    /// (a buffer compacted in place by <see cref="FeatureMask"/>).</summary>
    internal Dataset(string name, float[] pixels, byte[] labels, int features, int classes, bool bufferMayBeLonger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (features <= 0)
            throw new ArgumentOutOfRangeException(nameof(features), features, $"features ({features}) must be > 0");
        if (classes is <= 0 or > 256)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"classes ({classes}) must be in 1..256 (labels are bytes)");
        if (bufferMayBeLonger ? (long)labels.Length * features > pixels.Length : (long)labels.Length * features != pixels.Length)
            throw new ArgumentException(
                $"pixels.Length ({pixels.Length}) != labels.Length*features ({labels.Length}*{features})", nameof(pixels));
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classes)
                throw new ArgumentException(
                    $"labels[{i}] ({labels[i]}) is outside 0..{classes - 1} (classes = {classes})", nameof(labels));

        Name = name;
        this.pixels = pixels;
        this.labels = labels;
        Count = labels.Length;
        Features = features;
        Classes = classes;
        nonzeroIndex = new Lazy<SparseRows>(() => SparseRows.Build(this.pixels, Count, Features));
        density = new Lazy<double>(() => CountNonzero(Pixels.Span) / (double)Math.Max(1, Count * Features));
    }

    /// <summary>The Features pixels of example i.</summary>
    public ReadOnlySpan<float> Row(int i)
    {
        if ((uint)i >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(i), i, $"row {i} is outside 0..{Count - 1} (Count = {Count}) in '{Name}'");
        return pixels.AsSpan(i * Features, Features);
    }

    /// <summary>
    /// Indices of the nonzero features of each row (CSR), computed on first use and cached;
    /// safe to call from several threads. Requires Features &lt;= 65535.
    /// </summary>
    public SparseRows NonzeroIndex => nonzeroIndex.Value;

    /// <summary>Fraction of pixels that are nonzero (0 for an empty dataset).</summary>
    public double Density => density.Value;

    /// <summary>Number of examples of each class 0..Classes-1 (a fresh array).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes];
        foreach (byte y in labels) counts[y]++;
        return counts;
    }

    public override string ToString() => $"{Name}: {Count} x {Features}, {Classes} classes";

    internal float[] PixelArray => pixels;
    internal byte[] LabelArray => labels;

    private static long CountNonzero(ReadOnlySpan<float> values)
    {
        long n = 0;
        foreach (float v in values)
            if (v != 0f) n++;
        return n;
    }
}
