using ResearchKit.Kernels;

namespace ResearchKit.Tests.Kernels;

/// <summary>
/// The fast input layer (sparse walk over each row's nonzeros, and the dense walk) against its plain-loop,
/// double-accumulating twin, over every awkward shape. Float-versus-double tolerance: 1e-5 relative plus
/// 1e-6 absolute. Weights are N(0, 1/inputs) as after the orthogonal init, so sums are of order 1.
/// </summary>
public class InputLayerTests
{
    private const double Rel = 1e-5, Abs = 1e-6;

    public static TheoryData<int> InputWidths => new(KernelData.Inputs);

    private sealed record Case(int Batch, int Inputs, int Hidden, Dataset Data, int[] Rows, float[] W, float[] B, float[] Dz)
    {
        public ReadOnlySpan<float> X => Data.Pixels.Span;
        public SparseRows Index => Data.NonzeroIndex;
        public InputLayerWorkspace Sparse { get; } = InputLayerWorkspace.For(Data, Batch);
        public InputLayerWorkspace Dense { get; } = InputLayerWorkspace.For(Data, Batch, dense: true);
        public override string ToString() => $"batch {Batch}, inputs {Inputs}, hidden {Hidden}";
    }

    private static IEnumerable<Case> Cases(int inputs)
    {
        foreach (int batch in KernelData.Batches)
            foreach (int hidden in KernelData.Hiddens)
            {
                var rng = KernelData.For(batch, inputs, hidden);
                var data = KernelData.SparseDataset(rng, batch + 5, inputs);
                yield return new Case(batch, inputs, hidden, data, KernelData.Rows(rng, batch, data.Count),
                    KernelData.Normal(rng, inputs * hidden, 1 / Math.Sqrt(inputs)), KernelData.Normal(rng, hidden, 0.1),
                    KernelData.NormalWithZeros(rng, batch * hidden, 0.1, 0.3));
            }
    }

    [Theory, MemberData(nameof(InputWidths))]
    public void ForwardRelu_SkippingZeros_MatchesReference(int inputs)
    {
        foreach (var c in Cases(inputs))
        {
            var fast = KernelData.Poisoned(c.Batch * c.Hidden);
            var reference = KernelData.Poisoned(c.Batch * c.Hidden);
            InputLayer.ForwardRelu(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.W, c.B, c.Hidden, fast, c.Sparse);
            InputLayerReference.ForwardRelu(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.W, c.B, c.Hidden, reference);
            Approx.Equal(reference, fast, Rel, Abs, $"ForwardRelu a, {c}");
        }
    }

    [Theory, MemberData(nameof(InputWidths))]
    public void ForwardReluDense_MatchesReference(int inputs)
    {
        foreach (var c in Cases(inputs))
        {
            var fast = KernelData.Poisoned(c.Batch * c.Hidden);
            var reference = KernelData.Poisoned(c.Batch * c.Hidden);
            InputLayer.ForwardReluDense(c.X, c.Rows, c.Inputs, c.W, c.B, c.Hidden, fast, c.Dense);
            InputLayerReference.ForwardRelu(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.W, c.B, c.Hidden, reference);
            Approx.Equal(reference, fast, Rel, Abs, $"ForwardReluDense a, {c}");
        }
    }

    [Theory, MemberData(nameof(InputWidths))]
    public void Backward_SkippingZeros_MatchesReference(int inputs)
    {
        foreach (var c in Cases(inputs))
        {
            var (dw, db) = (KernelData.Poisoned(c.Inputs * c.Hidden), KernelData.Poisoned(c.Hidden));
            var (dwRef, dbRef) = (KernelData.Poisoned(c.Inputs * c.Hidden), KernelData.Poisoned(c.Hidden));
            InputLayer.Backward(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.Dz, c.Hidden, dw, db, c.Sparse);
            InputLayerReference.Backward(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.Dz, c.Hidden, dwRef, dbRef);
            Approx.Equal(dwRef, dw, Rel, Abs, $"Backward dw, {c}");
            Approx.Equal(dbRef, db, Rel, Abs, $"Backward db, {c}");
        }
    }

    [Theory, MemberData(nameof(InputWidths))]
    public void BackwardDense_MatchesReference(int inputs)
    {
        foreach (var c in Cases(inputs))
        {
            var (dw, db) = (KernelData.Poisoned(c.Inputs * c.Hidden), KernelData.Poisoned(c.Hidden));
            var (dwRef, dbRef) = (KernelData.Poisoned(c.Inputs * c.Hidden), KernelData.Poisoned(c.Hidden));
            InputLayer.BackwardDense(c.X, c.Rows, c.Inputs, c.Dz, c.Hidden, dw, db, c.Dense);
            InputLayerReference.Backward(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.Dz, c.Hidden, dwRef, dbRef);
            Approx.Equal(dwRef, dw, Rel, Abs, $"BackwardDense dw, {c}");
            Approx.Equal(dbRef, db, Rel, Abs, $"BackwardDense db, {c}");
        }
    }

