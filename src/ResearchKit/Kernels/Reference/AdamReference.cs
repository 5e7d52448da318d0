namespace ResearchKit.Kernels;

/// <summary>Plain twin of <see cref="Adam"/>: equation 2 element by element, in float, in the same order.</summary>
public static class AdamReference
{
    public static void Step(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> m, Span<float> v,
        float learningRate, float beta1, float beta2, float epsilon, bool epsilonInsideRoot, long step)
    {
        float c1 = (float)(1.0 - Math.Pow(beta1, step));
        float c2 = (float)(1.0 - Math.Pow(beta2, step));
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradients[i];
            m[i] = beta1 * m[i] + (1f - beta1) * g;
            v[i] = beta2 * v[i] + (1f - beta2) * (g * g);
            float mhat = m[i] / c1, vhat = v[i] / c2;
            float denom = epsilonInsideRoot ? MathF.Sqrt(vhat + epsilon) : MathF.Sqrt(vhat) + epsilon;
            parameters[i] -= learningRate * mhat / denom;
        }
    }
}
