using System.Globalization;
using ResearchKit.Tests.Kernels;

namespace ResearchKit.Tests.Training;

[Collection("MNIST")]
public class TrainerTests
{
    /// <summary>20 rows × 12 features: enough for every construction and validation test.</summary>
    private static readonly Dataset Tiny = TestData.Synthetic("tiny", 20, 12, seed: 3);

    private static readonly TrainingSettings TinySettings = new() { HiddenUnits = 7, BatchSize = 5 };

    /// <summary>
    /// Principle 4: after a warm-up epoch (JIT, tiering, the lazy nonzero indexes), a whole epoch and an
    /// evaluation of the test split (and of the training split when the preset reports full-pass accuracy)
    /// allocate not one byte on this thread.
    /// </summary>
    [Theory]
    [InlineData(64, "paper")]
    [InlineData(256, "paper")]
    [InlineData(64, "textbook")]
    public void Epoch_AllocatesNothing(int batch, string preset)
    {
        var mnist = TestData.Mnist;
        var settings = new TrainingSettings { BatchSize = batch, HiddenUnits = 100, Preset = TrainingPreset.Named(preset) };
        bool fullPass = settings.Preset.TrainAccuracy == TrainAccuracyMode.FullPass;
        using var trainer = new Trainer(mnist.Train, settings);
        trainer.TrainEpoch();
        trainer.Evaluate(mnist.Test);
        if (fullPass) trainer.Evaluate(mnist.Train);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var totals = trainer.TrainEpoch();
        var test = trainer.Evaluate(mnist.Test);
        if (fullPass) trainer.Evaluate(mnist.Train);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0,
            $"batch {batch}, {preset} preset: one epoch + evaluation allocated {allocated} bytes (expected 0)");
        Assert.True(double.IsFinite(totals.MeanLoss) && test.Accuracy > 0.9,
            $"the measured epoch must be a real one: train loss {totals.MeanLoss}, test accuracy {test.Accuracy}");
    }

    [Theory]
    [InlineData("LearningRate", "0")]
    [InlineData("LearningRate", "-0.01")]
    [InlineData("LearningRate", "NaN")]
    [InlineData("LearningRate", "Infinity")]
    [InlineData("BatchSize", "0")]
    [InlineData("BatchSize", "-1")]
    [InlineData("BatchSize", "21")]       // the training set has 20 rows
    [InlineData("HiddenUnits", "0")]
    [InlineData("Epochs", "0")]
    [InlineData("Threads", "0")]
    [InlineData("Beta1", "1")]
    [InlineData("Beta2", "-0.5")]
    [InlineData("Epsilon", "0")]
    public void Constructor_InvalidSetting_IsRejectedNamingTheValue(string setting, string value)
    {
        float f = float.Parse(value, CultureInfo.InvariantCulture);
        int i = (int)f;
        var paper = TrainingPreset.Paper;
        var settings = setting switch
        {
            "LearningRate" => TinySettings with { LearningRate = f },
            "BatchSize" => TinySettings with { BatchSize = i },
            "HiddenUnits" => TinySettings with { HiddenUnits = i },
            "Epochs" => TinySettings with { Epochs = i },
            "Threads" => TinySettings with { Threads = i },
            "Beta1" => TinySettings with { Preset = paper.WithBetas(f, paper.Beta2) },
            "Beta2" => TinySettings with { Preset = paper.WithBetas(paper.Beta1, f) },
            "Epsilon" => TinySettings with { Preset = paper.WithEpsilon(f, paper.EpsilonPlacement) },
            _ => throw new ArgumentException(setting),
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => { using var _ = new Trainer(Tiny, settings); });

        Assert.Equal(setting, e.ParamName);
        string ownMessage = e.Message.Split(" (Parameter")[0];   // without .NET's appended "Actual value was …"
        Assert.True(ownMessage.Contains(value, StringComparison.Ordinal), $"message \"{ownMessage}\" does not name the value {value}");
        if (setting == "BatchSize" && i > 0) Assert.Contains("(20)", ownMessage);
    }

    [Fact]
    public void Evaluate_DatasetOfAnotherWidth_IsRejectedNamingBothWidths()
    {
        using var trainer = new Trainer(Tiny, TinySettings);
        var wider = TestData.Synthetic("wider", 4, 13, seed: 2);
        var e = Assert.Throws<ArgumentException>(() => trainer.Evaluate(wider));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("13 features", e.Message);
        Assert.Contains("takes 12", e.Message);
        Assert.Contains("wider", e.Message);
    }

    /// <summary>Principle 6: a dataset whose labels the 10-class network cannot score is a boundary error with
    /// the values in the message, not an IndexOutOfRangeException from inside the softmax.</summary>
    [Fact]
    public void Evaluate_DatasetWithMoreClasses_IsRejectedNamingBothCounts()
    {
        using var trainer = new Trainer(Tiny, TinySettings);
        var twelve = TestData.Synthetic("twelve-classes", 40, 12, seed: 2, classes: 12);
        Assert.Contains(twelve.Labels.ToArray(), y => y >= 10);
        var e = Record.Exception(() => trainer.Evaluate(twelve));
        Assert.True(e is ArgumentException, $"expected an ArgumentException naming 12 and 10 classes, got {e?.GetType().Name ?? "no exception"}: {e?.Message}");
        Assert.Contains("12", e!.Message);
        Assert.Contains("10", e.Message);
    }

    [Fact]
    public void Evaluate_ShortPredictionsBuffer_IsRejectedNamingBothLengths()
    {
        using var trainer = new Trainer(Tiny, TinySettings);
        var e = Assert.Throws<ArgumentException>(() => trainer.Evaluate(Tiny, new byte[19]));
        Assert.Contains("19", e.Message);
        Assert.Contains("20", e.Message);
    }

    /// <summary>One generator, seeded from the settings, draws W1, b1, W2, b2 in that order in the paper's
    /// orientation (the paper preset QR-initialises biases); the textbook preset skips the bias draws and leaves 0.</summary>
    [Fact]
    public void Constructor_InitialisesW1B1W2B2InTurnFromTheSeed()
    {
        NetworkParameters paper, textbook;
        using (var t = new Trainer(Tiny, TinySettings with { Seed = 42 })) paper = t.GetParameters();
        using (var t = new Trainer(Tiny, TinySettings with { Seed = 42, Preset = TrainingPreset.Textbook })) textbook = t.GetParameters();
        var rng = new Random(42);
        Approx.BitEqual(ToFloat(OrthogonalInit.Matrix(12, 7, rng)), paper.W1, "paper W1");
        Approx.BitEqual(ToFloat(OrthogonalInit.Matrix(1, 7, rng)), paper.B1, "paper b1");
        Approx.BitEqual(ToFloat(OrthogonalInit.Matrix(7, 10, rng)), paper.W2, "paper W2");
        Approx.BitEqual(ToFloat(OrthogonalInit.Matrix(1, 10, rng)), paper.B2, "paper b2");

        rng = new Random(42);
        Approx.BitEqual(ToFloat(OrthogonalInit.Matrix(12, 7, rng)), textbook.W1, "textbook W1");
        Approx.BitEqual(ToFloat(OrthogonalInit.Matrix(7, 10, rng)), textbook.W2, "textbook W2");
        Approx.BitEqual(new float[7], textbook.B1, "textbook b1");
        Approx.BitEqual(new float[10], textbook.B2, "textbook b2");

        static float[] ToFloat(double[] v) => v.Select(x => (float)x).ToArray();
    }

    [Fact]
    public void SetParameters_ThenGetParameters_RoundTripsBitForBit()
    {
        var rng = new Random(9);
        var p = new NetworkParameters(new NetworkShape(12, 7), KernelData.Normal(rng, 84, 1), KernelData.Normal(rng, 7, 1),
            KernelData.Normal(rng, 70, 1), KernelData.Normal(rng, 10, 1));
        using var trainer = new Trainer(Tiny, TinySettings);
        trainer.SetParameters(p);
        var back = trainer.GetParameters();
        Approx.BitEqual(p.W1, back.W1, "W1");
        Approx.BitEqual(p.B1, back.B1, "b1");
        Approx.BitEqual(p.W2, back.W2, "W2");
        Approx.BitEqual(p.B2, back.B2, "b2");
    }

    [Fact]
    public void SetParameters_OfAnotherShape_IsRejectedNamingBothShapes()
    {
        using var trainer = new Trainer(Tiny, TinySettings);
        var other = new NetworkParameters(new NetworkShape(12, 8), new float[96], new float[8], new float[80], new float[10]);
        var e = Assert.Throws<ArgumentException>(() => trainer.SetParameters(other));
        Assert.Contains("Hidden = 8", e.Message);
        Assert.Contains("Hidden = 7", e.Message);
    }

    /// <summary>With several threads the step is split by rows, classes, inputs and parameters; only W1's
    /// gradient sums its per-thread slices in another order, so b1, W2 and b2 are bit-identical to one thread's
    /// and W1 agrees within float rounding. 3 threads on a batch of 20 also gives one member a tiny slice.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Threads_SplitTheStepWithoutChangingTheGradient(int threads)
    {
        var one = FirstStepGradient(threads: 1);
        var many = FirstStepGradient(threads);
        var layout = new ParameterLayout(new NetworkShape(12, 7));
        Approx.Equal(layout.W1(one), layout.W1(many), 1e-5, 1e-6, $"W1 gradient, {threads} threads vs 1");
        Approx.BitEqual(layout.B1(one), layout.B1(many), $"b1 gradient, {threads} threads vs 1");
        Approx.BitEqual(layout.W2T(one), layout.W2T(many), $"W2 gradient, {threads} threads vs 1");
        Approx.BitEqual(layout.B2(one), layout.B2(many), $"b2 gradient, {threads} threads vs 1");

        static float[] FirstStepGradient(int threads)
        {
            using var trainer = new Trainer(Tiny, TinySettings with { BatchSize = 20, Threads = threads });
            trainer.TrainEpoch();
            return trainer.LastGradient();
        }
    }

    /// <summary>"A given thread count is deterministic too": two trainers with the same seed and 3 threads
    /// (batches of 6, 6, 6, 2: the last leaves one member without rows) end bit-identical.</summary>
    [Fact]
    public void SameSeedAndThreadCount_GiveBitIdenticalParameters()
    {
        var settings = TinySettings with { BatchSize = 6, Threads = 3 };
        Approx.BitEqual(Train(settings), Train(settings), "parameters after 3 epochs with 3 threads, same seed");

        static float[] Train(TrainingSettings settings)
        {
            using var trainer = new Trainer(Tiny, settings);
            for (int e = 0; e < 3; e++) trainer.TrainEpoch();
            var p = trainer.GetParameters();
            return [.. p.W1, .. p.B1, .. p.W2, .. p.B2];
        }
    }

    [Fact]
    public void TrainEpoch_VisitsEveryRowOnce_KeepingThePartialLastBatch()
    {
        // a learning rate too small to move any weight: every batch's loss, taken before its update, is then the
        // loss of the initial network on its rows, so the epoch's sum equals a full pass exactly when each of the
        // 20 rows is seen once (batches of 6, 6, 6 and the partial 2)
        using var trainer = new Trainer(Tiny, TinySettings with { BatchSize = 6, LearningRate = 1e-30f });
        var before = trainer.Evaluate(Tiny);
        var totals = trainer.TrainEpoch();
        Assert.Equal(20, totals.Count);
        Assert.Equal(before.Loss * 20, totals.LossSum, 4);
        Assert.Equal(before.Accuracy * 20, totals.Correct, 6);
        Assert.Equal(1, trainer.EpochsCompleted);
    }
}
