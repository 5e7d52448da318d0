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
        long iterations = 0;
        float sink = 0;
        var clock = Stopwatch.StartNew();
        bool wide = Vector512.IsHardwareAccelerated;   // the widest FMA this machine has
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            sink += wide ? Block512(sink) : Block(sink);
            iterations += BlockIterations;
        }
        double elapsed = clock.Elapsed.TotalSeconds;
        if (sink == 42f) Console.Write("");   // keep the loop observable
        return iterations * 10 * (wide ? 16 : 8) * 2 / elapsed / 1e9;   // 10 FMAs of 8 or 16 lanes, 2 flops each
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization |
        System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static float Block512(float seed)
    {
        var a = Vector512.Create(0.999f); var b = Vector512.Create(1e-7f);
        var s0 = Vector512.Create(seed); var s1 = s0; var s2 = s0; var s3 = s0; var s4 = s0;
        var s5 = s0; var s6 = s0; var s7 = s0; var s8 = s0; var s9 = s0;
        for (int i = 0; i < BlockIterations; i++)
        {
            s0 = Vector512.FusedMultiplyAdd(s0, a, b); s1 = Vector512.FusedMultiplyAdd(s1, a, b);
            s2 = Vector512.FusedMultiplyAdd(s2, a, b); s3 = Vector512.FusedMultiplyAdd(s3, a, b);
            s4 = Vector512.FusedMultiplyAdd(s4, a, b); s5 = Vector512.FusedMultiplyAdd(s5, a, b);
            s6 = Vector512.FusedMultiplyAdd(s6, a, b); s7 = Vector512.FusedMultiplyAdd(s7, a, b);
            s8 = Vector512.FusedMultiplyAdd(s8, a, b); s9 = Vector512.FusedMultiplyAdd(s9, a, b);
        }
        return (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9).GetElement(0) * 1e-9f;
    }

    private const int BlockIterations = 100_000;

    // Ten independent FMA chains (more than latency × throughput = 4 × 2) kept in registers: no call inside
    // the loop, so nothing forces them onto the stack.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization |
        System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static float Block(float seed)
    {
        var a = Vector256.Create(0.999f); var b = Vector256.Create(1e-7f);
        var s0 = Vector256.Create(seed); var s1 = s0; var s2 = s0; var s3 = s0; var s4 = s0;
        var s5 = s0; var s6 = s0; var s7 = s0; var s8 = s0; var s9 = s0;
        for (int i = 0; i < BlockIterations; i++)
        {
            s0 = Vector256.FusedMultiplyAdd(s0, a, b); s1 = Vector256.FusedMultiplyAdd(s1, a, b);
            s2 = Vector256.FusedMultiplyAdd(s2, a, b); s3 = Vector256.FusedMultiplyAdd(s3, a, b);
            s4 = Vector256.FusedMultiplyAdd(s4, a, b); s5 = Vector256.FusedMultiplyAdd(s5, a, b);
            s6 = Vector256.FusedMultiplyAdd(s6, a, b); s7 = Vector256.FusedMultiplyAdd(s7, a, b);
            s8 = Vector256.FusedMultiplyAdd(s8, a, b); s9 = Vector256.FusedMultiplyAdd(s9, a, b);
        }
        return (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9).GetElement(0) * 1e-9f;
    }
}
