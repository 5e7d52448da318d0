namespace ResearchKit.Tests;

/// <summary>Data shared by the Kernels, Model, Training and Metrics tests.</summary>
internal static class TestData
{
    /// <summary>Full MNIST, loaded once per test process: the Data tests' fixture, reused rather than loaded twice.</summary>
    public static DataSplits Mnist => Data.MnistFixture.Splits;

    /// <summary>
    /// A small seeded dataset: rows × features pixels, each 0 with probability <paramref name="zeroFraction"/>
    /// and otherwise uniform in (0, scale]; labels uniform in 0..classes-1.
    /// </summary>
    public static Dataset Synthetic(string name, int rows, int features, int seed,
        double zeroFraction = 0.8, float scale = 1f, int classes = 10)
    {
        var rng = new Random(seed);
        var x = new float[rows * features];
        for (int i = 0; i < x.Length; i++)
            x[i] = rng.NextDouble() < zeroFraction ? 0f : scale * (float)(1.0 - rng.NextDouble());
        var y = new byte[rows];
        for (int i = 0; i < rows; i++) y[i] = (byte)rng.Next(classes);
        return new Dataset(name, x, y, features, classes);
    }

    /// <summary>Train and test splits from <see cref="Synthetic"/> with different seeds.</summary>
    public static DataSplits SyntheticSplits(int trainRows, int testRows, int features, int seed = 1) =>
        new("synthetic", Synthetic("synthetic/train", trainRows, features, seed),
            Synthetic("synthetic/test", testRows, features, seed + 1000));
}
