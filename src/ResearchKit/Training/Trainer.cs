using ResearchKit.Kernels;

namespace ResearchKit;

/// <summary>
/// The hot path of one run: every buffer is allocated here, once; <see cref="TrainEpoch"/> and
/// <see cref="Evaluate"/> allocate nothing. A step reads like the paper's Appendix:
/// next batch → forward → loss → backward → Adam. Timing, logging and stopping live in <see cref="TrainingRun"/>.
/// With <see cref="TrainingSettings.Threads"/> &gt; 1 a fixed team of threads shares each step in two
/// fork–joins: (1) each member's slice of the batch rows: the transpose of its rows, forward, loss, hidden
/// gradient; (2) the gradients of the parameters each member owns — W2ᵀ and b2 by class, W1 by input — and
/// Adam on them. One thread is bit-reproducible; a given thread count is deterministic too (only W1's
/// gradient sums in a different order across member slices).
/// </summary>
public sealed class Trainer : IDisposable
{
    /// <summary>Rows per evaluation chunk: big enough to amortise the calls, small enough for L2.</summary>
    private const int EvalChunk = 256;

    private readonly Dataset train;
    private readonly TrainingSettings settings;
    private readonly ParameterLayout layout;
    private readonly Random random;
    private readonly bool skipZeroInputs;
    private readonly WorkerTeam team;
    private readonly int members;

    // one allocation per kind of memory, with named views through `layout`
    private readonly float[] parameters, gradients, adamM, adamV;
    private readonly float[] hidden, logits, dlogits, dhidden;   // [batch × …], rows split among members
    private readonly int[] order;                               // the training order, reshuffled in place each epoch
    private readonly InputLayerWorkspace[] workspaces;          // one per member
    private readonly float[][] evalHidden, evalLogits;          // [EvalChunk × …] per member
    private readonly int[][] evalRows;
    private readonly double[] memberLoss;                        // per member, padded against false sharing
    private readonly long[] memberCorrect;
    private const int Pad = 8;
    private long step;

    // the step in flight, read by the phases
    private int batchStart, batchCount;
    private Dataset? evalData;
    private byte[]? evalPredictions;
    private readonly Action<int> forwardPhase, gradientPhase, evaluatePhase;

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
        members = settings.Threads;

        parameters = new float[layout.Total];
        gradients = new float[layout.Total];
        adamM = new float[layout.Total];
        adamV = new float[layout.Total];
        hidden = new float[settings.BatchSize * Shape.Hidden];
        dhidden = new float[settings.BatchSize * Shape.Hidden];
        logits = new float[settings.BatchSize * Shape.Classes];
        dlogits = new float[settings.BatchSize * Shape.Classes];
        order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        int slice = (settings.BatchSize + members - 1) / members;
        workspaces = new InputLayerWorkspace[members];
        for (int m = 0; m < members; m++) workspaces[m] = InputLayerWorkspace.For(train, slice, dense: !skipZeroInputs);
        evalHidden = new float[members][];
        evalLogits = new float[members][];
        evalRows = new int[members][];
        for (int m = 0; m < members; m++)
        {
            evalHidden[m] = new float[EvalChunk * Shape.Hidden];
            evalLogits[m] = new float[EvalChunk * Shape.Classes];
            evalRows[m] = new int[EvalChunk];
        }
        memberLoss = new double[members * Pad];
        memberCorrect = new long[members * Pad];
        forwardPhase = ForwardPhase;
        gradientPhase = GradientPhase;
        evaluatePhase = EvaluatePhase;

        // one seed drives initialisation and then shuffling, as in the paper's code
        random = new Random(settings.Seed);
        Initialise();
        team = new WorkerTeam(members);
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

