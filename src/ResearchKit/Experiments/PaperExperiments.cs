namespace ResearchKit;

/// <summary>
/// The paper's five experiments with the paper's own seeds (its Figures A3, A5, A7; one run with seed 515
/// for Experiments 4 and 5). Fixed settings as in the paper: lr 0.01, batch 64, H 100 unless swept,
/// 100 epochs, the Paper preset.
/// </summary>
public static class PaperExperiments
{
    /// <summary>Experiment 1: learning rate 1e-5 … 1e-1.</summary>
    public static Experiment LearningRate { get; } = Experiment.Create("exp1-learning-rate")
        .Sweep(Setting.LearningRate, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1)
        .WithLevelSeeds(
            [706, 9767, 8192, 5374, 6530], [3423, 6488, 5346, 1379, 1216], [5893, 7380, 512, 8782, 3610],
            [3694, 1406, 5642, 5188, 9519], [400, 8778, 7814, 7766, 515]);

    /// <summary>Experiment 2: mini-batch size 16 … 256.</summary>
    public static Experiment BatchSize { get; } = Experiment.Create("exp2-batch-size")
        .Sweep(Setting.BatchSize, 16, 32, 64, 128, 256)
        .WithLevelSeeds(
            [7073, 2702, 3795, 9957, 3139], [3199, 822, 6097, 2124, 8736], [2555, 2001, 22, 308, 7580],
            [31, 4422, 7676, 3023, 724], [8209, 9818, 4435, 2809, 8937]);

    /// <summary>Experiment 3: hidden units 10 … 200, seeds as the paper's Figure A7 prints them
    /// (H = 10's third seed is 6658 there).</summary>
    public static Experiment HiddenUnits { get; } = Experiment.Create("exp3-hidden-units")
        .Sweep(Setting.HiddenUnits, 10, 25, 50, 100, 200)
        .WithLevelSeeds(
            [7858, 8839, 6658, 5206, 4797], [6767, 768, 9758, 7486, 1627], [1886, 7769, 7327, 3323, 4468],
            [931, 5823, 1803, 5598, 794], [6654, 8857, 2601, 5244, 3079]);

    /// <summary>The best setting of Experiments 1–3: lr 0.01, batch 256, H 100.</summary>
    public static TrainingSettings Best { get; } = new TrainingSettings().WithLearningRate(0.01f).WithBatchSize(256).WithHiddenUnits(100);

    /// <summary>Seeds for Experiments 4 and 5 when five runs are wanted instead of the paper's one.</summary>
    public static IReadOnlyList<int> FiveSeeds { get; } = [515, 8209, 9818, 4435, 2809];

    /// <summary>Experiment 4: the best setting on the raw 784 pixels, seed 515.</summary>
    public static Experiment Raw { get; } = Experiment.Create("exp4-raw").WithSettings(Best).WithSeeds(515);

    /// <summary>Experiment 5: the same on the denoised 717 pixels, seed 515.</summary>
    public static Experiment Denoised { get; } = Experiment.Create("exp5-denoised").WithSettings(Best).WithDenoise().WithSeeds(515);

    /// <summary>All five, in the paper's order.</summary>
    public static IReadOnlyList<Experiment> All { get; } = [LearningRate, BatchSize, HiddenUnits, Raw, Denoised];

    /// <summary>Experiment n (1-based).</summary>
    public static Experiment Number(int n) => n is >= 1 and <= 5 ? All[n - 1]
        : throw new ArgumentOutOfRangeException(nameof(n), n, $"the paper has experiments 1..5, got {n}");
}
