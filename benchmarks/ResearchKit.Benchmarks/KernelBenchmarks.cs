using BenchmarkDotNet.Attributes;
using ResearchKit;
using ResearchKit.Kernels;

namespace ResearchKit.Benchmarks;

/// <summary>Each fast kernel beside its reference twin on one MNIST batch (H = 100).</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Hidden = 100, Classes = 10;
    private Dataset train = null!;
    private int[] rows = null!;
    private float[] w1 = null!, b1 = null!, w2t = null!, b2 = null!, a = null!, dz = null!, dw1 = null!, db1 = null!, logits = null!;
    private float[] p = null!, g = null!, m = null!, v = null!;
    private InputLayerWorkspace workspace = null!;

    [Params(64, 256)] public int Batch;

    [GlobalSetup]
    public void Setup()
    {
        train = DataSplits.Mnist().Train;
        var random = new Random(1);
        rows = Enumerable.Range(0, Batch).Select(_ => random.Next(train.Count)).ToArray();
        float R() => (float)(random.NextDouble() - 0.5) * 0.1f;
        w1 = Enumerable.Range(0, train.Features * Hidden).Select(_ => R()).ToArray();
        b1 = new float[Hidden]; w2t = Enumerable.Range(0, Classes * Hidden).Select(_ => R()).ToArray(); b2 = new float[Classes];
        a = new float[Batch * Hidden]; dz = Enumerable.Range(0, Batch * Hidden).Select(_ => R()).ToArray();
        dw1 = new float[train.Features * Hidden]; db1 = new float[Hidden]; logits = new float[Batch * Classes];
        int n = w1.Length;
        p = new float[n]; g = w1.ToArray(); m = new float[n]; v = new float[n];
        workspace = InputLayerWorkspace.For(train, Batch);
    }

    [Benchmark] public void InputForward() => InputLayer.ForwardRelu(train.Pixels.Span, train.NonzeroIndex.RowStarts, train.NonzeroIndex.Columns, train.NonzeroIndex.Values, rows, train.Features, w1, b1, Hidden, a, workspace);
    [Benchmark] public void InputForwardDense() => InputLayer.ForwardReluDense(train.Pixels.Span, rows, train.Features, w1, b1, Hidden, a, workspace);
    [Benchmark] public void InputForwardReference() => InputLayerReference.ForwardRelu(train.Pixels.Span, train.NonzeroIndex.RowStarts, train.NonzeroIndex.Columns, train.NonzeroIndex.Values, rows, train.Features, w1, b1, Hidden, a);
    [Benchmark] public void InputBackward() => InputLayer.Backward(train.Pixels.Span, train.NonzeroIndex.RowStarts, train.NonzeroIndex.Columns, train.NonzeroIndex.Values, rows, train.Features, dz, Hidden, dw1, db1, workspace);
    [Benchmark] public void InputBackwardReference() => InputLayerReference.Backward(train.Pixels.Span, train.NonzeroIndex.RowStarts, train.NonzeroIndex.Columns, train.NonzeroIndex.Values, rows, train.Features, dz, Hidden, dw1, db1);
    [Benchmark] public void OutputForward() => OutputLayer.Forward(a, Batch, Hidden, w2t, b2, Classes, logits);
    [Benchmark] public void OutputForwardReference() => OutputLayerReference.Forward(a, Batch, Hidden, w2t, b2, Classes, logits);
    [Benchmark] public void AdamW1() => Adam.Step(p, g, m, v, 0.01f, 0.9f, 0.999f, 1e-8f, false, 10);
    [Benchmark] public void AdamW1Reference() => AdamReference.Step(p, g, m, v, 0.01f, 0.9f, 0.999f, 1e-8f, false, 10);
}
