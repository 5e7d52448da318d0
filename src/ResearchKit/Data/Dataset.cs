namespace ResearchKit;

/// <summary>
/// One split: <see cref="Count"/> examples of <see cref="Features"/> float32 pixels (x/255), and one byte label
/// per example. The pixels exist in two forms: <see cref="Pixels"/>, one contiguous row-major buffer, and
/// <see cref="NonzeroIndex"/>, each row's nonzero pixels (what training reads). Either is built from the other on
/// first use; IDX files load straight into the nonzero form, so a training run never holds MNIST's 188 MB
/// dense buffer unless something asks for <see cref="Pixels"/>.
/// </summary>
/// <remarks>
/// The dataset takes ownership of the arrays passed to the constructor (no copy); do not change them afterwards.
/// </remarks>
public sealed class Dataset
{
    private readonly byte[] labels;
    private readonly Lazy<float[]> pixels;
    private readonly Lazy<SparseRows> nonzeroIndex;

    /// <summary>E.g. "mnist/train" or "mnist/train (denoised)".</summary>
    public string Name { get; }
    public int Count { get; }
    public int Features { get; }
    public int Classes { get; }

    /// <summary>Count*Features values, row i at [i*Features, (i+1)*Features). Built from the nonzero index on
    /// first use when the dataset was loaded in that form.</summary>
    public ReadOnlyMemory<float> Pixels => pixels.Value.AsMemory(0, Count * Features);

    /// <summary>Count labels in 0..Classes-1.</summary>
    public ReadOnlyMemory<byte> Labels => labels;

    public Dataset(string name, float[] pixels, byte[] labels, int features, int classes = 10)
        : this(name, pixels, labels, features, classes, bufferMayBeLonger: false) { }

    /// <summary>With <paramref name="bufferMayBeLonger"/> the rows fill the start of <paramref name="pixels"/>
    /// (a buffer compacted in place by <see cref="FeatureMask"/>).</summary>
    internal Dataset(string name, float[] pixels, byte[] labels, int features, int classes, bool bufferMayBeLonger)
        : this(name, labels, features, classes)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (bufferMayBeLonger ? (long)labels.Length * features > pixels.Length : (long)labels.Length * features != pixels.Length)
            throw new ArgumentException(
                $"pixels.Length ({pixels.Length}) != labels.Length*features ({labels.Length}*{features})", nameof(pixels));
        this.pixels = new Lazy<float[]>(pixels);
        nonzeroIndex = new Lazy<SparseRows>(() => SparseRows.Build(this.pixels.Value, Count, Features));
    }

    /// <summary>A dataset given by its nonzero pixels only; the dense buffer is built if someone asks for it.</summary>
    internal Dataset(string name, SparseRows nonzeros, byte[] labels, int features, int classes)
        : this(name, labels, features, classes)
    {
        ArgumentNullException.ThrowIfNull(nonzeros);
        if (nonzeros.Count != labels.Length)
            throw new ArgumentException($"the nonzero index has {nonzeros.Count} rows but there are {labels.Length} labels", nameof(nonzeros));
        nonzeroIndex = new Lazy<SparseRows>(nonzeros);
        pixels = new Lazy<float[]>(() => nonzeros.ToDense(features));
    }

    private Dataset(string name, byte[] labels, int features, int classes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(labels);
        if (features <= 0)
            throw new ArgumentOutOfRangeException(nameof(features), features, $"features ({features}) must be > 0");
        if (classes is <= 0 or > 256)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"classes ({classes}) must be in 1..256 (labels are bytes)");
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classes)
                throw new ArgumentException(
                    $"labels[{i}] ({labels[i]}) is outside 0..{classes - 1} (classes = {classes})", nameof(labels));
        Name = name;
        this.labels = labels;
        Count = labels.Length;
        Features = features;
        Classes = classes;
        pixels = null!;          // set by the public constructors
        nonzeroIndex = null!;
    }

    /// <summary>The Features pixels of example i.</summary>
    public ReadOnlySpan<float> Row(int i)
    {
        if ((uint)i >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(i), i, $"row {i} is outside 0..{Count - 1} (Count = {Count}) in '{Name}'");
        return pixels.Value.AsSpan(i * Features, Features);
    }

    /// <summary>
    /// Indices and values of the nonzero features of each row (CSR), computed on first use and cached;
    /// safe to call from several threads. Requires Features &lt;= 65536.
    /// </summary>
    public SparseRows NonzeroIndex => nonzeroIndex.Value;

    /// <summary>Fraction of pixels that are nonzero (0 for an empty dataset).</summary>
    public double Density => NonzeroIndex.RowStarts[^1] / (double)Math.Max(1, (long)Count * Features);

    /// <summary>Number of examples of each class 0..Classes-1 (a fresh array).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes];
        foreach (byte y in labels) counts[y]++;
        return counts;
    }

    public override string ToString() => $"{Name}: {Count} x {Features}, {Classes} classes";

    /// <summary>Whether the dense buffer is in memory (given, or built by an earlier use).</summary>
    internal bool HasDensePixels => pixels.IsValueCreated;
    internal float[] PixelArray => pixels.Value;
    internal byte[] LabelArray => labels;
}
