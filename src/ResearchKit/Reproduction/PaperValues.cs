namespace ResearchKit;

/// <summary>The numbers the paper prints, as data, so the report can set ours beside them.</summary>
public static class PaperValues
{
    /// <summary>Table A1, percent per class 0–9, rounded to one decimal.</summary>
    public static IReadOnlyList<double> TrainSharePercent { get; } = [9.8, 11.2, 9.9, 10.2, 9.7, 9.0, 9.9, 10.4, 9.8, 9.9];
    public static IReadOnlyList<double> TestSharePercent { get; } = [9.8, 11.4, 10.3, 10.1, 9.8, 8.9, 9.6, 10.3, 9.7, 10.1];

    /// <summary>Figures A3, A5, A7: training seconds per 100 epochs, by level as our levels are labelled.</summary>
    public static IReadOnlyDictionary<string, double> Seconds { get; } = new Dictionary<string, double>
    {
        ["exp1-learning-rate/0.00001"] = 394, ["exp1-learning-rate/0.0001"] = 391, ["exp1-learning-rate/0.001"] = 389,
        ["exp1-learning-rate/0.01"] = 335, ["exp1-learning-rate/0.1"] = 367,
        ["exp2-batch-size/16"] = 876, ["exp2-batch-size/32"] = 563, ["exp2-batch-size/64"] = 346,
        ["exp2-batch-size/128"] = 250, ["exp2-batch-size/256"] = 218,
        ["exp3-hidden-units/10"] = 142, ["exp3-hidden-units/25"] = 178, ["exp3-hidden-units/50"] = 242,
        ["exp3-hidden-units/100"] = 383, ["exp3-hidden-units/200"] = 496,
    };

    /// <summary>Figure A7's parameter column as printed (7,690 for H = 10 is a typo for 7,960).</summary>
    public static IReadOnlyDictionary<string, int> Parameters { get; } = new Dictionary<string, int>
    {
        ["10"] = 7690, ["25"] = 19885, ["50"] = 39760, ["100"] = 79510, ["200"] = 159010,
    };

    public const int RawParameters = 79510;
    public const int DenoisedParameters = 72810;
    public const int DroppedPixels = 67;

    /// <summary>Figure A10, per class 0–9: precision, recall and F1 for the raw and the denoised network.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> ClassMetrics { get; } = new Dictionary<string, IReadOnlyList<double>>
    {
        ["raw/precision"] = [0.98, 0.99, 0.97, 0.97, 0.98, 0.96, 0.99, 0.98, 0.98, 0.95],
        ["denoised/precision"] = [0.99, 0.99, 0.97, 0.97, 0.98, 0.98, 0.98, 0.98, 0.96, 0.96],
        ["raw/recall"] = [0.99, 0.99, 0.98, 0.98, 0.96, 0.98, 0.97, 0.98, 0.95, 0.97],
        ["denoised/recall"] = [0.99, 0.99, 0.98, 0.97, 0.97, 0.97, 0.98, 0.97, 0.98, 0.97],
        ["raw/f1"] = [0.99, 0.99, 0.98, 0.97, 0.97, 0.97, 0.98, 0.98, 0.97, 0.96],
        ["denoised/f1"] = [0.99, 0.99, 0.98, 0.97, 0.98, 0.97, 0.98, 0.98, 0.97, 0.97],
    };
}
