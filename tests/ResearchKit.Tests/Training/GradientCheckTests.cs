using System.Globalization;
using System.Text;
using ResearchKit.Kernels;
using ResearchKit.Tests.Kernels;

namespace ResearchKit.Tests.Training;

/// <summary>
/// The whole network's backward pass (kernels as the Trainer chains them, and the Trainer itself) against
/// central differences of the mean cross-entropy computed by a plain forward in double.
/// h = 1e-4 on each parameter; a gradient passes if |analytic − numeric| ≤ 1e-5 or ≤ 1e-3·max(|analytic|, |numeric|).
/// </summary>
public class GradientCheckTests
{
    private const int Features = 12, Hidden = 7, Classes = 10;
    private const double H = 1e-4, RelTol = 1e-3, AbsTol = 1e-5;

    /// <summary>20 rows × 12 features, 30 % zeros, 10 classes.</summary>
    private static readonly Dataset Data = TestData.Synthetic("gradient-check", 20, Features, seed: 11, zeroFraction: 0.3);

    /// <summary>Seven rows in shuffled order: N = 7 so that 1/N is not a power of two.</summary>
    private static readonly int[] Batch = [3, 17, 0, 9, 12, 5, 19];

    /// <summary>The Trainer's step is private, so its checks use one full-batch step: all 20 rows (1/20, not a power of two).</summary>
    private static readonly int[] AllRows = Enumerable.Range(0, 20).ToArray();

    private static readonly NetworkShape Shape = new(Features, Hidden, Classes);
    private static readonly ParameterLayout Layout = new(Shape);

    /// <summary>Random weights and nonzero biases in the paper's orientation (W2 is [hidden × classes]).</summary>
    private static NetworkParameters RandomParameters(int seed)
    {
        var rng = new Random(seed);
        return new NetworkParameters(Shape, KernelData.Normal(rng, Features * Hidden, 0.5), KernelData.Normal(rng, Hidden, 0.3),
            KernelData.Normal(rng, Hidden * Classes, 0.5), KernelData.Normal(rng, Classes, 0.3));
    }

    /// <summary>The parameters flattened in the Trainer's layout: W1, b1, W2ᵀ [classes × hidden], b2.</summary>
    private static float[] Flatten(NetworkParameters p)
    {
        var flat = new float[Layout.Total];
        p.W1.CopyTo(Layout.W1(flat));
        p.B1.CopyTo(Layout.B1(flat));
        var w2t = Layout.W2T(flat);
        for (int j = 0; j < Hidden; j++)
            for (int c = 0; c < Classes; c++) w2t[c * Hidden + j] = p.W2[j * Classes + c];
        p.B2.CopyTo(Layout.B2(flat));
        return flat;
    }

    /// <summary>Forward and backward through the kernels exactly as a training step chains them.</summary>
    private static float[] KernelGradient(float[] theta, float outputScale, int[] batch)
    {
        int n = batch.Length;
        var x = Data.Pixels.Span;
        var index = Data.NonzeroIndex;
        var a = new float[n * Hidden];
        var logits = new float[n * Classes];
        var dlogits = new float[n * Classes];
        var dz = new float[n * Hidden];
        var gradient = new float[Layout.Total];
        var workspace = InputLayerWorkspace.For(Data, n);

        InputLayer.ForwardRelu(x, index.RowStarts, index.Columns, index.Values, batch, Features, Layout.W1(theta), Layout.B1(theta), Hidden, a, workspace);
        OutputLayer.Forward(a, n, Hidden, Layout.W2T(theta), Layout.B2(theta), Classes, logits);
        SoftmaxCrossEntropy.Forward(logits, Data.Labels.Span, batch, Classes, 1f / n, dlogits, out _);
        OutputLayer.Backward(a, dlogits, n, Hidden, Layout.W2T(theta), Classes, outputScale,
            Layout.W2T(gradient), Layout.B2(gradient), dz);
        InputLayer.Backward(x, index.RowStarts, index.Columns, index.Values, batch, Features, dz, Hidden, Layout.W1(gradient), Layout.B1(gradient), workspace);
        return gradient;
    }

    /// <summary>(1/N) Σ_i [log Σ_c e^z_ic − z_i,y_i] with z = relu(x W1 + b1) W2 + b2, all in double.</summary>
    private static double MeanLoss(double[] theta, int[] batch, out double closestToKink)
    {
        var x = Data.Pixels.Span;
        var labels = Data.Labels.Span;
        double total = 0;
        closestToKink = double.PositiveInfinity;
        var a = new double[Hidden];
        var z = new double[Classes];
        foreach (int row in batch)
        {
            for (int j = 0; j < Hidden; j++)
            {
                double s = theta[Layout.B1Offset + j];
                for (int k = 0; k < Features; k++) s += x[row * Features + k] * theta[Layout.W1Offset + k * Hidden + j];
                closestToKink = Math.Min(closestToKink, Math.Abs(s));
                a[j] = Math.Max(s, 0);
            }
            for (int c = 0; c < Classes; c++)
            {
                double s = theta[Layout.B2Offset + c];
                for (int j = 0; j < Hidden; j++) s += a[j] * theta[Layout.W2TOffset + c * Hidden + j];
                z[c] = s;
            }
            double max = z.Max();
            double logSumExp = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            total += logSumExp - z[labels[row]];
        }
        return total / batch.Length;
    }

