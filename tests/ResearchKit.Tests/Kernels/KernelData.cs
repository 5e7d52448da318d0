namespace ResearchKit.Tests.Kernels;

/// <summary>Seeded random inputs for the kernel-versus-twin tests.</summary>
internal static class KernelData
{
    /// <summary>Awkward shapes: not multiples of the 4/8/32-wide tiles, and the paper's own.</summary>
    public static readonly int[] Batches = [1, 3, 17, 64];
    public static readonly int[] Hiddens = [1, 3, 4, 7, 8, 9, 31, 32, 33, 100, 101];
    public static readonly int[] Inputs = [1, 5, 33, 784];

    /// <summary>A seed that differs for every shape, so each shape sees different numbers.</summary>
    public static Random For(params int[] shape)
    {
        int seed = 17;
        foreach (int s in shape) seed = unchecked(seed * 7919 + s);
        return new Random(seed);
    }

    /// <summary>
    /// A dataset of <paramref name="rows"/> × <paramref name="inputs"/> with about 80 % zeros (some of them −0,
    /// which the index must treat as zero) and signed nonzeros in [−1, 1]; row 0 is entirely zero.
    /// </summary>
    public static Dataset SparseDataset(Random rng, int rows, int inputs, int classes = 10)
    {
        var x = new float[rows * inputs];
        for (int i = inputs; i < x.Length; i++)
        {
            double u = rng.NextDouble();
            x[i] = u < 0.75 ? 0f : u < 0.8 ? -0f : (float)(2 * rng.NextDouble() - 1);
        }
        var y = new byte[rows];
        for (int i = 0; i < rows; i++) y[i] = (byte)rng.Next(classes);
        return new Dataset("kernel-test", x, y, inputs, classes);
    }

    /// <summary><paramref name="batch"/> distinct row numbers in 0..datasetRows-1 in random order (a training
    /// batch is a slice of a permutation; the workspaces are sized for distinct rows), always including the zero row 0.</summary>
    public static int[] Rows(Random rng, int batch, int datasetRows)
    {
        var all = Enumerable.Range(1, datasetRows - 1).ToArray();
        rng.Shuffle(all);
        var rows = all[..(batch - 1)].Append(0).ToArray();
        rng.Shuffle(rows);
        return rows;
    }

    /// <summary>N(0, std²) values.</summary>
    public static float[] Normal(Random rng, int count, double std)
    {
        var v = new float[count];
        for (int i = 0; i < count; i++) v[i] = (float)(std * OrthogonalInit.StandardNormal(rng));
        return v;
    }

    /// <summary>N(0, std²) values of which about <paramref name="zeroFraction"/> are exactly 0.</summary>
    public static float[] NormalWithZeros(Random rng, int count, double std, double zeroFraction)
    {
        var v = Normal(rng, count, std);
        for (int i = 0; i < count; i++) if (rng.NextDouble() < zeroFraction) v[i] = 0f;
        return v;
    }

    /// <summary>A buffer filled with NaN, so an element a kernel should overwrite but does not shows up.</summary>
    public static float[] Poisoned(int count)
    {
        var v = new float[count];
        Array.Fill(v, float.NaN);
        return v;
    }
}