    /// <summary>The threaded step's backward: each member transposes its slice of the batch into its own
    /// workspace (pair rows numbered from the slice's first row), then each member sums the slices for its own
    /// range of inputs. Any split must give the reference's dW1.</summary>
    [Theory, MemberData(nameof(InputWidths))]
    public void WeightGradientRows_OverBatchSlicesAndInputRanges_MatchesReference(int inputs)
    {
        foreach (var c in Cases(inputs))
            foreach (int members in new[] { 2, 3 })
                foreach (bool dense in new[] { false, true })
                {
                    var workspaces = new InputLayerWorkspace[members];
                    for (int m = 0; m < members; m++)
                    {
                        int r0 = c.Batch * m / members, r1 = c.Batch * (m + 1) / members;
                        workspaces[m] = InputLayerWorkspace.For(c.Data, r1 - r0, dense);
                        if (dense) InputLayer.TransposeBatch(c.X, default, default, default, c.Rows.AsSpan(r0, r1 - r0), c.Inputs, r0, workspaces[m]);
                        else InputLayer.TransposeBatch(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows.AsSpan(r0, r1 - r0), c.Inputs, r0, workspaces[m]);
                    }
                    var dw = KernelData.Poisoned(c.Inputs * c.Hidden);
                    for (int m = 0; m < members; m++)
                        InputLayer.WeightGradientRows(workspaces, c.Dz, c.Hidden, c.Inputs * m / members, c.Inputs * (m + 1) / members, dw);

                    var (dwRef, dbRef) = (new float[c.Inputs * c.Hidden], new float[c.Hidden]);
                    InputLayerReference.Backward(c.X, c.Index.RowStarts, c.Index.Columns, c.Index.Values, c.Rows, c.Inputs, c.Dz, c.Hidden, dwRef, dbRef);
                    Approx.Equal(dwRef, dw, Rel, Abs, $"dw from {members} {(dense ? "dense" : "sparse")} slices, {c}");
                }
    }

    [Fact]
    public void ForwardRelu_OfAnAllZeroRow_IsReluOfTheBias()
    {
        var data = new Dataset("zeros", new float[3 * 5], new byte[3], 5);
        float[] b = [0.5f, -0.25f, 0f, 2f, -1f, 0.125f, 3f, -3f, 1f];
        var w = KernelData.Normal(new Random(3), 5 * b.Length, 1);
        var a = KernelData.Poisoned(2 * b.Length);
        InputLayer.ForwardRelu(data.Pixels.Span, data.NonzeroIndex.RowStarts, data.NonzeroIndex.Columns, data.NonzeroIndex.Values, [2, 0], 5, w, b, b.Length, a,
            InputLayerWorkspace.For(data, 2));
        var expected = b.Select(v => Math.Max(v, 0f)).ToArray();
        Approx.BitEqual([.. expected, .. expected], a, "relu(b) for two all-zero rows");
    }

    [Fact]
    public void ForwardRelu_RowOutsideTheDataset_IsRejectedNamingTheRow()
    {
        var data = KernelData.SparseDataset(new Random(1), 4, 5);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => InputLayer.ForwardRelu(data.Pixels.Span,
            data.NonzeroIndex.RowStarts, data.NonzeroIndex.Columns, data.NonzeroIndex.Values, [1, 4], 5, new float[5 * 3], new float[3], 3, new float[2 * 3],
            InputLayerWorkspace.For(data, 2)));
        Assert.Contains("row 4", e.Message);
        Assert.Contains("4 rows", e.Message);
    }

    [Fact]
    public void AnIndexNamingAColumnBeyondTheInputs_IsRejected_NotReadPastTheWeights()
    {
        int[] rowStarts = [0, 1];
        ushort[] columns = [40];
        float[] values = [1f];
        var workspace = new InputLayerWorkspace(5, 16);
        var forward = Assert.Throws<ArgumentException>(() => InputLayer.ForwardRelu(default, rowStarts, columns, values, [0], 5,
            new float[5 * 3], new float[3], 3, new float[3], workspace));
        Assert.Contains("column 40", forward.Message);
        var transpose = Assert.Throws<ArgumentException>(() => InputLayer.TransposeBatch(default, rowStarts, columns, values, [0], 5, 0, workspace));
        Assert.Contains("column 40 in row 0, outside the 5 inputs", transpose.Message);
        var backwards = Assert.Throws<ArgumentException>(() => InputLayer.TransposeBatch(default, [0, 1, 0], [1], [1f], [1], 5, 0, workspace));
        Assert.Contains("row 1 the range [1, 0)", backwards.Message);
    }

    /// <summary>WeightGradientRows reads dz rows by the batch-row numbers stored in the workspaces, through
    /// unchecked refs: a dz shorter than the transposed batch must be rejected at entry, not read past its end.</summary>
    [Fact]
    public void WeightGradientRows_DzShorterThanTheTransposedBatch_IsRejected()
    {
        const int inputs = 4, hidden = 8;
        var data = new Dataset("dense-rows", Enumerable.Range(1, 3 * inputs).Select(v => (float)v).ToArray(), new byte[3], inputs);
        var workspace = InputLayerWorkspace.For(data, 3);
        InputLayer.TransposeBatch(data.Pixels.Span, data.NonzeroIndex.RowStarts, data.NonzeroIndex.Columns, data.NonzeroIndex.Values, [0, 1, 2], inputs, 0, workspace);
        var dz = new float[1 * hidden];   // one row of dz for a batch of three
        var e = Record.Exception(() => InputLayer.WeightGradientRows([workspace], dz, hidden, 0, inputs, new float[inputs * hidden]));
        Assert.True(e is ArgumentException, $"a dz of 1 row for a transposed batch of 3 rows was {(e is null ? "read past its end without an error" : $"rejected with {e.GetType().Name}")}");
    }

    [Fact]
    public void ForwardReluDense_ShortWeights_AreRejectedNamingBothLengths()
    {
        var data = KernelData.SparseDataset(new Random(1), 4, 5);
        var e = Assert.Throws<ArgumentException>(() => InputLayer.ForwardReluDense(data.Pixels.Span,
            [0, 1], 5, new float[5 * 3 - 1], new float[3], 3, new float[2 * 3], InputLayerWorkspace.For(data, 2, dense: true)));
        Assert.Contains("w.Length (14)", e.Message);
        Assert.Contains("(15)", e.Message);
    }
}
