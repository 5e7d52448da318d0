using ResearchKit.Kernels;

namespace ResearchKit.Tests.Kernels;

public class SoftmaxCrossEntropyTests
{
    private const double Rel = 1e-5, Abs = 1e-6;

    public static TheoryData<int> ClassCounts => new(2, 3, 10, 17);

    [Theory, MemberData(nameof(ClassCounts))]
    public void Forward_MatchesReference_LossGradientAndCorrectCount(int classes)
    {
        foreach (int batch in KernelData.Batches)
            foreach (float scale in new[] { 1f, 1f / batch })
            {
                var rng = KernelData.For(batch, classes);
                int datasetRows = batch + 7;
                var labels = Enumerable.Range(0, datasetRows).Select(_ => (byte)rng.Next(classes)).ToArray();
                var rows = KernelData.Rows(rng, batch, datasetRows);
                var logits = KernelData.Normal(rng, batch * classes, 3);
                var (d, dRef) = (KernelData.Poisoned(batch * classes), KernelData.Poisoned(batch * classes));

                double loss = SoftmaxCrossEntropy.Forward(logits, labels, rows, classes, scale, d, out int correct);
                double lossRef = SoftmaxCrossEntropyReference.Forward(logits, labels, rows, classes, scale, dRef, out int correctRef);

                string shape = $"batch {batch}, classes {classes}, scale {scale}";
                Approx.Equal([lossRef], [loss], Rel, Abs, $"summed loss, {shape}");
                Approx.Equal(dRef, d, Rel, Abs, $"dlogits, {shape}");
                Assert.True(correct == correctRef, $"correct count {correct}, reference {correctRef}, {shape}");
            }
    }

    /// <summary>Logits of ±1000: e^1000 overflows any float, so only the max-subtracted form stays finite.</summary>
    [Fact]
    public void Softmax_IsStableForLogitsOf1000()
    {
        const int classes = 4;
        float[] logits =
        [
            1000f, -1000f, 0f, -1000f,      // label 0: confidently right, loss ≈ 0
            1000f, -1000f, 0f, -1000f,      // label 1: confidently wrong by a gap of 2000, loss ≈ 2000
            -1000f, -1000f, -1000f, -1000f, // label 2: all equal, loss = log 4
            1000f, 1000f, -1000f, 999f,     // label 3: loss = log(2 + e^-1) + 1
        ];
        byte[] labels = [0, 1, 2, 3];
        int[] rows = [0, 1, 2, 3];
        float scale = 1f / 4;
        var d = KernelData.Poisoned(logits.Length);

        double loss = SoftmaxCrossEntropy.Forward(logits, labels, rows, classes, scale, d, out int correct);

        Assert.True(double.IsFinite(loss), $"loss {loss}");
        Assert.All(d, g => Assert.True(float.IsFinite(g), $"gradient {g}"));
        double[] expectedRows = [0, 2000, Math.Log(4), Math.Log(2 + Math.Exp(-1)) + 1];
        Approx.Equal([expectedRows.Sum()], [loss], 1e-6, 1e-6, "summed loss of the four rows");
        for (int i = 0; i < 4; i++)
        {
            double rowSum = 0;
            for (int c = 0; c < classes; c++) rowSum += d[i * classes + c];
            Assert.True(Math.Abs(rowSum) <= 1e-6, $"gradient row {i} sums to {rowSum}, not ~0");
        }
        // the confidently wrong row: p ≈ onehot(0), so dlogits ≈ scale·(e0 − e1)
        Approx.Equal([scale, -scale, 0f, 0f], d.AsSpan(4, 4), 1e-6, 1e-7, "gradient of the confidently wrong row");
        Assert.Equal(1, correct);   // row 0 only; row 3's max is class 0 (ties go to the first class)
    }

    /// <summary>At a logit gap of 200, e^−200 underflows float to exactly 0: p_y is 0, yet the loss is the
    /// gap (computed in log space), never log 0 = −∞.</summary>
    [Theory]
    [InlineData(200f)]
    [InlineData(1e6f)]
    [InlineData(1e30f)]
    public void Loss_WhenTheLabelsProbabilityIsExactly0_IsLargeAndFinite(float gap)
    {
        Assert.Equal(0f, MathF.Exp(-200f));   // the premise: the label's probability is exactly 0 in float
        float[] logits = [0f, -gap];
        var d = new float[2];
        double loss = SoftmaxCrossEntropy.Forward(logits, [1], [0], 2, 1f, d, out int correct);
        Assert.True(double.IsFinite(loss), $"loss {loss} at gap {gap}");
        Approx.Equal([(double)gap], [loss], 1e-7, 0, $"loss at gap {gap}");
        Assert.Equal(new[] { 1f, -1f }, d);
        Assert.Equal(0, correct);
    }

