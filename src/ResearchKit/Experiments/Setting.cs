using System.Globalization;

namespace ResearchKit;

/// <summary>A setting a sweep can vary.</summary>
public enum Setting { LearningRate, BatchSize, HiddenUnits, Denoise }

/// <summary>One swept setting and its levels, in the order given.</summary>
public sealed record Factor(Setting Setting, IReadOnlyList<double> Levels)
{
    /// <summary>The tidy-table column of a setting: learning_rate, batch_size, hidden_units, denoise.</summary>
    public static string Column(Setting s) => s switch
    {
        Setting.LearningRate => "learning_rate",
        Setting.BatchSize => "batch_size",
        Setting.HiddenUnits => "hidden_units",
        Setting.Denoise => "denoise",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    /// <summary>A level as people write it: 0.00001, 64, raw / denoised.</summary>
    public static string Format(Setting s, double level) => s switch
    {
        Setting.Denoise => level != 0 ? "denoised" : "raw",
        _ => level.ToString("0.##########", CultureInfo.InvariantCulture),
    };

    internal static TrainingSettings Apply(Setting s, double level, TrainingSettings t) => s switch
    {
        Setting.LearningRate => t.WithLearningRate((float)level),
        Setting.BatchSize => t.WithBatchSize(ToInt(s, level)),
        Setting.HiddenUnits => t.WithHiddenUnits(ToInt(s, level)),
        Setting.Denoise => t,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    private static int ToInt(Setting s, double level) =>
        level == Math.Floor(level) && level is >= int.MinValue and <= int.MaxValue ? (int)level
        : throw new ArgumentException($"{Column(s)} must be a whole number, got {level}");
}
