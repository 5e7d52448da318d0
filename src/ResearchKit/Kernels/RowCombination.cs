using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ResearchKit.Kernels;

/// <summary>
/// The micro-kernel under both products of the input layer: a sum of scaled matrix rows,
/// <c>dst = init + Σ_p coef[p] · m[index[p], :]</c> (then ReLU when asked), over a row of width <c>width</c>.
/// Forward uses it per example (rows of W1 picked by the example's nonzero pixels); backward per input
/// (rows of dZ picked by the examples where that pixel is nonzero).
/// The columns are covered in passes of 64, 32, 8, 4 and 1; within a pass the accumulators stay in
/// registers across all p. Narrow passes keep two or four accumulator sets over alternate p, because one
/// FMA chain per register would wait on the FMA latency (4 cycles) instead of its throughput (2 per cycle).
/// </summary>
internal static class RowCombination
{
    public static void Combine(ReadOnlySpan<int> index, ReadOnlySpan<float> coef, ReadOnlySpan<float> m, int width,
        ReadOnlySpan<float> init, bool relu, Span<float> dst)
    {
        int n = index.Length;
        ref int ix = ref n > 0 ? ref Unsafe.AsRef(in index[0]) : ref Unsafe.NullRef<int>();
        ref float cf = ref n > 0 ? ref Unsafe.AsRef(in coef[0]) : ref Unsafe.NullRef<float>();
        ref float mr = ref Unsafe.AsRef(in m[0]);
        ref float d = ref dst[0];
        bool hasInit = !init.IsEmpty;
        ref float ir = ref hasInit ? ref Unsafe.AsRef(in init[0]) : ref Unsafe.NullRef<float>();
        int j = 0;
        for (; j + 64 <= width; j += 64) Pass64(ref ix, ref cf, n, ref mr, width, j, hasInit, ref ir, relu, ref d);
        for (; j + 32 <= width; j += 32) Pass32(ref ix, ref cf, n, ref mr, width, j, hasInit, ref ir, relu, ref d);
        for (; j + 8 <= width; j += 8) Pass8(ref ix, ref cf, n, ref mr, width, j, hasInit, ref ir, relu, ref d);
        for (; j + 4 <= width; j += 4) Pass4(ref ix, ref cf, n, ref mr, width, j, hasInit, ref ir, relu, ref d);
        for (; j < width; j++)
        {
            float s = hasInit ? Unsafe.Add(ref ir, j) : 0f;
            for (int p = 0; p < n; p++)
                s = MathF.FusedMultiplyAdd(Unsafe.Add(ref cf, p), Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j), s);
            Unsafe.Add(ref d, j) = relu ? MathF.Max(s, 0f) : s;
        }
    }

    /// <summary>
    /// The transpose of <see cref="Combine"/>: <c>m[index[p], :] += coef[p] · row</c> for every p (accumulates).
    /// The row stays in registers across all p; each p is a load–FMA–store of one row of m. Distinct p must
    /// name distinct rows of m within a call (a batch transpose lists each example once per input).
    /// </summary>
    public static void ScatterAdd(ReadOnlySpan<int> index, ReadOnlySpan<float> coef, ReadOnlySpan<float> row, int width, Span<float> m)
    {
        int n = index.Length;
        if (n == 0) return;
        ref int ix = ref Unsafe.AsRef(in index[0]);
        ref float cf = ref Unsafe.AsRef(in coef[0]);
        ref float r = ref Unsafe.AsRef(in row[0]);
        ref float mr = ref m[0];
        int j = 0;
        // 512-bit where the machine has it: a 64-wide block halves the passes over p and the instructions per FMA
        if (Vector512.IsHardwareAccelerated)
            for (; j + 64 <= width; j += 64)
            {
                var w0 = Vector512.LoadUnsafe(ref r, (nuint)j); var w1 = Vector512.LoadUnsafe(ref r, (nuint)(j + 16));
                var w2 = Vector512.LoadUnsafe(ref r, (nuint)(j + 32)); var w3 = Vector512.LoadUnsafe(ref r, (nuint)(j + 48));
                for (int p = 0; p < n; p++)
                {
                    var c = Vector512.Create(Unsafe.Add(ref cf, p));
                    ref float d = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
                    Vector512.FusedMultiplyAdd(c, w0, Vector512.LoadUnsafe(ref d)).StoreUnsafe(ref d);
                    Vector512.FusedMultiplyAdd(c, w1, Vector512.LoadUnsafe(ref d, 16)).StoreUnsafe(ref d, 16);
                    Vector512.FusedMultiplyAdd(c, w2, Vector512.LoadUnsafe(ref d, 32)).StoreUnsafe(ref d, 32);
                    Vector512.FusedMultiplyAdd(c, w3, Vector512.LoadUnsafe(ref d, 48)).StoreUnsafe(ref d, 48);
                }
            }
        for (; j + 32 <= width; j += 32)
        {
            var r0 = Vector256.LoadUnsafe(ref r, (nuint)j); var r1 = Vector256.LoadUnsafe(ref r, (nuint)(j + 8));
            var r2 = Vector256.LoadUnsafe(ref r, (nuint)(j + 16)); var r3 = Vector256.LoadUnsafe(ref r, (nuint)(j + 24));
            for (int p = 0; p < n; p++)
            {
                var c = Vector256.Create(Unsafe.Add(ref cf, p));
                ref float d = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
                Vector256.FusedMultiplyAdd(c, r0, Vector256.LoadUnsafe(ref d)).StoreUnsafe(ref d);
                Vector256.FusedMultiplyAdd(c, r1, Vector256.LoadUnsafe(ref d, 8)).StoreUnsafe(ref d, 8);
                Vector256.FusedMultiplyAdd(c, r2, Vector256.LoadUnsafe(ref d, 16)).StoreUnsafe(ref d, 16);
                Vector256.FusedMultiplyAdd(c, r3, Vector256.LoadUnsafe(ref d, 24)).StoreUnsafe(ref d, 24);
            }
        }
        for (; j + 8 <= width; j += 8)
        {
            var r0 = Vector256.LoadUnsafe(ref r, (nuint)j);
            for (int p = 0; p < n; p++)
            {
                ref float d = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
                Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref cf, p)), r0, Vector256.LoadUnsafe(ref d)).StoreUnsafe(ref d);
            }
        }
        for (; j + 4 <= width; j += 4)
        {
            var r0 = Vector128.LoadUnsafe(ref r, (nuint)j);
            for (int p = 0; p < n; p++)
            {
                ref float d = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
                Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref cf, p)), r0, Vector128.LoadUnsafe(ref d)).StoreUnsafe(ref d);
            }
        }
        for (; j < width; j++)
        {
            float rj = Unsafe.Add(ref r, j);
            for (int p = 0; p < n; p++)
            {
                ref float d = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
                d = MathF.FusedMultiplyAdd(Unsafe.Add(ref cf, p), rj, d);
            }
        }
    }

    private static Vector256<float> Init8(bool hasInit, ref float ir, int j) =>
        hasInit ? Vector256.LoadUnsafe(ref ir, (nuint)j) : Vector256<float>.Zero;

    private static void Store8(Vector256<float> v, bool relu, ref float d, int j) =>
        (relu ? Vector256.Max(v, Vector256<float>.Zero) : v).StoreUnsafe(ref d, (nuint)j);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pass64(ref int ix, ref float cf, int n, ref float mr, int width, int j, bool hasInit, ref float ir, bool relu, ref float d)
    {
        var s0 = Init8(hasInit, ref ir, j); var s1 = Init8(hasInit, ref ir, j + 8);
        var s2 = Init8(hasInit, ref ir, j + 16); var s3 = Init8(hasInit, ref ir, j + 24);
        var s4 = Init8(hasInit, ref ir, j + 32); var s5 = Init8(hasInit, ref ir, j + 40);
        var s6 = Init8(hasInit, ref ir, j + 48); var s7 = Init8(hasInit, ref ir, j + 56);
        for (int p = 0; p < n; p++)
        {
            var c = Vector256.Create(Unsafe.Add(ref cf, p));
            ref float row = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
            s0 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row), s0);
            s1 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 8), s1);
            s2 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 16), s2);
            s3 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 24), s3);
            s4 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 32), s4);
            s5 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 40), s5);
            s6 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 48), s6);
            s7 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref row, 56), s7);
        }
        Store8(s0, relu, ref d, j); Store8(s1, relu, ref d, j + 8); Store8(s2, relu, ref d, j + 16); Store8(s3, relu, ref d, j + 24);
        Store8(s4, relu, ref d, j + 32); Store8(s5, relu, ref d, j + 40); Store8(s6, relu, ref d, j + 48); Store8(s7, relu, ref d, j + 56);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pass32(ref int ix, ref float cf, int n, ref float mr, int width, int j, bool hasInit, ref float ir, bool relu, ref float d)
    {
        var s0 = Init8(hasInit, ref ir, j); var s1 = Init8(hasInit, ref ir, j + 8);
        var s2 = Init8(hasInit, ref ir, j + 16); var s3 = Init8(hasInit, ref ir, j + 24);
        Vector256<float> t0 = default, t1 = default, t2 = default, t3 = default;
        int p = 0;
        for (; p + 2 <= n; p += 2)
        {
            var c = Vector256.Create(Unsafe.Add(ref cf, p));
            var e = Vector256.Create(Unsafe.Add(ref cf, p + 1));
            ref float r = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
            ref float q = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 1) * width + j);
            s0 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r), s0);
            s1 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r, 8), s1);
            s2 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r, 16), s2);
            s3 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r, 24), s3);
            t0 = Vector256.FusedMultiplyAdd(e, Vector256.LoadUnsafe(ref q), t0);
            t1 = Vector256.FusedMultiplyAdd(e, Vector256.LoadUnsafe(ref q, 8), t1);
            t2 = Vector256.FusedMultiplyAdd(e, Vector256.LoadUnsafe(ref q, 16), t2);
            t3 = Vector256.FusedMultiplyAdd(e, Vector256.LoadUnsafe(ref q, 24), t3);
        }
        if (p < n)
        {
            var c = Vector256.Create(Unsafe.Add(ref cf, p));
            ref float r = ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j);
            s0 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r), s0);
            s1 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r, 8), s1);
            s2 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r, 16), s2);
            s3 = Vector256.FusedMultiplyAdd(c, Vector256.LoadUnsafe(ref r, 24), s3);
        }
        Store8(s0 + t0, relu, ref d, j); Store8(s1 + t1, relu, ref d, j + 8);
        Store8(s2 + t2, relu, ref d, j + 16); Store8(s3 + t3, relu, ref d, j + 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pass8(ref int ix, ref float cf, int n, ref float mr, int width, int j, bool hasInit, ref float ir, bool relu, ref float d)
    {
        var s0 = Init8(hasInit, ref ir, j);
        Vector256<float> s1 = default, s2 = default, s3 = default;
        int p = 0;
        for (; p + 4 <= n; p += 4)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref cf, p)), Vector256.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j)), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref cf, p + 1)), Vector256.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 1) * width + j)), s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref cf, p + 2)), Vector256.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 2) * width + j)), s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref cf, p + 3)), Vector256.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 3) * width + j)), s3);
        }
        for (; p < n; p++)
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref cf, p)), Vector256.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j)), s0);
        Store8((s0 + s1) + (s2 + s3), relu, ref d, j);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pass4(ref int ix, ref float cf, int n, ref float mr, int width, int j, bool hasInit, ref float ir, bool relu, ref float d)
    {
        var s0 = hasInit ? Vector128.LoadUnsafe(ref ir, (nuint)j) : Vector128<float>.Zero;
        Vector128<float> s1 = default, s2 = default, s3 = default;
        int p = 0;
        for (; p + 4 <= n; p += 4)
        {
            s0 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref cf, p)), Vector128.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j)), s0);
            s1 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref cf, p + 1)), Vector128.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 1) * width + j)), s1);
            s2 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref cf, p + 2)), Vector128.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 2) * width + j)), s2);
            s3 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref cf, p + 3)), Vector128.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p + 3) * width + j)), s3);
        }
        for (; p < n; p++)
            s0 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref cf, p)), Vector128.LoadUnsafe(ref Unsafe.Add(ref mr, (nint)Unsafe.Add(ref ix, p) * width + j)), s0);
        var s = (s0 + s1) + (s2 + s3);
        (relu ? Vector128.Max(s, Vector128<float>.Zero) : s).StoreUnsafe(ref d, (nuint)j);
    }
}
