using System.Diagnostics;
using System.Runtime.Intrinsics;

namespace ResearchKit.Benchmarks;

/// <summary>The machine's FMA throughput measured in this process: a register-only loop of independent
/// fused multiply-adds (no memory traffic), on one thread and on several at once.</summary>
internal static class FmaPeak
{
    public static double GflopsPerSecond(int threads, double seconds = 0.3)
    {
        var results = new double[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => results[t] = OneThread(seconds))).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return results.Sum();
    }

    private static double OneThread(double seconds)
    {
        var a = Vector256.Create(0.999f); var b = Vector256.Create(1e-7f);
        Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default,
            s6 = default, s7 = default, s8 = default, s9 = default;
        long iterations = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 10_000; i++)
            {
                s0 = Vector256.FusedMultiplyAdd(s0, a, b); s1 = Vector256.FusedMultiplyAdd(s1, a, b);
                s2 = Vector256.FusedMultiplyAdd(s2, a, b); s3 = Vector256.FusedMultiplyAdd(s3, a, b);
                s4 = Vector256.FusedMultiplyAdd(s4, a, b); s5 = Vector256.FusedMultiplyAdd(s5, a, b);
                s6 = Vector256.FusedMultiplyAdd(s6, a, b); s7 = Vector256.FusedMultiplyAdd(s7, a, b);
                s8 = Vector256.FusedMultiplyAdd(s8, a, b); s9 = Vector256.FusedMultiplyAdd(s9, a, b);
            }
            iterations += 10_000;
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        float sink = (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9).GetElement(0);
        if (sink == 42f) Console.Write("");   // keep the loop observable
        return iterations * 10 * 8 * 2 / elapsed / 1e9;   // 10 FMAs of 8 lanes, 2 flops each
    }
}
