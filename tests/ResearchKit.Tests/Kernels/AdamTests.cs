using ResearchKit.Kernels;

namespace ResearchKit.Tests.Kernels;

public class AdamTests
{
    /// <summary>(β1, β2, ε, ε inside the root): textbook outside, equation 2 as printed (inside), the paper's code.</summary>
    public static TheoryData<float, float, float, bool> Settings => new()
    {
        { 0.9f, 0.999f, 1e-8f, false },
        { 0.9f, 0.999f, 1e-8f, true },
        { 0.99f, 0.999f, 1e-5f, false },
        { 0.99f, 0.999f, 1e-5f, true },
    };

    /// <summary>The vector path does the scalar twin's float operations in the same order, so every element of
    /// θ, m and v is bit-identical, for every length (vector body, scalar tail, both) and at early and late t.</summary>
    [Theory, MemberData(nameof(Settings))]
    public void Step_MatchesReferenceBitForBit_ForLengths0To40And1000(float beta1, float beta2, float epsilon, bool inside)
    {
        long[] steps = [1, 2, 3, 4, 5, 1000, 123_456];
        foreach (int n in Enumerable.Range(0, 41).Append(1000))
        {
            var rng = KernelData.For(n, inside ? 1 : 0, (int)(beta1 * 100));
            var p = KernelData.Normal(rng, n, 1);
            var (m, v) = (new float[n], new float[n]);
            var (pRef, mRef, vRef) = ((float[])p.Clone(), new float[n], new float[n]);
            foreach (long t in steps)
            {
                // gradients spanning many magnitudes, some exactly 0
                var g = KernelData.NormalWithZeros(rng, n, 1, 0.1);
                for (int i = 0; i < n; i++) g[i] *= MathF.Pow(10f, rng.Next(-7, 3));
                Adam.Step(p, g, m, v, 0.01f, beta1, beta2, epsilon, inside, t);
                AdamReference.Step(pRef, g, mRef, vRef, 0.01f, beta1, beta2, epsilon, inside, t);
                string what = $"length {n}, step {t}, β1 {beta1}, ε {epsilon} {(inside ? "inside" : "outside")} the root";
                Approx.BitEqual(pRef, p, $"θ, {what}");
                Approx.BitEqual(mRef, m, $"m, {what}");
                Approx.BitEqual(vRef, v, $"v, {what}");
            }
        }
    }

    /// <summary>
    /// Equation 2 by hand, in double, for a 2-element parameter over t = 1, 2, 3. Element 0's gradients
    /// (~1e-6) are small enough that ε and where it sits change the step a lot; element 1's flip sign.
    /// Tolerances: m and v within 1e-6 relative (float rounding of a few operations); θ within 1e-7 absolute,
    /// far below the ~1e-2 the ε placement moves it.
    /// </summary>
    [Theory, MemberData(nameof(Settings))]
    public void FirstThreeSteps_MatchHandComputedValues(float beta1, float beta2, float epsilon, bool inside)
    {
        const float lr = 0.01f;
        float[][] gradients = [[1e-6f, -0.5f], [3e-6f, 0.25f], [-2e-6f, 0.75f]];
        float[] p = [0.1f, -0.2f];
        var (m, v) = (new float[2], new float[2]);

        // the float settings widened to double, so the only difference is the kernel's float arithmetic
        double b1 = beta1, b2 = beta2, eps = epsilon, alpha = lr;
        double[] theta = [p[0], p[1]], mExp = [0, 0], vExp = [0, 0];

        for (int t = 1; t <= 3; t++)
        {
            var g = gradients[t - 1];
            for (int i = 0; i < 2; i++)
            {
                mExp[i] = b1 * mExp[i] + (1 - b1) * g[i];                       // m_t = β_m m_{t−1} + (1 − β_m) G_t
                vExp[i] = b2 * vExp[i] + (1 - b2) * g[i] * (double)g[i];        // v_t = β_v v_{t−1} + (1 − β_v) G_t²
                double mHat = mExp[i] / (1 - Math.Pow(b1, t));                  // m̂_t = m_t / (1 − β_m^t)
                double vHat = vExp[i] / (1 - Math.Pow(b2, t));                  // v̂_t = v_t / (1 − β_v^t)
                double denominator = inside ? Math.Sqrt(vHat + eps) : Math.Sqrt(vHat) + eps;
                theta[i] -= alpha * mHat / denominator;                         // θ_t = θ_{t−1} − α m̂_t / (…)
            }

            Adam.Step(p, g, m, v, lr, beta1, beta2, epsilon, inside, step: t);

            string what = $"step {t}, β1 {beta1}, ε {epsilon} {(inside ? "inside" : "outside")} the root";
            Approx.Equal(mExp, [m[0], m[1]], 1e-6, 0, $"m, {what}");
            Approx.Equal(vExp, [v[0], v[1]], 1e-6, 0, $"v, {what}");
            Approx.Equal(theta, [p[0], p[1]], 0, 1e-7, $"θ, {what}");
        }
    }

    [Fact]
    public void EpsilonPlacement_ChangesTheStepOfASmallGradient()
    {
        // one step from zero moments: outside, Δθ = −α g/(|g| + ε); inside, −α g/√(g² + ε)
        float[] outside = [0f], inside = [0f];
        Adam.Step(outside, [1e-6f], new float[1], new float[1], 0.01f, 0.9f, 0.999f, 1e-8f, false, 1);
        Adam.Step(inside, [1e-6f], new float[1], new float[1], 0.01f, 0.9f, 0.999f, 1e-8f, true, 1);
        Approx.Equal([-0.01 * 1e-6 / (1e-6 + 1e-8)], [outside[0]], 1e-5, 0, "ε outside the root");
        Approx.Equal([-0.01 * 1e-6 / Math.Sqrt(1e-12 + 1e-8)], [inside[0]], 1e-5, 0, "ε inside the root");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Step_CounterBelow1_IsRejectedAndChangesNothing(long step)
    {
        float[] p = [1f, 2f], m = [0.5f, 0.5f], v = [0.25f, 0.25f];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Adam.Step(p, [1f, 1f], m, v, 0.01f, 0.9f, 0.999f, 1e-8f, false, step));
        Assert.Equal("step", e.ParamName);
        Assert.Contains("t = 1", e.Message);
        Assert.Contains(step.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.Equal(new[] { 1f, 2f }, p);
        Assert.Equal(new[] { 0.5f, 0.5f }, m);
        Assert.Equal(new[] { 0.25f, 0.25f }, v);
    }

    [Fact]
    public void Step_ShortMomentBuffer_IsRejectedNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Adam.Step(new float[5], new float[5], new float[5], new float[4], 0.01f, 0.9f, 0.999f, 1e-8f, false, 1));
        Assert.Contains("v.Length (4)", e.Message);
        Assert.Contains("(5)", e.Message);
    }
}
