using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ResearchKit.Kernels;

/// <summary>
/// The first dense layer, <c>a = relu(x·W1 + b1)</c>, read straight from the dataset's rows (no batch copy).
/// MNIST images are about 81 % zeros, so both products walk only the nonzero pixels (<c>columns</c>,
/// ascending per row, from <see cref="Dataset.NonzeroIndex"/>): adding 0·w changes no sum, so the result is
/// the dense product's up to float rounding, with a fifth of the work. The *Dense variants walk every pixel.
/// No dX is computed: the input layer needs none.
/// Shapes: x [dataset rows × inputs], W1 [inputs × hidden] row-major, b1 [hidden], a and dz [batch × hidden].
/// </summary>
public static class InputLayer
{
    /// <summary>a[i, :] = relu(b + Σ_k x[rows[i], k] · w[k, :]) over the nonzero k of each row (overwrites a).</summary>
    public static void ForwardRelu(
        ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<float> values, ReadOnlySpan<int> rows,
        int inputs, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, Span<float> a, InputLayerWorkspace workspace)
    {
        Validate(rowStarts.Length - 1, rows, inputs, w, b, hidden, a.Length, nameof(a), workspace, inputs);
        CheckIndex(rowStarts, columns, values);
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            RowLength(rowStarts, row, columns.Length);
            ForwardRow(values[rowStarts[row]..rowStarts[row + 1]], columns[rowStarts[row]..rowStarts[row + 1]], w, b, hidden,
                a.Slice(i * hidden, hidden), workspace);
        }
    }

    /// <summary>The dense product (every input, zeros included), through the same micro-kernel.</summary>
    public static void ForwardReluDense(ReadOnlySpan<float> x, ReadOnlySpan<int> rows, int inputs,
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, Span<float> a, InputLayerWorkspace workspace)
    {
        Validate(x.Length / inputs, rows, inputs, w, b, hidden, a.Length, nameof(a), workspace, inputs);
        var all = AllColumns(inputs);
        for (int i = 0; i < rows.Length; i++)
            ForwardRow(x.Slice(rows[i] * inputs, inputs), all, w, b, hidden, a.Slice(i * hidden, hidden), workspace);
    }

    /// <summary>dw = Σ_i x[rows[i], :]ᵀ · dz[i, :] and db = Σ_i dz[i, :] (both overwrite), over nonzero pixels:
    /// <see cref="TransposeBatch"/> then <see cref="WeightGradientRows"/> for every input.</summary>
    public static void Backward(
        ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<float> values, ReadOnlySpan<int> rows,
        int inputs, ReadOnlySpan<float> dz, int hidden, Span<float> dw, Span<float> db, InputLayerWorkspace workspace)
    {
        Validate(rowStarts.Length - 1, rows, inputs, dw, db, hidden, dz.Length, nameof(dz), null, 0);
        TransposeBatch(x, rowStarts, columns, values, rows, inputs, 0, workspace);
        WeightGradientRows([workspace], dz, hidden, 0, inputs, dw);
        ColumnSums.Sum(dz, rows.Length, hidden, db);
    }

    /// <summary>Dense twin of <see cref="Backward"/>: dw = Xᵀ·dz over every input (overwrites dw and db).</summary>
    public static void BackwardDense(ReadOnlySpan<float> x, ReadOnlySpan<int> rows, int inputs,
        ReadOnlySpan<float> dz, int hidden, Span<float> dw, Span<float> db, InputLayerWorkspace workspace)
    {
        Validate(x.Length / inputs, rows, inputs, dw, db, hidden, dz.Length, nameof(dz), null, 0);
        TransposeBatch(x, default, default, default, rows, inputs, 0, workspace);
        WeightGradientRows([workspace], dz, hidden, 0, inputs, dw);
        ColumnSums.Sum(dz, rows.Length, hidden, db);
    }

    /// <summary>
    /// The forward product from a batch already transposed by <see cref="TransposeBatch"/>:
    /// a[i, :] = relu(b + Σ_k x[i, k] · w[k, :]) for the batch rows [firstBatchRow, firstBatchRow + count)
    /// (overwrites them). Walking inputs rather than examples reads each row of W1 once per batch instead of
    /// once per nonzero pixel, which keeps W1 (313 KB at H = 100) out of the inner loop's memory traffic.
    /// </summary>
    public static void ForwardReluTransposed(InputLayerWorkspace transposed, int firstBatchRow, int count, int inputs,
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, Span<float> a)
    {
        Check.Length(w.Length, (long)inputs * hidden, nameof(w), "inputs*hidden");
        Check.Length(b.Length, hidden, nameof(b), "hidden");
        Check.Length(a.Length, (long)(firstBatchRow + count) * hidden, nameof(a), "batch rows*hidden");
        if (inputs > transposed.ColumnEnds.Length || transposed.BatchRowsEnd != firstBatchRow + count)
            throw new ArgumentException($"the workspace holds a transpose of rows ending at {transposed.BatchRowsEnd} over " +
                $"{transposed.ColumnEnds.Length} inputs, not rows [{firstBatchRow}, {firstBatchRow + count}) over {inputs}");
        var rows = a.Slice(firstBatchRow * hidden, count * hidden);
        for (int i = 0; i < count; i++) b.Slice(0, hidden).CopyTo(rows.Slice(i * hidden, hidden));
        var ends = transposed.ColumnEnds;
        for (int k = 0; k < inputs; k++)
        {
            int start = k == 0 ? 0 : ends[k - 1], end = ends[k];
            if (start < end)
                RowCombination.ScatterAdd(transposed.Index.AsSpan(start, end - start), transposed.Coefficients.AsSpan(start, end - start),
                    w.Slice(k * hidden, hidden), hidden, a);
        }
        TensorPrimitives.Max(rows, 0f, rows);   // ReLU
    }

    /// <summary>
    /// Sorts the (example, pixel) pairs of <paramref name="rows"/> by pixel into <paramref name="workspace"/>
    /// (a counting sort that keeps batch order within a pixel): for each input k, the batch rows i where
    /// x[i, k] ≠ 0 and the values. Pair rows are numbered from <paramref name="firstBatchRow"/>, so threads
    /// can each transpose a slice of one batch. Empty <paramref name="rowStarts"/> means every pixel (dense).
    /// </summary>
    public static void TransposeBatch(ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns,
        ReadOnlySpan<float> values, ReadOnlySpan<int> rows, int inputs, int firstBatchRow, InputLayerWorkspace workspace)
    {
        bool dense = rowStarts.IsEmpty;
        long pairs = dense ? (long)rows.Length * inputs : 0;
        if (!dense)
        {
            CheckIndex(rowStarts, columns, values);
            foreach (int r in rows)
                if ((uint)r >= (uint)(rowStarts.Length - 1))
                    throw new ArgumentOutOfRangeException(nameof(rows), r, $"row {r} is outside the dataset's {rowStarts.Length - 1} rows");
            foreach (int r in rows) pairs += RowLength(rowStarts, r, columns.Length);
        }
        workspace.Require(pairs, inputs);
        workspace.BatchRowsEnd = firstBatchRow + rows.Length;
        var ends = workspace.ColumnEnds.AsSpan(0, inputs);
        if (dense)
        {
            for (int k = 0; k < inputs; k++) ends[k] = k * rows.Length;
            for (int i = 0; i < rows.Length; i++)
                Scatter(AllColumns(inputs), x.Slice(rows[i] * inputs, inputs), firstBatchRow + i, ends, workspace);
            return;
        }
        // counting sort by pixel: counts, then starts (ends[k] = start of k, for now), then the pairs
        ends.Clear();
        ref int endsRef = ref ends[0];
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i], n = rowStarts[r + 1] - rowStarts[r];
            if (n == 0) continue;   // an all-zero image
            ref ushort c = ref Unsafe.AsRef(in columns[rowStarts[r]]);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref c, p);
                if ((uint)k >= (uint)inputs) throw ColumnOutOfRange(r, k, inputs);
                Unsafe.Add(ref endsRef, k)++;
            }
        }
        int total = 0;
        for (int k = 0; k < inputs; k++) { int c = ends[k]; ends[k] = total; total += c; }
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            Scatter(columns[rowStarts[r]..rowStarts[r + 1]], values[rowStarts[r]..rowStarts[r + 1]], firstBatchRow + i, ends, workspace);
        }
    }

    // Appends (batchRow, x) to the bucket of each column; afterwards ends[k] is the end of k's pairs.
    private static void Scatter(ReadOnlySpan<ushort> rowColumns, ReadOnlySpan<float> rowX, int batchRow, Span<int> ends,
        InputLayerWorkspace workspace)
    {
        if (rowColumns.IsEmpty) return;
        ref int endsRef = ref ends[0];
        ref int pairRow = ref workspace.Index[0];
        ref float pairX = ref workspace.Coefficients[0];
        ref ushort c = ref Unsafe.AsRef(in rowColumns[0]);
        ref float v = ref Unsafe.AsRef(in rowX[0]);
        for (int p = 0; p < rowColumns.Length; p++)
        {
            int at = Unsafe.Add(ref endsRef, Unsafe.Add(ref c, p))++;
            Unsafe.Add(ref pairRow, at) = batchRow;
            Unsafe.Add(ref pairX, at) = Unsafe.Add(ref v, p);
        }
    }

    /// <summary>
    /// dw[k, :] = Σ over the transposed pairs of input k of x · dz[row, :] for k in [inputStart, inputEnd)
    /// (overwrites those rows only). Each row of dw is one register-accumulated sum over the examples that
    /// light pixel k, written once. Several segments (one per thread's slice of the batch) are summed in order.
    /// </summary>
    public static void WeightGradientRows(ReadOnlySpan<InputLayerWorkspace> segments, ReadOnlySpan<float> dz, int hidden,
        int inputStart, int inputEnd, Span<float> dw)
    {
        Check.Length(dw.Length, (long)inputEnd * hidden, nameof(dw), "inputEnd*hidden");
        foreach (var ws in segments)
        {
            Check.Length(dz.Length, (long)ws.BatchRowsEnd * hidden, nameof(dz), "transposed batch rows*hidden");
            if (inputEnd > ws.ColumnEnds.Length)
                throw new ArgumentOutOfRangeException(nameof(inputEnd), inputEnd, $"inputEnd ({inputEnd}) > the transposed inputs ({ws.ColumnEnds.Length})");
        }
        for (int k = inputStart; k < inputEnd; k++)
        {
            var dwk = dw.Slice(k * hidden, hidden);
            bool written = false;
            foreach (var ws in segments)
            {
                int start = k == 0 ? 0 : ws.ColumnEnds[k - 1], end = ws.ColumnEnds[k];
                if (start == end) continue;
                RowCombination.Combine(ws.Index.AsSpan(start, end - start), ws.Coefficients.AsSpan(start, end - start), dz, hidden,
                    written ? dwk : default, relu: false, dwk);
                written = true;
            }
            if (!written) dwk.Clear();
        }
    }

    // The row's (k, x_k) pairs, then a = relu(b + Σ x_k · W1[k, :]); rowX[p] is the pixel at column nz[p].
    private static void ForwardRow(ReadOnlySpan<float> rowX, ReadOnlySpan<ushort> nz, ReadOnlySpan<float> w,
        ReadOnlySpan<float> b, int hidden, Span<float> aRow, InputLayerWorkspace ws)
    {
        var index = ws.Index.AsSpan(0, nz.Length);
        var coef = ws.Coefficients.AsSpan(0, nz.Length);
        int inputs = w.Length / hidden;
        for (int p = 0; p < nz.Length; p++)
        {
            if (nz[p] >= inputs) throw ColumnOutOfRange(-1, nz[p], inputs);
            index[p] = nz[p];
            coef[p] = rowX[p];
        }
        RowCombination.Combine(index, coef, w, hidden, b, relu: true, aRow);
    }

    private static readonly ushort[] Identity = Enumerable.Range(0, ushort.MaxValue + 1).Select(i => (ushort)i).ToArray();
    private static ReadOnlySpan<ushort> AllColumns(int inputs) => Identity.AsSpan(0, inputs);

    internal static void Validate(int datasetRows, ReadOnlySpan<int> rows, int inputs, ReadOnlySpan<float> w,
        ReadOnlySpan<float> b, int hidden, int batchBufferLength, string batchBufferName, InputLayerWorkspace? workspace, long pairs)
    {
        Check.Positive(inputs, nameof(inputs));
        Check.Positive(hidden, nameof(hidden));
        if (inputs > Identity.Length) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, $"inputs ({inputs}) above {Identity.Length} are not supported");
        Check.Length(w.Length, (long)inputs * hidden, nameof(w), "inputs*hidden");
        Check.Length(b.Length, hidden, nameof(b), "hidden");
        Check.Length(batchBufferLength, (long)rows.Length * hidden, batchBufferName, "batch*hidden");
        foreach (int r in rows)
            if ((uint)r >= (uint)datasetRows)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"row {r} is outside the dataset's {datasetRows} rows");
        workspace?.Require(pairs, inputs);
    }

    // A row's nonzero count, checked: the index must not run backwards or past its columns.
    private static int RowLength(ReadOnlySpan<int> rowStarts, int row, int columns)
    {
        int start = rowStarts[row], end = rowStarts[row + 1];
        if (start < 0 || end < start || end > columns)
            throw new ArgumentException($"rowStarts gives row {row} the range [{start}, {end}), outside [0, {columns}]", nameof(rowStarts));
        return end - start;
    }

    private static ArgumentException ColumnOutOfRange(int row, int column, int inputs) =>
        new($"the nonzero index names column {column}{(row >= 0 ? $" in row {row}" : "")}, outside the {inputs} inputs", "columns");

    private static void CheckIndex(ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<float> values)
    {
        if (values.Length != columns.Length)
            throw new ArgumentException($"values.Length ({values.Length}) != columns.Length ({columns.Length})", nameof(values));
        if (rowStarts.IsEmpty)
            throw new ArgumentException("rowStarts is empty: the nonzero index needs one start per row plus one", nameof(rowStarts));
        if (rowStarts[^1] > columns.Length)
            throw new ArgumentException($"rowStarts ends at {rowStarts[^1]} but columns.Length is {columns.Length}", nameof(columns));
    }
}