    private static double[] NumericGradient(float[] theta, int[] batch)
    {
        var t = theta.Select(v => (double)v).ToArray();
        MeanLoss(t, batch, out double closest);
        // ±h moves a pre-activation by at most h (inputs are ≤ 1); a kink within reach would make the central
        // difference meaningless, so demand ten times that margin
        Assert.True(closest > 10 * H, $"a hidden pre-activation is {closest:G3} from the ReLU kink; pick another seed");
        var g = new double[t.Length];
        for (int p = 0; p < t.Length; p++)
        {
            double saved = t[p];
            t[p] = saved + H; double plus = MeanLoss(t, batch, out _);
            t[p] = saved - H; double minus = MeanLoss(t, batch, out _);
            t[p] = saved;
            g[p] = (plus - minus) / (2 * H);
        }
        return g;
    }

    private static string Name(int p) =>
        p < Layout.B1Offset ? $"W1[{p / Hidden},{p % Hidden}]"
        : p < Layout.W2TOffset ? $"b1[{p - Layout.B1Offset}]"
        : p < Layout.B2Offset ? $"W2[{(p - Layout.W2TOffset) % Hidden},{(p - Layout.W2TOffset) / Hidden}]"
        : $"b2[{p - Layout.B2Offset}]";

    private static void AssertMatchesCentralDifferences(float[] analytic, double[] numeric, string what)
    {
        var first = new StringBuilder();
        int mismatches = 0, worstAt = 0;
        double worstRel = 0;
        for (int p = 0; p < numeric.Length; p++)
        {
            double err = Math.Abs(analytic[p] - numeric[p]);
            double rel = err / Math.Max(Math.Max(Math.Abs(analytic[p]), Math.Abs(numeric[p])), 1e-300);
            if (err > AbsTol && rel > worstRel) { worstRel = rel; worstAt = p; }
            if (err <= AbsTol || rel <= RelTol) continue;
            if (mismatches++ < 8)
                first.Append(CultureInfo.InvariantCulture, $"\n  {Name(p)}: analytic {analytic[p]:G6}, numeric {numeric[p]:G6}, relative error {rel:G3}");
        }
        Assert.True(mismatches == 0, string.Create(CultureInfo.InvariantCulture,
            $"{what}: {mismatches} of {numeric.Length} gradients off by more than {RelTol} relative and {AbsTol} absolute; " +
            $"max relative error {worstRel:G3} at {Name(worstAt)}; first mismatches:{first}"));
        // the check must not pass vacuously
        Assert.True(numeric.Count(g => Math.Abs(g) > 1e-3) > numeric.Length / 2, "most gradients should be clearly nonzero");
    }

    [Fact]
    public void Backward_MatchesCentralDifferences()
    {
        var theta = Flatten(RandomParameters(seed: 4));
        AssertMatchesCentralDifferences(KernelGradient(theta, 1f, Batch), NumericGradient(theta, Batch), "kernel backward");
    }

    /// <summary>One full-batch step from known parameters; <see cref="Trainer.LastGradient"/> then holds the
    /// gradient at those parameters (Adam only reads it). With 2 threads the step is split by rows, classes
    /// and inputs, and must still be the gradient.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TrainerStep_ComputesTheGradientOfTheMeanLoss(int threads)
    {
        var p = RandomParameters(seed: 4);
        var gradient = StepGradient(TrainingPreset.Textbook, p, threads);
        AssertMatchesCentralDifferences(gradient, NumericGradient(Flatten(p), AllRows), $"Trainer step, textbook preset, {threads} thread(s)");
    }

    /// <summary>The paper code's extra 1/N: with OutputGradientExtraMean the output layer's gradients are exactly
    /// fl(true · (1/N)) and the hidden layer's are the true ones, bit for bit — in the kernels and in the Trainer.</summary>
    [Fact]
    public void OutputGradientExtraMean_ScalesOnlyTheOutputLayerBy1OverN()
    {
        var p = RandomParameters(seed: 4);

        var trueGradient = KernelGradient(Flatten(p), 1f, Batch);
        var paperGradient = KernelGradient(Flatten(p), 1f / Batch.Length, Batch);
        AssertPaperScaling(trueGradient, paperGradient, 1f / Batch.Length, "kernels");

        var paper = TrainingPreset.Paper;
        var withoutExtraMean = StepGradient(paper.WithOutputGradientExtraMean(false), p, threads: 1);
        var withExtraMean = StepGradient(paper, p, threads: 1);
        AssertPaperScaling(withoutExtraMean, withExtraMean, 1f / AllRows.Length, "Trainer");
        AssertMatchesCentralDifferences(withoutExtraMean, NumericGradient(Flatten(p), AllRows), "Trainer step, paper preset without the extra mean");
    }

    private static void AssertPaperScaling(float[] trueGradient, float[] paperGradient, float inverseN, string where)
    {
        var expected = (float[])trueGradient.Clone();
        for (int i = Layout.W2TOffset; i < Layout.Total; i++) expected[i] *= inverseN;   // W2ᵀ and b2, the last two views
        Approx.BitEqual(Layout.W1(trueGradient), Layout.W1(paperGradient), $"{where}: W1 gradient with the extra mean");
        Approx.BitEqual(Layout.B1(trueGradient), Layout.B1(paperGradient), $"{where}: b1 gradient with the extra mean");
        Approx.BitEqual(Layout.W2T(expected), Layout.W2T(paperGradient), $"{where}: W2 gradient with the extra mean vs true/N");
        Approx.BitEqual(Layout.B2(expected), Layout.B2(paperGradient), $"{where}: b2 gradient with the extra mean vs true/N");
    }

    private static float[] StepGradient(TrainingPreset preset, NetworkParameters p, int threads)
    {
        var settings = new TrainingSettings { HiddenUnits = Hidden, BatchSize = AllRows.Length, Preset = preset, Threads = threads };
        using var trainer = new Trainer(Data, settings);
        trainer.SetParameters(p);
        trainer.TrainEpoch();   // one step: the batch is the whole dataset
        return trainer.LastGradient();
    }
}
