namespace ResearchKit;

/// <summary>Where Adam's ε sits: outside the root (Kingma &amp; Ba, the paper's code) or inside (equation 2 as printed).</summary>
public enum EpsilonPlacement { OutsideRoot, InsideRoot }

/// <summary>How biases start: QR-initialised unit-norm vectors (the paper's code) or zeros (the textbook).</summary>
public enum BiasInit { Orthogonal, Zero }

/// <summary>What "training accuracy" means: the argmax of each mini-batch before its update, pooled over the
/// epoch (the paper's code), or a full pass over the training set after the epoch.</summary>
public enum TrainAccuracyMode { Online, FullPass }

/// <summary>
/// Every optimisation detail that the paper's text and the paper's code disagree on, as one value.
/// <see cref="Paper"/> reproduces what produced the published numbers; <see cref="Textbook"/> is the
/// conventional choice. Each setting can be overridden alone with a With* method.
/// </summary>
public sealed record TrainingPreset(
    string Name,
    float Beta1,
    float Beta2,
    float Epsilon,
    EpsilonPlacement EpsilonPlacement,
    BiasInit BiasInit,
    bool OutputGradientExtraMean,
    TrainAccuracyMode TrainAccuracy)
{
    /// <summary>β1 0.99, β2 0.999, ε 1e-5 outside the root, QR biases, output-layer gradients with an extra 1/N,
    /// online training accuracy.</summary>
    public static TrainingPreset Paper { get; } = new("paper", 0.99f, 0.999f, 1e-5f, EpsilonPlacement.OutsideRoot,
        BiasInit.Orthogonal, OutputGradientExtraMean: true, TrainAccuracyMode.Online);

    /// <summary>β1 0.9, β2 0.999, ε 1e-8 outside the root, zero biases, true mean gradients, full-pass training accuracy.</summary>
    public static TrainingPreset Textbook { get; } = new("textbook", 0.9f, 0.999f, 1e-8f, EpsilonPlacement.OutsideRoot,
        BiasInit.Zero, OutputGradientExtraMean: false, TrainAccuracyMode.FullPass);

    /// <summary>"paper" or "textbook" (case-insensitive).</summary>
    public static TrainingPreset Named(string name) => (name ?? throw new ArgumentNullException(nameof(name))).Trim().ToLowerInvariant() switch
    {
        "paper" => Paper,
        "textbook" => Textbook,
        _ => throw new ArgumentException($"unknown preset '{name}': expected 'paper' or 'textbook'", nameof(name)),
    };

    public TrainingPreset WithBetas(float beta1, float beta2) => this with { Beta1 = beta1, Beta2 = beta2 };
    public TrainingPreset WithEpsilon(float epsilon, EpsilonPlacement placement) => this with { Epsilon = epsilon, EpsilonPlacement = placement };
    public TrainingPreset WithBiasInit(BiasInit init) => this with { BiasInit = init };
    public TrainingPreset WithOutputGradientExtraMean(bool extraMean) => this with { OutputGradientExtraMean = extraMean };
    public TrainingPreset WithTrainAccuracy(TrainAccuracyMode mode) => this with { TrainAccuracy = mode };

    internal void Validate()
    {
        if (!(Beta1 >= 0f && Beta1 < 1f)) throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, $"beta1 must be in [0, 1), got {Beta1}");
        if (!(Beta2 >= 0f && Beta2 < 1f)) throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, $"beta2 must be in [0, 1), got {Beta2}");
        if (!(Epsilon > 0f) || float.IsInfinity(Epsilon)) throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, $"epsilon must be positive and finite, got {Epsilon}");
    }
}
