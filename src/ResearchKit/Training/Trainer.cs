using ResearchKit.Kernels;

namespace ResearchKit;

/// <summary>
/// The hot path of one run: every buffer is allocated here, once; <see cref="TrainEpoch"/> and
/// <see cref="Evaluate"/> allocate nothing. A step reads like the paper's Appendix:
/// next batch → forward → loss → backward → Adam. Timing, logging and stopping live in <see cref="TrainingRun"/>.
/// </summary>
public sealed class Trainer
{
    /// <summary>Rows per evaluation chunk: big enough to amortise the calls, small enough for L2.</summary>
    private const int EvalChunk = 256;

    private readonly Dataset train;
    private readonly TrainingSettings settings;
    private readonly ParameterLayout layout;
    private readonly Random random;
    private readonly bool skipZeroInputs;

    // one allocation per kind of memory, with named views through `layout`
    private readonly float[] parameters, gradients, adamM, adamV;
    private readonly float[] hidden, logits, dlogits, dhidden;   // [max(batch, EvalChunk) × …]
    private readonly int[] order;                               // the training order, reshuffled in place each epoch
    private readonly int[] evalRows;                            // 0, 1, 2, … for evaluation chunks
    private long step;

    public NetworkShape Shape { get; }
    public TrainingSettings Settings => settings;
    public int EpochsCompleted { get; private set; }

    /// <summary>Builds a trainer for <paramref name="train"/>, initialising the network from the settings' seed.</summary>
    /// <param name="skipZeroInputs">Walk only nonzero input pixels (exact; the default). False runs the dense
    /// product, for measuring what the sparsity saves.</param>
    public Trainer(Dataset train, TrainingSettings settings, bool skipZeroInputs = true)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(train.Count);
        this.train = train;
        this.settings = settings;
        this.skipZeroInputs = skipZeroInputs;
        Shape = new NetworkShape(train.Features, settings.HiddenUnits, train.Classes);
        Shape.Validate();
        layout = new ParameterLayout(Shape);

        parameters = new float[layout.Total];
        gradients = new float[layout.Total];
        adamM = new float[layout.Total];
        adamV = new float[layout.Total];
        int rowsPerCall = Math.Max(settings.BatchSize, EvalChunk);
        hidden = new float[rowsPerCall * Shape.Hidden];
        dhidden = new float[rowsPerCall * Shape.Hidden];
        logits = new float[rowsPerCall * Shape.Classes];
        dlogits = new float[rowsPerCall * Shape.Classes];
        order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        evalRows = new int[EvalChunk];

