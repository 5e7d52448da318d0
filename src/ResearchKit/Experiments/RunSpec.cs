using System.Globalization;

namespace ResearchKit;

/// <summary>One run of a sweep: a level of the swept settings, the full training settings, and a seed.
/// <see cref="Id"/> names the run's folder, so a restarted sweep finds the runs it already finished.</summary>
public sealed record RunSpec(string Experiment, string Level, TrainingSettings Settings, bool Denoise)
{
    public string Id => string.Create(CultureInfo.InvariantCulture,
        $"lr{Settings.LearningRate:0.##########}-b{Settings.BatchSize}-h{Settings.HiddenUnits}-{(Denoise ? "denoised" : "raw")}-{Settings.Preset.Name}-e{Settings.Epochs}-s{Settings.Seed}");
}
