using ResearchKit.Kernels;

namespace ResearchKit.Tests.Kernels;

/// <summary>The output layer against its double-accumulating twin, at scale 1 (the true gradient) and 1/N
/// (the paper code's extra mean); tolerance 1e-5 relative plus 1e-6 absolute.</summary>
public class OutputLayerTests
{
    private const double Rel = 1e-5, Abs = 1e-6;

    public static TheoryData<int> ClassCounts => new(2, 10, 13);

    private sealed record Case(int Batch, int Hidden, int Classes, float[] A, float[] WT, float[] B, float[] DLogits)
    {
        public override string ToString() => $"batch {Batch}, hidden {Hidden}, classes {Classes}";
    }

    private static IEnumerable<Case> Cases(int classes)
    {
        foreach (int batch in KernelData.Batches)
            foreach (int hidden in KernelData.Hiddens)
            {
                var rng = KernelData.For(batch, hidden, classes);
                // a is a ReLU output: about half exactly 0, which the backward's mask must honour
                var a = KernelData.Normal(rng, batch * hidden, 1).Select(v => Math.Max(v, 0f)).ToArray();
                // dlogits with exact zeros: the fast backward skips them
                yield return new Case(batch, hidden, classes, a, KernelData.Normal(rng, classes * hidden, 1 / Math.Sqrt(hidden)),
                    KernelData.Normal(rng, classes, 0.1), KernelData.NormalWithZeros(rng, batch * classes, 0.3, 0.2));
            }
    }

    [Theory, MemberData(nameof(ClassCounts))]
    public void Forward_MatchesReference(int classes)
    {
        foreach (var c in Cases(classes))
        {
            var fast = KernelData.Poisoned(c.Batch * classes);
            var reference = KernelData.Poisoned(c.Batch * classes);
            OutputLayer.Forward(c.A, c.Batch, c.Hidden, c.WT, c.B, classes, fast);
            OutputLayerReference.Forward(c.A, c.Batch, c.Hidden, c.WT, c.B, classes, reference);
            Approx.Equal(reference, fast, Rel, Abs, $"Forward logits, {c}");
        }
    }

    [Theory, MemberData(nameof(ClassCounts))]
    public void Backward_MatchesReference_AtScale1And1OverN(int classes)
    {
        foreach (var c in Cases(classes))
            foreach (float scale in new[] { 1f, 1f / c.Batch })
            {
                var (dwT, db, dz) = (KernelData.Poisoned(classes * c.Hidden), KernelData.Poisoned(classes), KernelData.Poisoned(c.Batch * c.Hidden));
                var (dwTRef, dbRef, dzRef) = (KernelData.Poisoned(classes * c.Hidden), KernelData.Poisoned(classes), KernelData.Poisoned(c.Batch * c.Hidden));
                OutputLayer.Backward(c.A, c.DLogits, c.Batch, c.Hidden, c.WT, classes, scale, dwT, db, dz);
                OutputLayerReference.Backward(c.A, c.DLogits, c.Batch, c.Hidden, c.WT, classes, scale, dwTRef, dbRef, dzRef);
                Approx.Equal(dwTRef, dwT, Rel, Abs, $"Backward dwT, {c}, scale {scale}");
                Approx.Equal(dbRef, db, Rel, Abs, $"Backward db, {c}, scale {scale}");
                Approx.Equal(dzRef, dz, Rel, Abs, $"Backward dz, {c}, scale {scale}");
            }
    }

    /// <summary>The scale multiplies the output layer's own gradients after accumulation (so they are exactly
    /// fl(true · scale)) and never reaches dz: the hidden layer's gradient is the true one.</summary>
    [Fact]
    public void Backward_Scale_MultipliesOnlyTheOutputLayersGradients()
    {
        foreach (var c in Cases(10))
        {
            float scale = 1f / c.Batch;
            var (dwT1, db1, dz1) = (new float[10 * c.Hidden], new float[10], new float[c.Batch * c.Hidden]);
            var (dwTs, dbs, dzs) = (new float[10 * c.Hidden], new float[10], new float[c.Batch * c.Hidden]);
            OutputLayer.Backward(c.A, c.DLogits, c.Batch, c.Hidden, c.WT, 10, 1f, dwT1, db1, dz1);
            OutputLayer.Backward(c.A, c.DLogits, c.Batch, c.Hidden, c.WT, 10, scale, dwTs, dbs, dzs);
            Approx.BitEqual(dwT1.Select(v => v * scale).ToArray(), dwTs, $"dwT at scale 1/{c.Batch}, {c}");
            Approx.BitEqual(db1.Select(v => v * scale).ToArray(), dbs, $"db at scale 1/{c.Batch}, {c}");
            Approx.BitEqual(dz1, dzs, $"dz at scale 1/{c.Batch}, {c}");
        }
    }

    /// <summary>Threads split the output layer's weight gradient by class: each range overwrites its rows only,
    /// and the pieces together are the whole Backward's, bit for bit.</summary>
    [Fact]
    public void WeightGradient_OverClassRanges_EqualsTheWholeBackward()
    {
        foreach (var c in Cases(10))
        {
            float scale = 1f / c.Batch;
            var (dwT, db, dz) = (new float[10 * c.Hidden], new float[10], new float[c.Batch * c.Hidden]);
            OutputLayer.Backward(c.A, c.DLogits, c.Batch, c.Hidden, c.WT, 10, scale, dwT, db, dz);
            var (dwTSplit, dbSplit) = (KernelData.Poisoned(10 * c.Hidden), KernelData.Poisoned(10));
            foreach (var (start, end) in new[] { (0, 3), (3, 3), (3, 7), (7, 10) })
                OutputLayer.WeightGradient(c.A, c.DLogits, c.Batch, c.Hidden, 10, start, end, scale, dwTSplit, dbSplit);
            Approx.BitEqual(dwT, dwTSplit, $"dwT by class ranges, {c}");
            Approx.BitEqual(db, dbSplit, $"db by class ranges, {c}");
        }
    }

    [Fact]
    public void Backward_PassesNoGradientThroughInactiveUnits()
    {
        // a = [0, 1, 0, 2] for one row: dz must be 0 exactly where a is 0, whatever wT and dlogits are
        float[] a = [0f, 1f, -0f, 2f];
        var wT = KernelData.Normal(new Random(5), 3 * 4, 1);
        float[] dlogits = [0.5f, -0.25f, 0.75f];
        var dz = KernelData.Poisoned(4);
        OutputLayer.Backward(a, dlogits, 1, 4, wT, 3, 1f, new float[12], new float[3], dz);
        Assert.Equal(0f, dz[0]);
        Assert.Equal(0f, dz[2]);
        Assert.NotEqual(0f, dz[1]);
        Assert.NotEqual(0f, dz[3]);
    }

    [Fact]
    public void Backward_ShortGradientBuffer_IsRejectedNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => OutputLayer.Backward(new float[2 * 4], new float[2 * 3], 2, 4,
            new float[3 * 4], 3, 1f, new float[11], new float[3], new float[2 * 4]));
        Assert.Contains("dwT.Length (11)", e.Message);
        Assert.Contains("(12)", e.Message);
    }
}
