using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ResearchKit.Kernels;

/// <summary>
/// The first dense layer, <c>a = relu(x·w + b)</c>, read straight from the dataset's rows.
/// MNIST images are about 81 % zeros, so both products walk only each row's nonzero pixels
/// (<c>columns</c>, ascending per row): adding <c>0·w</c> changes no sum, so the result is
/// the dense product's, in the same order, with a fifth of the work. Passing every column index
/// gives the dense product. No dX is computed: the input layer needs none.
/// Shapes: x [rows of the dataset × inputs], w [inputs × hidden] row-major, b [hidden], a [batch × hidden].
/// </summary>
public static class InputLayer
{
    /// <summary>a[i, :] = relu(b + Σ_k x[rows[i], k] · w[k, :]) for the nonzero k of each row (overwrites a).</summary>
    public static void ForwardRelu(
        ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<int> rows,
        int inputs, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, Span<float> a)
    {
        Validate(x, rowStarts, rows, inputs, w, b, hidden, a.Length, nameof(a));
        if (!Vector256.IsHardwareAccelerated) { InputLayerReference.ForwardRelu(x, rowStarts, columns, rows, inputs, w, b, hidden, a); return; }
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            ForwardRow(
                x.Slice(row * inputs, inputs), columns.Slice(rowStarts[row], rowStarts[row + 1] - rowStarts[row]),
                w, b, hidden, a.Slice(i * hidden, hidden));
        }
    }

    /// <summary>dw = Σ_i x[rows[i], :]ᵀ · dz[i, :] (overwrites dw); db = Σ_i dz[i, :] (overwrites db).</summary>
    public static void Backward(
        ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<int> rows,
        int inputs, ReadOnlySpan<float> dz, int hidden, Span<float> dw, Span<float> db)
    {
        Validate(x, rowStarts, rows, inputs, dw, db, hidden, dz.Length, nameof(dz));
        if (!Vector256.IsHardwareAccelerated) { InputLayerReference.Backward(x, rowStarts, columns, rows, inputs, dz, hidden, dw, db); return; }
        dw.Slice(0, inputs * hidden).Clear();
        ColumnSums.Sum(dz, rows.Length, hidden, db);
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            AccumulateOuterRow(
                x.Slice(row * inputs, inputs), columns.Slice(rowStarts[row], rowStarts[row + 1] - rowStarts[row]),
                dz.Slice(i * hidden, hidden), hidden, dw);
        }
    }

    /// <summary>The dense product (every input, zeros included), through the same register tile.</summary>
    public static void ForwardReluDense(ReadOnlySpan<float> x, ReadOnlySpan<int> rows, int inputs,
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, Span<float> a)
    {
        ValidateDense(x, rows, inputs, w, b, hidden, a.Length, nameof(a));
        var all = AllColumns(inputs);
        for (int i = 0; i < rows.Length; i++)
            ForwardRow(x.Slice(rows[i] * inputs, inputs), all, w, b, hidden, a.Slice(i * hidden, hidden));
    }

    /// <summary>Dense twin of <see cref="Backward"/>: dw = Xᵀ·dz over every input (overwrites dw and db).</summary>
    public static void BackwardDense(ReadOnlySpan<float> x, ReadOnlySpan<int> rows, int inputs,
        ReadOnlySpan<float> dz, int hidden, Span<float> dw, Span<float> db)
    {
        ValidateDense(x, rows, inputs, dw, db, hidden, dz.Length, nameof(dz));
        dw.Slice(0, inputs * hidden).Clear();
        ColumnSums.Sum(dz, rows.Length, hidden, db);
        var all = AllColumns(inputs);
        for (int i = 0; i < rows.Length; i++)
            AccumulateOuterRow(x.Slice(rows[i] * inputs, inputs), all, dz.Slice(i * hidden, hidden), hidden, dw);
    }

    private static readonly ushort[] Identity = Enumerable.Range(0, ushort.MaxValue + 1).Select(i => (ushort)i).ToArray();
    private static ReadOnlySpan<ushort> AllColumns(int inputs) => Identity.AsSpan(0, inputs);

    private static void ValidateDense(ReadOnlySpan<float> x, ReadOnlySpan<int> rows, int inputs,
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, int batchBufferLength, string batchBufferName)
    {
        Check.Positive(inputs, nameof(inputs));
        Check.Positive(hidden, nameof(hidden));
        if (inputs > Identity.Length) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, $"inputs ({inputs}) above {Identity.Length} are not supported");
        Check.Length(w.Length, (long)inputs * hidden, nameof(w), "inputs*hidden");
        Check.Length(b.Length, hidden, nameof(b), "hidden");
        Check.Length(batchBufferLength, (long)rows.Length * hidden, batchBufferName, "batch*hidden");
        int datasetRows = x.Length / inputs;
        foreach (int r in rows)
            if ((uint)r >= (uint)datasetRows)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"row {r} is outside the dataset's {datasetRows} rows");
    }

    // Register tile: 4 Vector256 accumulators (32 hidden units) stay in registers across the row's
    // nonzeros; each nonzero costs one broadcast, 4 loads of w and 4 FMAs.
    private static void ForwardRow(ReadOnlySpan<float> xRow, ReadOnlySpan<ushort> nz, ReadOnlySpan<float> w,
        ReadOnlySpan<float> b, int hidden, Span<float> aRow)
    {
        ref float wRef = ref Unsafe.AsRef(in w[0]);
        ref float xRef = ref Unsafe.AsRef(in xRow[0]);
        ref ushort nzRef = ref Unsafe.AsRef(in nz.Length > 0 ? ref Unsafe.AsRef(in nz[0]) : ref Unsafe.NullRef<ushort>());
        ref float bRef = ref Unsafe.AsRef(in b[0]);
        ref float aRef = ref aRow[0];
        int n = nz.Length;
        int j = 0;
        for (; j + 32 <= hidden; j += 32)
        {
            var s0 = Vector256.LoadUnsafe(ref bRef, (nuint)j);
            var s1 = Vector256.LoadUnsafe(ref bRef, (nuint)(j + 8));
            var s2 = Vector256.LoadUnsafe(ref bRef, (nuint)(j + 16));
            var s3 = Vector256.LoadUnsafe(ref bRef, (nuint)(j + 24));
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                var xv = Vector256.Create(Unsafe.Add(ref xRef, k));
                ref float wk = ref Unsafe.Add(ref wRef, k * hidden + j);
                s0 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref wk), s0);
                s1 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref wk, 8), s1);
                s2 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref wk, 16), s2);
                s3 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref wk, 24), s3);
            }
            Vector256.Max(s0, Vector256<float>.Zero).StoreUnsafe(ref aRef, (nuint)j);
            Vector256.Max(s1, Vector256<float>.Zero).StoreUnsafe(ref aRef, (nuint)(j + 8));
            Vector256.Max(s2, Vector256<float>.Zero).StoreUnsafe(ref aRef, (nuint)(j + 16));
            Vector256.Max(s3, Vector256<float>.Zero).StoreUnsafe(ref aRef, (nuint)(j + 24));
        }
        for (; j + 8 <= hidden; j += 8)
        {
            var s = Vector256.LoadUnsafe(ref bRef, (nuint)j);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                s = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xRef, k)),
                    Vector256.LoadUnsafe(ref Unsafe.Add(ref wRef, k * hidden + j)), s);
            }
            Vector256.Max(s, Vector256<float>.Zero).StoreUnsafe(ref aRef, (nuint)j);
        }
        for (; j + 4 <= hidden; j += 4)
        {
            var s = Vector128.LoadUnsafe(ref bRef, (nuint)j);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                s = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref xRef, k)),
                    Vector128.LoadUnsafe(ref Unsafe.Add(ref wRef, k * hidden + j)), s);
            }
            Vector128.Max(s, Vector128<float>.Zero).StoreUnsafe(ref aRef, (nuint)j);
        }
        for (; j < hidden; j++)
        {
            float s = Unsafe.Add(ref bRef, j);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                s = MathF.FusedMultiplyAdd(Unsafe.Add(ref xRef, k), Unsafe.Add(ref wRef, k * hidden + j), s);
            }
            Unsafe.Add(ref aRef, j) = MathF.Max(s, 0f);
        }
    }

    // dw[k, :] += x[k] · dz for each nonzero k: the dz chunk stays in registers, each nonzero is a
    // load-FMA-store of one w row chunk.
    private static void AccumulateOuterRow(ReadOnlySpan<float> xRow, ReadOnlySpan<ushort> nz, ReadOnlySpan<float> dzRow,
        int hidden, Span<float> dw)
    {
        if (nz.Length == 0) return;
        ref float dwRef = ref dw[0];
        ref float xRef = ref Unsafe.AsRef(in xRow[0]);
        ref ushort nzRef = ref Unsafe.AsRef(in nz[0]);
        ref float gRef = ref Unsafe.AsRef(in dzRow[0]);
        int n = nz.Length;
        int j = 0;
        for (; j + 32 <= hidden; j += 32)
        {
            var g0 = Vector256.LoadUnsafe(ref gRef, (nuint)j);
            var g1 = Vector256.LoadUnsafe(ref gRef, (nuint)(j + 8));
            var g2 = Vector256.LoadUnsafe(ref gRef, (nuint)(j + 16));
            var g3 = Vector256.LoadUnsafe(ref gRef, (nuint)(j + 24));
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                var xv = Vector256.Create(Unsafe.Add(ref xRef, k));
                ref float d = ref Unsafe.Add(ref dwRef, k * hidden + j);
                Vector256.FusedMultiplyAdd(xv, g0, Vector256.LoadUnsafe(ref d)).StoreUnsafe(ref d);
                Vector256.FusedMultiplyAdd(xv, g1, Vector256.LoadUnsafe(ref d, 8)).StoreUnsafe(ref d, 8);
                Vector256.FusedMultiplyAdd(xv, g2, Vector256.LoadUnsafe(ref d, 16)).StoreUnsafe(ref d, 16);
                Vector256.FusedMultiplyAdd(xv, g3, Vector256.LoadUnsafe(ref d, 24)).StoreUnsafe(ref d, 24);
            }
        }
        for (; j + 8 <= hidden; j += 8)
        {
            var g = Vector256.LoadUnsafe(ref gRef, (nuint)j);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                ref float d = ref Unsafe.Add(ref dwRef, k * hidden + j);
                Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xRef, k)), g, Vector256.LoadUnsafe(ref d)).StoreUnsafe(ref d);
            }
        }
        for (; j + 4 <= hidden; j += 4)
        {
            var g = Vector128.LoadUnsafe(ref gRef, (nuint)j);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                ref float d = ref Unsafe.Add(ref dwRef, k * hidden + j);
                Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref xRef, k)), g, Vector128.LoadUnsafe(ref d)).StoreUnsafe(ref d);
            }
        }
        for (; j < hidden; j++)
        {
            float g = Unsafe.Add(ref gRef, j);
            for (int p = 0; p < n; p++)
            {
                int k = Unsafe.Add(ref nzRef, p);
                ref float d = ref Unsafe.Add(ref dwRef, k * hidden + j);
                d = MathF.FusedMultiplyAdd(Unsafe.Add(ref xRef, k), g, d);
            }
        }
    }

    internal static void Validate(ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> rows, int inputs,
        ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, int batchBufferLength, string batchBufferName)
    {
        Check.Positive(inputs, nameof(inputs));
        Check.Positive(hidden, nameof(hidden));
        int datasetRows = rowStarts.Length - 1;
        Check.Length(x.Length, (long)datasetRows * inputs, nameof(x), "rows*inputs");
        Check.Length(w.Length, (long)inputs * hidden, nameof(w), "inputs*hidden");
        Check.Length(b.Length, hidden, nameof(b), "hidden");
        Check.Length(batchBufferLength, (long)rows.Length * hidden, batchBufferName, "batch*hidden");
        foreach (int r in rows)
            if ((uint)r >= (uint)datasetRows)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"row {r} is outside the dataset's {datasetRows} rows");
    }
}
