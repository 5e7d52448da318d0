using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ResearchKit.Kernels;

/// <summary>
/// The output layer, <c>logits = a·wᵀ + b</c>, with w stored transposed as [classes × hidden] so that
/// every product runs along the hidden dimension (10 classes are too few to vectorise over).
/// Shapes: a [batch × hidden], wT [classes × hidden], b [classes], logits [batch × classes].
/// </summary>
public static class OutputLayer
{
    /// <summary>logits[i, c] = b[c] + a[i, :] · wT[c, :] (overwrites logits).</summary>
    public static void Forward(ReadOnlySpan<float> a, int batch, int hidden, ReadOnlySpan<float> wT, ReadOnlySpan<float> b,
        int classes, Span<float> logits)
    {
        Check.Length(a.Length, (long)batch * hidden, nameof(a), "batch*hidden");
        Check.Length(wT.Length, (long)classes * hidden, nameof(wT), "classes*hidden");
        Check.Length(b.Length, classes, nameof(b), "classes");
        Check.Length(logits.Length, (long)batch * classes, nameof(logits), "batch*classes");
        for (int i = 0; i < batch; i++)
        {
            var ai = a.Slice(i * hidden, hidden);
            for (int c = 0; c < classes; c++)
                logits[i * classes + c] = b[c] + TensorPrimitives.Dot(ai, wT.Slice(c * hidden, hidden));
        }
    }

    /// <summary>
    /// Backward through the output layer and the hidden ReLU, from dlogits [batch × classes]:
    /// <see cref="WeightGradient"/> for every class, then <see cref="HiddenGradient"/> for every row.
    /// <paramref name="scale"/> is 1 for the true gradient; the paper's code applied an extra 1/N here.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> a, ReadOnlySpan<float> dlogits, int batch, int hidden,
        ReadOnlySpan<float> wT, int classes, float scale, Span<float> dwT, Span<float> db, Span<float> dz)
    {
        WeightGradient(a, dlogits, batch, hidden, classes, 0, classes, scale, dwT, db);
        HiddenGradient(dlogits, batch, a, hidden, wT, classes, dz);
    }

    /// <summary>dwT[c, :] = scale · Σ_i dlogits[i, c] · a[i, :] and db[c] = scale · Σ_i dlogits[i, c] for c in
    /// [classStart, classEnd) (both overwrite those rows only, so threads can split the classes).</summary>
    public static void WeightGradient(ReadOnlySpan<float> a, ReadOnlySpan<float> dlogits, int batch, int hidden, int classes,
        int classStart, int classEnd, float scale, Span<float> dwT, Span<float> db)
    {
        Check.Length(a.Length, (long)batch * hidden, nameof(a), "batch*hidden");
        Check.Length(dlogits.Length, (long)batch * classes, nameof(dlogits), "batch*classes");
        Check.Length(dwT.Length, (long)classes * hidden, nameof(dwT), "classes*hidden");
        Check.Length(db.Length, classes, nameof(db), "classes");
        if (classStart < 0 || classEnd > classes || classStart > classEnd)
            throw new ArgumentOutOfRangeException(nameof(classStart), $"class range [{classStart}, {classEnd}) is outside [0, {classes})");
        for (int c = classStart; c < classEnd; c++)
        {
            var dwc = dwT.Slice(c * hidden, hidden);
            dwc.Clear();
            float sum = 0f;
            for (int i = 0; i < batch; i++)
            {
                float g = dlogits[i * classes + c];
                sum += g;
                if (g != 0f) TensorPrimitives.MultiplyAdd(a.Slice(i * hidden, hidden), g, dwc, dwc);
            }
            if (scale != 1f) TensorPrimitives.Multiply(dwc, scale, dwc);
            db[c] = scale * sum;
        }
    }

    /// <summary>dz[i, :] = (Σ_c dlogits[i, c] · wT[c, :]) ⊙ [a[i, :] &gt; 0] for each of the batch rows (overwrites):
    /// the gradient at the hidden pre-activation, which the input layer's backward needs.</summary>
    public static void HiddenGradient(ReadOnlySpan<float> dlogits, int batch, ReadOnlySpan<float> a, int hidden,
        ReadOnlySpan<float> wT, int classes, Span<float> dz)
    {
        Check.Length(a.Length, (long)batch * hidden, nameof(a), "batch*hidden");
        Check.Length(dlogits.Length, (long)batch * classes, nameof(dlogits), "batch*classes");
        Check.Length(wT.Length, (long)classes * hidden, nameof(wT), "classes*hidden");
        Check.Length(dz.Length, (long)batch * hidden, nameof(dz), "batch*hidden");
        for (int i = 0; i < batch; i++)
        {
            var dzi = dz.Slice(i * hidden, hidden);
            dzi.Clear();
            for (int c = 0; c < classes; c++)
                TensorPrimitives.MultiplyAdd(wT.Slice(c * hidden, hidden), dlogits[i * classes + c], dzi, dzi);
            ReluMask(a.Slice(i * hidden, hidden), dzi);
        }
    }

    /// <summary>dz[j] = 0 where a[j] ≤ 0: ReLU passes gradient only where it was active.</summary>
    internal static void ReluMask(ReadOnlySpan<float> a, Span<float> dz)
    {
        int n = a.Length, j = 0;
        ref float aRef = ref Unsafe.AsRef(in a[0]);
        ref float dRef = ref dz[0];
        if (Vector256.IsHardwareAccelerated)
            for (; j + 8 <= n; j += 8)
            {
                var active = Vector256.GreaterThan(Vector256.LoadUnsafe(ref aRef, (nuint)j), Vector256<float>.Zero);
                (Vector256.LoadUnsafe(ref dRef, (nuint)j) & active).StoreUnsafe(ref dRef, (nuint)j);
            }
        for (; j < n; j++)
            if (!(Unsafe.Add(ref aRef, j) > 0f)) Unsafe.Add(ref dRef, j) = 0f;
    }
}
