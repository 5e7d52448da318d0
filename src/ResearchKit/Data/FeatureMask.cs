namespace ResearchKit;

/// <summary>
/// A choice of input columns to keep. <see cref="AlwaysZeroIn"/> builds the paper's denoising mask:
/// drop the pixels that are zero in every training image (67 of MNIST's 784).
/// </summary>
public sealed class FeatureMask
{
    private readonly int[] kept;
    private readonly int[] dropped;

    /// <summary>Number of columns of the datasets the mask applies to (784 for MNIST).</summary>
    public int InputFeatures { get; }

    /// <summary>Kept column indices, ascending; column j of a masked dataset is original column Kept[j].</summary>
    public IReadOnlyList<int> Kept { get; }

    /// <summary>Dropped column indices, ascending.</summary>
    public IReadOnlyList<int> Dropped { get; }

    private FeatureMask(int inputFeatures, int[] kept, int[] dropped)
    {
        InputFeatures = inputFeatures;
        this.kept = kept;
        this.dropped = dropped;
        Kept = Array.AsReadOnly(kept);
        Dropped = Array.AsReadOnly(dropped);
    }

    /// <summary>Keeps every column that is nonzero in at least one row of <paramref name="train"/>.</summary>
    public static FeatureMask AlwaysZeroIn(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
            throw new ArgumentException($"'{train.Name}' has no rows: every column would count as always zero", nameof(train));

        var used = new bool[train.Features];
        foreach (ushort column in train.NonzeroIndex.Columns) used[column] = true;

        if (Array.IndexOf(used, true) < 0)
            throw new ArgumentException($"every column of '{train.Name}' is zero in all {train.Count} rows: nothing would be kept", nameof(train));
        return FromKeep(used);
    }

    /// <summary>A mask keeping the columns where keep[j] is true.</summary>
    internal static FeatureMask FromKeep(ReadOnlySpan<bool> keep)
    {
        var kept = new List<int>();
        var dropped = new List<int>();
        for (int j = 0; j < keep.Length; j++)
            (keep[j] ? kept : dropped).Add(j);
        if (kept.Count == 0)
            throw new ArgumentException($"a mask must keep at least one of {keep.Length} columns", nameof(keep));
        return new FeatureMask(keep.Length, kept.ToArray(), dropped.ToArray());
    }

    /// <summary>A new dataset with the kept columns only, named <c>d.Name + " (denoised)"</c>; labels are shared.</summary>
    public Dataset Apply(Dataset d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Features != InputFeatures)
            throw new ArgumentException(
                $"'{d.Name}' has {d.Features} features but the mask expects InputFeatures ({InputFeatures})", nameof(d));

        if (!d.HasDensePixels) return ApplySparse(d);
        int fIn = InputFeatures, fOut = kept.Length;
        var src = d.PixelArray.AsSpan();
        var dst = GC.AllocateUninitializedArray<float>(d.Count * fOut);
        for (int i = 0; i < d.Count; i++)
        {
            var row = src.Slice(i * fIn, fIn);
            var outRow = dst.AsSpan(i * fOut, fOut);
            for (int j = 0; j < fOut; j++)
                outRow[j] = row[kept[j]];
        }
        return new Dataset(d.Name + " (denoised)", dst, d.LabelArray, fOut, d.Classes);
    }

    /// <summary>
    /// Like <see cref="Apply"/>, but compacts <paramref name="d"/>'s own buffer (each kept row is shorter, so
    /// writing row i never overtakes the reads of rows after it): the raw and the denoised pixels are never
    /// both in memory. <paramref name="d"/> is unusable afterwards; only callers that own it may do this.
    /// </summary>
    internal Dataset ApplyInPlace(Dataset d)
    {
        if (d.Features != InputFeatures)
            throw new ArgumentException($"'{d.Name}' has {d.Features} features but the mask expects InputFeatures ({InputFeatures})", nameof(d));
        if (!d.HasDensePixels) return ApplySparse(d);
        int fIn = InputFeatures, fOut = kept.Length;
        var buffer = d.PixelArray;
        for (int i = 0; i < d.Count; i++)
            for (int j = 0; j < fOut; j++)
                buffer[i * fOut + j] = buffer[i * fIn + kept[j]];   // kept[j] ≥ j: reads stay ahead of writes
        return new Dataset(d.Name + " (denoised)", buffer, d.LabelArray, fOut, d.Classes, bufferMayBeLonger: true);
    }

    // A dataset held as nonzero pixels only stays that way: its index is renumbered, nothing dense is built.
    private Dataset ApplySparse(Dataset d)
    {
        var newColumn = new int[InputFeatures];
        Array.Fill(newColumn, -1);
        for (int j = 0; j < kept.Length; j++) newColumn[kept[j]] = j;
        return new Dataset(d.Name + " (denoised)", d.NonzeroIndex.Remap(newColumn), d.LabelArray, kept.Length, d.Classes);
    }

    public override string ToString() => $"FeatureMask: keeps {kept.Length} of {InputFeatures}, drops {dropped.Length}";
}
