namespace ResearchKit;

/// <summary>
/// An experiment as an immutable value: data (raw or denoised), network, preset, batch size, epochs, seeds,
/// and the settings it sweeps. With* and Sweep return new values; nothing runs until <see cref="Run"/>.
/// Several factors make a grid over all their combinations; each level runs once per seed.
/// </summary>
public sealed record Experiment
{
    public string Name { get; init; } = "experiment";
    /// <summary>The fixed settings; the paper's: lr 0.01, batch 64, H 100, 100 epochs, Paper preset.</summary>
    public TrainingSettings Settings { get; init; } = new();
    /// <summary>Drop the pixels that are zero in every training image (the paper's Experiment 5).</summary>
    public bool Denoise { get; init; }
    public IReadOnlyList<Factor> Factors { get; init; } = [];
    /// <summary>Seeds run at every level, unless <see cref="LevelSeeds"/> gives each level its own.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [515];
    /// <summary>Per-level seeds, in level order (the paper drew new seeds for every level).</summary>
    public IReadOnlyList<IReadOnlyList<int>>? LevelSeeds { get; init; }
    /// <summary>An IDX folder in the standard four-file layout; null = the bundled MNIST.</summary>
    public string? DataDirectory { get; init; }
    /// <summary>Splits already in memory; when set they are used instead of <see cref="DataDirectory"/>.</summary>
    public DataSplits? Data { get; init; }

    public static Experiment Create(string name) => new() { Name = name };

    public Experiment WithName(string name) => this with { Name = name };
    public Experiment WithLearningRate(double lr) => this with { Settings = Settings.WithLearningRate((float)lr) };
    public Experiment WithBatchSize(int batch) => this with { Settings = Settings.WithBatchSize(batch) };
    public Experiment WithHiddenUnits(int hidden) => this with { Settings = Settings.WithHiddenUnits(hidden) };
    public Experiment WithEpochs(int epochs) => this with { Settings = Settings.WithEpochs(epochs) };
    public Experiment WithPreset(TrainingPreset preset) => this with { Settings = Settings.WithPreset(preset) };
    public Experiment WithThreads(int threads) => this with { Settings = Settings.WithThreads(threads) };
    public Experiment WithSettings(TrainingSettings settings) => this with { Settings = settings };
    public Experiment WithDenoise(bool denoise = true) => this with { Denoise = denoise };
    public Experiment WithData(string directory) => this with { DataDirectory = directory, Data = null };
    public Experiment WithData(DataSplits data) => this with { Data = data, DataDirectory = null };
    public Experiment WithSeeds(params int[] seeds) => this with { Seeds = seeds.ToArray(), LevelSeeds = null };

    /// <summary>Each level its own seeds, in the order of the levels (one factor only).</summary>
    public Experiment WithLevelSeeds(params int[][] seedsPerLevel) =>
        this with { LevelSeeds = seedsPerLevel.Select(s => (IReadOnlyList<int>)s.ToArray()).ToArray() };

    /// <summary>Keep the first <paramref name="count"/> seeds of every level (a smaller budget).</summary>
    public Experiment TakeSeeds(int count) => this with
    {
        Seeds = Seeds.Take(count).ToArray(),
        LevelSeeds = LevelSeeds?.Select(s => (IReadOnlyList<int>)s.Take(count).ToArray()).ToArray(),
    };

    /// <summary>Adds a swept setting; with several, the runs form a grid over all combinations.</summary>
    public Experiment Sweep(Setting setting, params double[] levels)
    {
        if (levels.Length == 0) throw new ArgumentException($"sweep over {Factor.Column(setting)} needs at least one level", nameof(levels));
        if (Factors.Any(f => f.Setting == setting)) throw new ArgumentException($"{Factor.Column(setting)} is already swept", nameof(setting));
        return this with { Factors = [.. Factors, new Factor(setting, levels.ToArray())] };
    }

    /// <summary>Every run, level by level in the order given, seeds in order within a level.</summary>
    public IReadOnlyList<RunSpec> Runs()
    {
        var combos = new List<(string Label, TrainingSettings Settings, bool Denoise)> { ("", Settings, Denoise) };
        foreach (var f in Factors)
            combos = combos.SelectMany(c => f.Levels.Select(l => (
                Label: Factors.Count == 1 ? Factor.Format(f.Setting, l) : $"{c.Label}{(c.Label.Length > 0 ? " " : "")}{Factor.Column(f.Setting)}={Factor.Format(f.Setting, l)}",
                Settings: Factor.Apply(f.Setting, l, c.Settings),
                Denoise: f.Setting == Setting.Denoise ? l != 0 : c.Denoise))).ToList();
        if (Factors.Count == 0) combos = [(Name, Settings, Denoise)];
        if (LevelSeeds is not null && LevelSeeds.Count != combos.Count)
            throw new ArgumentException($"{LevelSeeds.Count} seed lists for {combos.Count} levels in experiment '{Name}'");
        var runs = new List<RunSpec>();
        for (int i = 0; i < combos.Count; i++)
            foreach (int seed in LevelSeeds?[i] ?? Seeds)
                runs.Add(new RunSpec(Name, combos[i].Label, combos[i].Settings.WithSeed(seed), combos[i].Denoise));
        return runs;
    }

    /// <summary>Runs every run (in parallel across cores, each deterministic) and returns the tidy results.
    /// With an output folder the sweep is resumable: finished runs are kept and skipped on a restart.</summary>
    public SweepResult Run(SweepOptions? options = null) => SweepRunner.Run(this, options ?? new SweepOptions());
}
