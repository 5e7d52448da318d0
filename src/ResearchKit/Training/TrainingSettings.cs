namespace ResearchKit;

/// <summary>One training run's settings. The defaults are the paper's fixed values (lr 0.01, batch 64, H 100,
/// 100 epochs, Paper preset).</summary>
public sealed record TrainingSettings
{
    public int HiddenUnits { get; init; } = 100;
    public int BatchSize { get; init; } = 64;
    public float LearningRate { get; init; } = 0.01f;
    public int Epochs { get; init; } = 100;
    public int Seed { get; init; } = 515;
    public TrainingPreset Preset { get; init; } = TrainingPreset.Paper;
    /// <summary>Threads inside one run; 1 keeps a run bit-reproducible with no hand-offs.</summary>
    public int Threads { get; init; } = 1;

    public TrainingSettings WithHiddenUnits(int hidden) => this with { HiddenUnits = hidden };
    public TrainingSettings WithBatchSize(int batch) => this with { BatchSize = batch };
    public TrainingSettings WithLearningRate(float lr) => this with { LearningRate = lr };
    public TrainingSettings WithEpochs(int epochs) => this with { Epochs = epochs };
    public TrainingSettings WithSeed(int seed) => this with { Seed = seed };
    public TrainingSettings WithPreset(TrainingPreset preset) => this with { Preset = preset };
    public TrainingSettings WithThreads(int threads) => this with { Threads = threads };

    /// <summary>Keeps W1 (inputs × hidden) within one array for any input width the kernels take.</summary>
    public const int MaxHiddenUnits = 16_384;

    /// <summary>Rejects values no run can use, naming the value.</summary>
    public void Validate(int trainCount)
    {
        if (!(LearningRate > 0f) || float.IsInfinity(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"learning rate must be positive and finite, got {LearningRate}");
        if (BatchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"batch size must be positive, got {BatchSize}");
        if (BatchSize > trainCount)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"batch size ({BatchSize}) is larger than the training set ({trainCount})");
        if (HiddenUnits <= 0)
            throw new ArgumentOutOfRangeException(nameof(HiddenUnits), HiddenUnits, $"hidden units must be positive, got {HiddenUnits}");
        if (HiddenUnits > MaxHiddenUnits)
            throw new ArgumentOutOfRangeException(nameof(HiddenUnits), HiddenUnits, $"hidden units ({HiddenUnits}) above {MaxHiddenUnits} are not supported");
        if (Epochs <= 0)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"epochs must be positive, got {Epochs}");
        if (Threads <= 0)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, $"threads must be positive, got {Threads}");
        ArgumentNullException.ThrowIfNull(Preset);
        Preset.Validate();
    }
}