    /// <summary>The twin should agree with the kernel exactly where the kernel's log-space form matters most:
    /// once e^(z_y − max) underflows even double (gap above ~745).</summary>
    [Theory]
    [InlineData(800f)]
    [InlineData(2000f)]
    public void Reference_MatchesKernel_WhenTheLabelsProbabilityUnderflowsDouble(float gap)
    {
        float[] logits = [gap / 2, -gap / 2];
        double loss = SoftmaxCrossEntropy.Forward(logits, [1], [0], 2, 1f, new float[2], out _);
        double lossRef = SoftmaxCrossEntropyReference.Forward(logits, [1], [0], 2, 1f, new float[2], out _);
        Approx.Equal([loss], [lossRef], 1e-6, 0, $"reference loss vs kernel loss at a logit gap of {gap} (kernel {loss}, reference {lossRef})");
    }

    /// <summary>"A NaN or infinite logit propagates to a NaN sum so the caller can stop a diverging run":
    /// whatever the position of the non-finite logit, the loss must not look like a finite number.</summary>
    [Theory]
    [InlineData(float.NaN, 0)]
    [InlineData(float.NaN, 2)]
    [InlineData(float.PositiveInfinity, 0)]
    [InlineData(float.PositiveInfinity, 1)]
    [InlineData(float.NegativeInfinity, 1)]   // at the label
    [InlineData(float.NegativeInfinity, 2)]   // elsewhere
    public void Forward_NonFiniteLogit_GivesANonFiniteLoss(float bad, int position)
    {
        float[] logits = [0.5f, -0.25f, 1.5f];
        logits[position] = bad;
        double loss = SoftmaxCrossEntropy.Forward(logits, [1], [0], 3, 1f, new float[3], out _);
        double evalLoss = SoftmaxCrossEntropy.Evaluate(logits, [1], 0, 1, 3, default, out _);
        Assert.False(double.IsFinite(loss), $"logit {bad} at class {position} (label 1) gave a finite loss {loss}");
        Assert.False(double.IsFinite(evalLoss), $"logit {bad} at class {position} (label 1) gave a finite evaluation loss {evalLoss}");
    }

    [Fact]
    public void Evaluate_GivesForwardsLossAndTheArgmaxAsPrediction()
    {
        var rng = new Random(8);
        const int batch = 37, classes = 10, firstRow = 5;
        var labels = Enumerable.Range(0, firstRow + batch).Select(_ => (byte)rng.Next(classes)).ToArray();
        var logits = KernelData.Normal(rng, batch * classes, 2);
        var rows = Enumerable.Range(firstRow, batch).ToArray();

        double loss = SoftmaxCrossEntropy.Forward(logits, labels, rows, classes, 1f, new float[batch * classes], out int correct);
        var predictions = new byte[firstRow + batch];
        double evalLoss = SoftmaxCrossEntropy.Evaluate(logits, labels, firstRow, batch, classes, predictions, out int evalCorrect);

        Assert.Equal(loss, evalLoss);
        Assert.Equal(correct, evalCorrect);
        for (int i = 0; i < batch; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            Assert.Equal(row.IndexOf(TensorMax(row)), predictions[firstRow + i]);
        }
        Assert.Equal(evalCorrect, Enumerable.Range(firstRow, batch).Count(r => predictions[r] == labels[r]));
    }

    [Fact]
    public void Argmax_TiesGoToTheFirstClass()
    {
        float[] logits = [2f, 5f, 5f];
        var predictions = new byte[1];
        SoftmaxCrossEntropy.Evaluate(logits, [2], 0, 1, 3, predictions, out int correct);
        SoftmaxCrossEntropyReference.Forward(logits, [2], [0], 3, 1f, new float[3], out int correctRef);
        Assert.Equal(1, predictions[0]);
        Assert.Equal(0, correct);
        Assert.Equal(0, correctRef);
    }

    private static float TensorMax(ReadOnlySpan<float> row)
    {
        float m = row[0];
        foreach (float v in row) m = Math.Max(m, v);
        return m;
    }
}