    /// <summary>The gradient of the last step, in the flat layout W1, b1, W2ᵀ, b2 (a copy).</summary>
    internal float[] LastGradient() => (float[])gradients.Clone();

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
            lossSum += Step(start, Math.Min(settings.BatchSize, order.Length - start), out int batchCorrect);
            correct += batchCorrect;
        }
        EpochsCompleted++;
        return new OnlineTotals(lossSum, correct, order.Length);
    }

    /// <summary>One mini-batch step on order[start .. start+count); returns the batch's summed loss before the update.</summary>
    private double Step(int start, int count, out int correct)
    {
        (batchStart, batchCount) = (start, count);
        team.Run(forwardPhase);     // forward → loss → δ at the hidden layer, per member's rows
        step++;                     // Adam's t, from 1, one counter for every parameter
        team.Run(gradientPhase);    // ∇ and Adam: W2, b2 by class; W1 by input; b1
        double loss = 0;
        long hits = 0;
        for (int m = 0; m < members; m++) { loss += memberLoss[m * Pad]; hits += memberCorrect[m * Pad]; }
        correct = (int)hits;
        return loss;
    }

    private static (int Start, int End) Slice(int count, int member, int members) =>
        ((int)((long)count * member / members), (int)((long)count * (member + 1) / members));

    private void ForwardPhase(int member)
    {
        var (r0, r1) = Slice(batchCount, member, members);
        var rows = order.AsSpan(batchStart + r0, r1 - r0);
        int n = rows.Length, h = Shape.Hidden, classes = Shape.Classes;
        var x = skipZeroInputs ? default : train.Pixels.Span;   // the sparse path never needs the dense buffer
        var index = train.NonzeroIndex;
        var ws = workspaces[member];
        // the member's rows sorted by pixel: read by this forward and by W1's gradient in the next phase
        if (skipZeroInputs) InputLayer.TransposeBatch(x, index.RowStarts, index.Columns, index.Values, rows, Shape.Inputs, r0, ws);
        else InputLayer.TransposeBatch(x, default, default, default, rows, Shape.Inputs, r0, ws);
        InputLayer.ForwardReluTransposed(ws, r0, n, Shape.Inputs, layout.W1(parameters), layout.B1(parameters), h, hidden);
        var a = hidden.AsSpan(r0 * h, n * h);
        var z = logits.AsSpan(r0 * classes, n * classes);
        OutputLayer.Forward(a, n, h, layout.W2T(parameters), layout.B2(parameters), classes, z);
        // δ_out = (ŷ − y)/N: the gradient of the mean loss with respect to the logits
        var dl = dlogits.AsSpan(r0 * classes, n * classes);
        memberLoss[member * Pad] = SoftmaxCrossEntropy.Forward(z, train.Labels.Span, rows, classes, 1f / batchCount, dl, out int c);
        memberCorrect[member * Pad] = c;
        OutputLayer.HiddenGradient(dl, n, a, h, layout.W2T(parameters), classes, dhidden.AsSpan(r0 * h, n * h));
    }

    // Each member owns W1's rows [k0, k1), W2ᵀ's and b2's classes [c0, c1) and (member 0) b1: it computes their
    // gradients and applies Adam to them at once, while they are in cache. No phase reads a parameter another
    // member is updating here (the gradients need activations only), so no third fork–join is needed.
    private void GradientPhase(int member)
    {
        int n = batchCount, h = Shape.Hidden, classes = Shape.Classes;
        // the paper's code divided the output layer's gradients by N once more
        float outputScale = settings.Preset.OutputGradientExtraMean ? 1f / n : 1f;
        var (c0, c1) = Slice(classes, member, members);
        OutputLayer.WeightGradient(hidden.AsSpan(0, n * h), dlogits.AsSpan(0, n * classes), n, h, classes, c0, c1, outputScale,
            layout.W2T(gradients), layout.B2(gradients));
        var (k0, k1) = Slice(Shape.Inputs, member, members);
        InputLayer.WeightGradientRows(workspaces, dhidden.AsSpan(0, n * h), h, k0, k1, layout.W1(gradients));
        if (member == 0) ColumnSums.Sum(dhidden.AsSpan(0, n * h), n, h, layout.B1(gradients));

        AdamOn(layout.W1Offset + k0 * h, (k1 - k0) * h);
        AdamOn(layout.W2TOffset + c0 * h, (c1 - c0) * h);
        AdamOn(layout.B2Offset + c0, c1 - c0);
        if (member == 0) AdamOn(layout.B1Offset, h);
    }

    private void AdamOn(int start, int length)
    {
        var p = settings.Preset;
        Adam.Step(parameters.AsSpan(start, length), gradients.AsSpan(start, length), adamM.AsSpan(start, length),
            adamV.AsSpan(start, length), settings.LearningRate, p.Beta1, p.Beta2, p.Epsilon,
            p.EpsilonPlacement == EpsilonPlacement.InsideRoot, step);
    }

    /// <summary>Mean loss and accuracy over a whole split; writes each row's predicted class when
    /// <paramref name="predictions"/> is given. Allocates nothing.</summary>
    public Evaluation Evaluate(Dataset data, byte[]? predictions = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features != Shape.Inputs)
            throw new ArgumentException($"dataset '{data.Name}' has {data.Features} features, the network takes {Shape.Inputs}", nameof(data));
        if (data.Classes > Shape.Classes)
            throw new ArgumentException($"dataset '{data.Name}' has {data.Classes} classes, the network predicts {Shape.Classes}", nameof(data));
        if (predictions is not null && predictions.Length < data.Count)
            throw new ArgumentException($"predictions.Length ({predictions.Length}) < rows ({data.Count})", nameof(predictions));
        _ = data.NonzeroIndex;
        (evalData, evalPredictions) = (data, predictions);
        team.Run(evaluatePhase);
        (evalData, evalPredictions) = (null, null);
        double loss = 0;
        long correct = 0;
        for (int m = 0; m < members; m++) { loss += memberLoss[m * Pad]; correct += memberCorrect[m * Pad]; }
        return new Evaluation(loss / data.Count, (double)correct / data.Count);
    }

    // Member m takes chunks m, m + members, m + 2·members, …
    private void EvaluatePhase(int member)
    {
        var data = evalData!;
        var x = skipZeroInputs ? default : data.Pixels.Span;
        var index = data.NonzeroIndex;
        double loss = 0;
        long correct = 0;
        for (int start = member * EvalChunk; start < data.Count; start += members * EvalChunk)
        {
            int n = Math.Min(EvalChunk, data.Count - start);
            var rows = evalRows[member].AsSpan(0, n);
            for (int i = 0; i < n; i++) rows[i] = start + i;
            Forward(x, index, rows, evalHidden[member], evalLogits[member], workspaces[member]);
            loss += SoftmaxCrossEntropy.Evaluate(evalLogits[member], data.Labels.Span, start, n, Shape.Classes,
                evalPredictions, out int c);
            correct += c;
        }
        memberLoss[member * Pad] = loss;
        memberCorrect[member * Pad] = correct;
    }

    private void Forward(ReadOnlySpan<float> x, SparseRows index, ReadOnlySpan<int> rows, Span<float> a, Span<float> z,
        InputLayerWorkspace workspace)
    {
        int n = rows.Length;
        if (skipZeroInputs)
            InputLayer.ForwardRelu(x, index.RowStarts, index.Columns, index.Values, rows, Shape.Inputs,
                layout.W1(parameters), layout.B1(parameters), Shape.Hidden, a, workspace);
        else
            InputLayer.ForwardReluDense(x, rows, Shape.Inputs, layout.W1(parameters), layout.B1(parameters), Shape.Hidden, a, workspace);
        OutputLayer.Forward(a, n, Shape.Hidden, layout.W2T(parameters), layout.B2(parameters), Shape.Classes, z);
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

    /// <summary>Stops the step threads (none with one thread).</summary>
    public void Dispose() => team.Dispose();
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