        // one seed drives initialisation and then shuffling, as in the paper's code
        random = new Random(settings.Seed);
        Initialise();
        _ = train.NonzeroIndex;   // build the sparse index now, not inside the first timed epoch
    }

    /// <summary>A copy of the parameters in the paper's orientation: W1 [inputs × hidden], b1, W2 [hidden × classes], b2.</summary>
    public NetworkParameters GetParameters()
    {
        var w2 = new float[Shape.Hidden * Shape.Classes];
        var w2t = layout.W2T(parameters);
        for (int j = 0; j < Shape.Hidden; j++)
            for (int c = 0; c < Shape.Classes; c++) w2[j * Shape.Classes + c] = w2t[c * Shape.Hidden + j];
        return new NetworkParameters(Shape, layout.W1(parameters).ToArray(), layout.B1(parameters).ToArray(), w2, layout.B2(parameters).ToArray());
    }

    /// <summary>Replaces the parameters (paper orientation) and resets Adam; for gradient checks and warm starts.</summary>
    public void SetParameters(NetworkParameters p)
    {
        if (p.Shape != Shape) throw new ArgumentException($"parameters are for {p.Shape}, the trainer is {Shape}", nameof(p));
        p.W1.CopyTo(layout.W1(parameters));
        p.B1.CopyTo(layout.B1(parameters));
        var w2t = layout.W2T(parameters);
        for (int j = 0; j < Shape.Hidden; j++)
            for (int c = 0; c < Shape.Classes; c++) w2t[c * Shape.Hidden + j] = p.W2[j * Shape.Classes + c];
        p.B2.CopyTo(layout.B2(parameters));
        Array.Clear(adamM); Array.Clear(adamV); step = 0;
    }

    /// <summary>
    /// One epoch: reshuffle the order in place (cumulatively, as the paper's code), then one step per
    /// mini-batch, the last partial batch kept. Returns the online totals: Σ loss and Σ correct of each batch
    /// before its update.
    /// </summary>
    public OnlineTotals TrainEpoch()
    {
        random.Shuffle(order);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < order.Length; start += settings.BatchSize)
        {
            int n = Math.Min(settings.BatchSize, order.Length - start);
            lossSum += Step(order.AsSpan(start, n), out int batchCorrect);
            correct += batchCorrect;
        }
        EpochsCompleted++;
        return new OnlineTotals(lossSum, correct, order.Length);
    }

    /// <summary>One mini-batch step on the given training rows; returns the batch's summed loss before the update.</summary>
    public double Step(ReadOnlySpan<int> rows, out int correct)
    {
        int n = rows.Length;
        var x = train.Pixels.Span;
        var index = train.NonzeroIndex;
        int inputs = Shape.Inputs, h = Shape.Hidden, classes = Shape.Classes;

        Forward(x, index, rows, hidden);
        // δ_out = (ŷ − y)/N: the gradient of the mean loss with respect to the logits
        double loss = SoftmaxCrossEntropy.Forward(logits, train.Labels.Span, rows, classes, 1f / n, dlogits, out correct);
        float outputScale = settings.Preset.OutputGradientExtraMean ? 1f / n : 1f;
        OutputLayer.Backward(hidden, dlogits, n, h, layout.W2T(parameters), classes, outputScale,
            layout.W2T(gradients), layout.B2(gradients), dhidden);
        if (skipZeroInputs)
            InputLayer.Backward(x, index.RowStarts, index.Columns, rows, inputs, dhidden, h, layout.W1(gradients), layout.B1(gradients));
        else
            InputLayer.BackwardDense(x, rows, inputs, dhidden, h, layout.W1(gradients), layout.B1(gradients));

        var p = settings.Preset;
        Adam.Step(parameters, gradients, adamM, adamV, settings.LearningRate, p.Beta1, p.Beta2, p.Epsilon,
            p.EpsilonPlacement == EpsilonPlacement.InsideRoot, ++step);
        return loss;
    }

    /// <summary>Mean loss and accuracy over a whole split; writes each row's predicted class when
    /// <paramref name="predictions"/> is not empty. Allocates nothing.</summary>
    public Evaluation Evaluate(Dataset data, Span<byte> predictions = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features != Shape.Inputs)
            throw new ArgumentException($"dataset '{data.Name}' has {data.Features} features, the network takes {Shape.Inputs}", nameof(data));
        if (!predictions.IsEmpty && predictions.Length < data.Count)
            throw new ArgumentException($"predictions.Length ({predictions.Length}) < rows ({data.Count})", nameof(predictions));
        var x = data.Pixels.Span;
        var index = data.NonzeroIndex;
        double loss = 0;
        long correct = 0;
        for (int start = 0; start < data.Count; start += EvalChunk)
        {
            int n = Math.Min(EvalChunk, data.Count - start);
            var rows = evalRows.AsSpan(0, n);
            for (int i = 0; i < n; i++) rows[i] = start + i;
            Forward(x, index, rows, hidden);
            loss += SoftmaxCrossEntropy.Evaluate(logits, data.Labels.Span, start, n, Shape.Classes, predictions, out int c);
            correct += c;
        }
        return new Evaluation(loss / data.Count, (double)correct / data.Count);
    }

    private void Forward(ReadOnlySpan<float> x, SparseRows index, ReadOnlySpan<int> rows, Span<float> a)
    {
        int n = rows.Length;
        if (skipZeroInputs)
            InputLayer.ForwardRelu(x, index.RowStarts, index.Columns, rows, Shape.Inputs,
                layout.W1(parameters), layout.B1(parameters), Shape.Hidden, a);
        else
            InputLayer.ForwardReluDense(x, rows, Shape.Inputs, layout.W1(parameters), layout.B1(parameters), Shape.Hidden, a);
        OutputLayer.Forward(a, n, Shape.Hidden, layout.W2T(parameters), layout.B2(parameters), Shape.Classes, logits);
    }

    // W1, b1, W2, b2 in that order from one generator, each QR-initialised in the paper's orientation.
    private void Initialise()
    {
        int d = Shape.Inputs, h = Shape.Hidden, c = Shape.Classes;
        bool qrBiases = settings.Preset.BiasInit == BiasInit.Orthogonal;
        Fill(layout.W1(parameters), OrthogonalInit.Matrix(d, h, random));
        if (qrBiases) Fill(layout.B1(parameters), OrthogonalInit.Matrix(1, h, random));
        var w2 = OrthogonalInit.Matrix(h, c, random);
        var w2t = layout.W2T(parameters);
        for (int j = 0; j < h; j++)
            for (int k = 0; k < c; k++) w2t[k * h + j] = (float)w2[j * c + k];
        if (qrBiases) Fill(layout.B2(parameters), OrthogonalInit.Matrix(1, c, random));

        static void Fill(Span<float> dst, double[] src)
        {
            for (int i = 0; i < src.Length; i++) dst[i] = (float)src[i];
        }
    }
}

/// <summary>Σ loss and Σ correct over an epoch's batches, each taken before its update.</summary>
public readonly record struct OnlineTotals(double LossSum, long Correct, int Count)
{
    public double MeanLoss => LossSum / Count;
    public double Accuracy => (double)Correct / Count;
}

/// <summary>Mean cross-entropy and accuracy over a split.</summary>
public readonly record struct Evaluation(double Loss, double Accuracy);

/// <summary>The network's tensors in the paper's orientation (row-major).</summary>
public sealed record NetworkParameters(NetworkShape Shape, float[] W1, float[] B1, float[] W2, float[] B2);
