namespace ResearchKit;

/// <summary>
/// Column indices of the nonzero entries of each row, in CSR layout: the columns of row i are
/// <c>Columns[RowStarts[i]..RowStarts[i+1]]</c>, ascending. Built by <see cref="Dataset.NonzeroIndex"/>;
/// the training kernels use it to skip zero inputs. Treat the arrays as read-only.
/// </summary>
public sealed class SparseRows
{
    /// <summary>Count+1 offsets into <see cref="Columns"/>; the last one is the number of nonzeros.</summary>
    public int[] RowStarts { get; }

    /// <summary>Column indices (feature numbers), ascending within each row.</summary>
    public ushort[] Columns { get; }

    /// <summary>The pixel at each entry of <see cref="Columns"/>: a row's nonzeros are contiguous here, so a
    /// batch of random rows reads a few sequential cache lines per row instead of 40-odd scattered ones.</summary>
    public float[] Values { get; }

    internal SparseRows(int[] rowStarts, ushort[] columns, float[] values)
    {
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
    }

    internal int Count => RowStarts.Length - 1;

    /// <summary>The dense row-major buffer these rows describe: zeros everywhere else.</summary>
    internal float[] ToDense(int features)
    {
        var dense = new float[(long)Count * features];
        for (int i = 0; i < Count; i++)
            for (int p = RowStarts[i]; p < RowStarts[i + 1]; p++) dense[(long)i * features + Columns[p]] = Values[p];
        return dense;
    }

    /// <summary>The same rows with columns renumbered by <paramref name="newColumn"/>; entries mapped to −1 are dropped.</summary>
    internal SparseRows Remap(ReadOnlySpan<int> newColumn)
    {
        var starts = new int[RowStarts.Length];
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            for (int p = RowStarts[i]; p < RowStarts[i + 1]; p++) if (newColumn[Columns[p]] >= 0) kept++;
            starts[i + 1] = kept;
        }
        var columns = new ushort[kept];
        var values = new float[kept];
        int k = 0;
        for (int p = 0; p < Columns.Length; p++)
        {
            int c = newColumn[Columns[p]];
            if (c < 0) continue;
            columns[k] = (ushort)c;
            values[k++] = Values[p];
        }
        return new SparseRows(starts, columns, values);
    }

    internal ReadOnlySpan<ushort> Row(int i) => Columns.AsSpan(RowStarts[i], RowStarts[i + 1] - RowStarts[i]);

    /// <summary>
    /// Scans <paramref name="pixels"/> (count x features, row-major) for entries != 0.
    /// Two passes (count, then fill) so the column array is allocated once at its exact size.
    /// NaN counts as nonzero; -0 counts as zero.
    /// </summary>
    internal static SparseRows Build(ReadOnlySpan<float> pixels, int count, int features)
    {
        if (features > ushort.MaxValue + 1)
            throw new InvalidOperationException(
                $"features ({features}) > {ushort.MaxValue + 1}: column indices would not fit in a ushort");

        var rowStarts = new int[count + 1];
        for (int i = 0; i < count; i++)
        {
            var row = pixels.Slice(i * features, features);
            int nnz = 0;
            foreach (float v in row)
                if (v != 0f) nnz++;
            rowStarts[i + 1] = rowStarts[i] + nnz;
        }

        var columns = new ushort[rowStarts[count]];
        var values = new float[rowStarts[count]];
        int k = 0;
        for (int i = 0; i < count; i++)
        {
            var row = pixels.Slice(i * features, features);
            for (int j = 0; j < row.Length; j++)
                if (row[j] != 0f) { columns[k] = (ushort)j; values[k++] = row[j]; }
        }
        return new SparseRows(rowStarts, columns, values);
    }
}