/// <summary>Scratch memory of the input layer's kernels, allocated once per trainer: the (index, value)
/// pairs of one row or one batch, and the per-input pair counts of the batch transpose.</summary>
public sealed class InputLayerWorkspace
{
    internal int[] Index { get; }
    internal float[] Coefficients { get; }
    internal int[] ColumnEnds { get; }
    /// <summary>One past the highest batch row the last transpose stored: dz must hold that many rows.</summary>
    internal int BatchRowsEnd { get; set; }

    /// <param name="inputs">Features per example.</param>
    /// <param name="maxPairs">The most (example, nonzero pixel) pairs one batch can hold.</param>
    public InputLayerWorkspace(int inputs, long maxPairs)
    {
        long size = Math.Max(inputs, maxPairs);
        if (size > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(maxPairs), maxPairs, $"a batch of {maxPairs} nonzero pixels is too large");
        Index = new int[size];
        Coefficients = new float[size];
        ColumnEnds = new int[inputs];
    }

    /// <summary>Big enough for any <paramref name="batch"/> rows of <paramref name="data"/>: the sum of the
    /// <paramref name="batch"/> largest nonzero counts (or batch·features for the dense product).</summary>
    public static InputLayerWorkspace For(Dataset data, int batch, bool dense = false)
    {
        if (dense) return new InputLayerWorkspace(data.Features, (long)batch * data.Features);
        var starts = data.NonzeroIndex.RowStarts;
        var counts = new int[data.Count];
        for (int i = 0; i < counts.Length; i++) counts[i] = starts[i + 1] - starts[i];
        Array.Sort(counts);
        long sum = 0;
        for (int i = 0; i < Math.Min(batch, counts.Length); i++) sum += counts[counts.Length - 1 - i];
        return new InputLayerWorkspace(data.Features, sum);
    }

    internal void Require(long pairs, int inputs)
    {
        if (pairs > Index.Length || inputs > ColumnEnds.Length)
            throw new ArgumentException($"workspace holds {Index.Length} pairs and {ColumnEnds.Length} inputs; the call needs {pairs} and {inputs}");
    }
}
