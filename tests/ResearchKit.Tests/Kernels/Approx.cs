using System.Globalization;
using System.Text;

namespace ResearchKit.Tests.Kernels;

/// <summary>
/// Element-wise comparisons whose failure message lists the first mismatches and the largest error,
/// so a failing kernel test says where and by how much, not just "not equal".
/// </summary>
internal static class Approx
{
    private const int Shown = 8;

    /// <summary>|actual − expected| ≤ absolute + relative·|expected| for every element (NaN never passes).</summary>
    public static void Equal(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double relative, double absolute, string what)
    {
        var e = new double[expected.Length];
        var a = new double[actual.Length];
        for (int i = 0; i < e.Length; i++) e[i] = expected[i];
        for (int i = 0; i < a.Length; i++) a[i] = actual[i];
        Equal(e, a, relative, absolute, what);
    }

    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, double absolute, string what)
    {
        if (expected.Length != actual.Length)
            Assert.Fail($"{what}: expected {expected.Length} values, got {actual.Length}");
        var first = new StringBuilder();
        int mismatches = 0, worstAt = -1;
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Abs(actual[i] - expected[i]);
            // equal infinities pass; NaN never does (an element neither kernel wrote stays NaN)
            bool same = expected[i].Equals(actual[i]) && !double.IsNaN(expected[i]);
            if (!same && !(err <= worst)) { worst = double.IsNaN(err) ? double.PositiveInfinity : err; worstAt = i; }
            if (same || err <= absolute + relative * Math.Abs(expected[i])) continue;
            if (mismatches++ < Shown)
                first.Append(CultureInfo.InvariantCulture,
                    $"\n  [{i}] expected {expected[i]:R}, actual {actual[i]:R}, error {err:G3}");
        }
        if (mismatches > 0)
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {mismatches} of {expected.Length} values differ by more than {absolute:G3} + {relative:G3}·|expected|; " +
                $"max error {worst:G3} at [{worstAt}]; first mismatches:{first}"));
    }

    /// <summary>Every element has the same bits (so also +0 vs −0 and NaN payloads count).</summary>
    public static void BitEqual(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        if (expected.Length != actual.Length)
            Assert.Fail($"{what}: expected {expected.Length} values, got {actual.Length}");
        var first = new StringBuilder();
        int mismatches = 0;
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            int eb = BitConverter.SingleToInt32Bits(expected[i]), ab = BitConverter.SingleToInt32Bits(actual[i]);
            if (eb == ab) continue;
            double err = Math.Abs((double)actual[i] - expected[i]);
            worst = double.IsNaN(err) ? double.PositiveInfinity : Math.Max(worst, err);
            if (mismatches++ < Shown)
                first.Append(CultureInfo.InvariantCulture,
                    $"\n  [{i}] expected {expected[i]:R} (0x{eb:X8}), actual {actual[i]:R} (0x{ab:X8}), {Math.Abs((long)eb - ab)} ulp");
        }
        if (mismatches > 0)
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {mismatches} of {expected.Length} values are not bit-identical; max error {worst:G3}; first mismatches:{first}"));
    }
}
