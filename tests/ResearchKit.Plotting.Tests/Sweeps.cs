namespace ResearchKit.Plotting.Tests;

/// <summary>Small hand-made sweeps and reports with distinct numbers everywhere, so a mixed-up series shows.</summary>
internal static class Sweeps
{
    /// <summary>Two learning rates × two seeds × three epochs.</summary>
    public static SweepResult Small(string name = "small", bool denoise = false)
    {
        var epochs = new List<EpochRow>();
        var runs = new List<RunRow>();
        string[] levels = ["0.001", "0.01"];
        for (int l = 0; l < levels.Length; l++)
            foreach (int seed in new[] { 7, 11 })
            {
                string id = $"{name}-{levels[l]}-{seed}";
                double lr = double.Parse(levels[l], System.Globalization.CultureInfo.InvariantCulture);
                for (int e = 1; e <= 3; e++)
                {
                    double acc = 0.5 + 0.1 * e + 0.01 * l + 0.001 * seed;
                    epochs.Add(new EpochRow(name, levels[l], id, lr, 64, 100, denoise, "paper", seed, e,
                        TrainLoss: 1.0 / e, TrainAccuracy: acc, TestLoss: 1.1 / e, TestAccuracy: acc - 0.02,
                        TrainSeconds: 2 + l, EvalSeconds: 0.5));
                }
                runs.Add(new RunRow(name, levels[l], id, lr, 64, 100, denoise, "paper", seed, denoise ? 717 : 784, 79_510,
                    3, 3, "completed", null, 1.0 / 3, 0.8 + 0.01 * l + 0.001 * seed, 1.1 / 3, 0.78 + 0.01 * l + 0.001 * seed,
                    TrainSeconds: 6 + 3 * l, TotalSeconds: 7.5 + 3 * l));
            }
        return new SweepResult(name, epochs, runs, new Dictionary<string, ConfusionMatrix>());
    }

    /// <summary>A 10-class matrix: 90 + c correct per class, a few mistakes off the diagonal.</summary>
    public static ConfusionMatrix Confusion(int shift = 0)
    {
        var counts = new int[100];
        for (int a = 0; a < 10; a++)
        {
            counts[a * 10 + a] = 90 + a + shift;
            counts[a * 10 + (a + 1) % 10] = 3 + a % 4;
            counts[a * 10 + (a + 7) % 10] = 1 + a % 2;
        }
        return new ConfusionMatrix(10, counts);
    }

    public static ClassDistribution Distribution() =>
        new([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
}
