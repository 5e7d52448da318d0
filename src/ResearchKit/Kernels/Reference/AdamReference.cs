namespace ResearchKit.Kernels;

/// <summary>Plain twin of <see cref="Adam"/>: equation 2 element by element, in float, with the bias corrections
/// folded into two scalars in the same way, so the two agree bit for bit.</summary>
public static class AdamReference
{
    public static void Step(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> m, Span<float> v,
        float learningRate, float beta1, float beta2, float epsilon, bool epsilonInsideRoot, long step)
    {
        float stepSize = (float)(learningRate / (1.0 - Math.Pow(beta1, step)));   // α / (1 − β1^t)
        float invC2 = (float)(1.0 / (1.0 - Math.Pow(beta2, step)));               // 1 / (1 − β2^t)
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradients[i];
            m[i] = beta1 * m[i] + (1f - beta1) * g;
            v[i] = beta2 * v[i] + (1f - beta2) * (g * g);
            float vhat = v[i] * invC2;
            float denom = epsilonInsideRoot ? MathF.Sqrt(vhat + epsilon) : MathF.Sqrt(vhat) + epsilon;
            parameters[i] -= stepSize * m[i] / denom;
        }
    }
}
