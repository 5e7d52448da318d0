using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ResearchKit.Kernels;

/// <summary>
/// One Adam step (the paper's equation 2) over a flat parameter buffer, fused into one pass:
/// m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  m̂ = m / (1−β1^t);  v̂ = v / (1−β2^t);
/// θ ← θ − α·m̂ / (√v̂ + ε)   (ε outside the root: Kingma &amp; Ba, and the paper's code), or
/// θ ← θ − α·m̂ / √(v̂ + ε)   (ε inside: equation 2 as printed).
/// Computed as θ ← θ − (α / (1−β1^t))·m / (√(v·(1/(1−β2^t))) + ε): the same quantity with the two bias
/// corrections folded into scalars, which leaves one division and one root per element.
/// The vector path does the same float operations in the same order as the scalar twin, without FMA
/// contraction, so both give bit-identical results.
/// </summary>
public static class Adam
{
    public static void Step(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> m, Span<float> v,
        float learningRate, float beta1, float beta2, float epsilon, bool epsilonInsideRoot, long step)
    {
        int n = parameters.Length;
        Check.Length(gradients.Length, n, nameof(gradients), "parameters");
        Check.Length(m.Length, n, nameof(m), "parameters");
        Check.Length(v.Length, n, nameof(v), "parameters");
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "Adam's step counter starts at t = 1");
        if (n == 0) return;
        // bias corrections in double: β^t for t in the hundreds of thousands is far below float's resolution of 1
        float stepSize = (float)(learningRate / (1.0 - Math.Pow(beta1, step)));
        float invC2 = (float)(1.0 / (1.0 - Math.Pow(beta2, step)));
        float ob1 = 1f - beta1, ob2 = 1f - beta2;

        ref float p = ref parameters[0];
        ref float g = ref Unsafe.AsRef(in gradients[0]);
        ref float mr = ref m[0];
        ref float vr = ref v[0];
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vb1 = Vector256.Create(beta1); var vb2 = Vector256.Create(beta2);
            var vob1 = Vector256.Create(ob1); var vob2 = Vector256.Create(ob2);
            var vstep = Vector256.Create(stepSize); var vinv2 = Vector256.Create(invC2);
            var veps = Vector256.Create(epsilon);
            for (; i + 8 <= n; i += 8)
            {
                var gi = Vector256.LoadUnsafe(ref g, (nuint)i);
                var mi = vb1 * Vector256.LoadUnsafe(ref mr, (nuint)i) + vob1 * gi;
                var vi = vb2 * Vector256.LoadUnsafe(ref vr, (nuint)i) + vob2 * (gi * gi);
                mi.StoreUnsafe(ref mr, (nuint)i);
                vi.StoreUnsafe(ref vr, (nuint)i);
                var vhat = vi * vinv2;
                var denom = epsilonInsideRoot ? Vector256.Sqrt(vhat + veps) : Vector256.Sqrt(vhat) + veps;
                (Vector256.LoadUnsafe(ref p, (nuint)i) - vstep * mi / denom).StoreUnsafe(ref p, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            float mi = beta1 * Unsafe.Add(ref mr, i) + ob1 * gi;
            float vi = beta2 * Unsafe.Add(ref vr, i) + ob2 * (gi * gi);
            Unsafe.Add(ref mr, i) = mi;
            Unsafe.Add(ref vr, i) = vi;
            float vhat = vi * invC2;
            float denom = epsilonInsideRoot ? MathF.Sqrt(vhat + epsilon) : MathF.Sqrt(vhat) + epsilon;
            Unsafe.Add(ref p, i) -= stepSize * mi / denom;
        }
    }
}
