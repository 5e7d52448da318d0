using System.CommandLine;

namespace ResearchKit.Cli.Commands;

/// <summary>
/// <c>--preset</c> and one override per knob, each applied over the chosen preset with its With* method.
/// Shared by every command that trains (train now; reproduce and sweeps later).
/// </summary>
internal sealed class PresetOptions
{
    public Option<string> Preset { get; } = new Option<string>("--preset")
    {
        Description = "Optimisation details: 'paper' (the published code) or 'textbook'",
        DefaultValueFactory = _ => "paper",
    }.OneOf("paper", "textbook");

    public Option<float?> Beta1 { get; } = new Option<float?>("--beta1")
    { HelpName = "value", Description = "Override Adam's beta1 (paper 0.99, textbook 0.9)" }.UnitInterval();

    public Option<float?> Beta2 { get; } = new Option<float?>("--beta2")
    { HelpName = "value", Description = "Override Adam's beta2 (both presets 0.999)" }.UnitInterval();

    public Option<float?> Epsilon { get; } = new Option<float?>("--epsilon")
    { HelpName = "value", Description = "Override Adam's epsilon (paper 1e-5, textbook 1e-8)" }.PositiveFinite();

    public Option<bool> EpsilonInside { get; } = new("--epsilon-inside")
    { Description = "Put epsilon inside the square root (equation 2 as printed) instead of outside" };

    public Option<string> BiasInit { get; } = new Option<string>("--bias-init")
    { Description = "Override the bias initialisation (paper orthogonal, textbook zero)" }.OneOf("orthogonal", "zero");

    public Option<string> TrainAccuracy { get; } = new Option<string>("--train-accuracy")
    { Description = "Override what training accuracy means: 'online' (each batch before its update; paper) or 'full-pass' (textbook)" }
        .OneOf("online", "full-pass");

    public Option<string> OutputGradExtraMean { get; } = new Option<string>("--output-grad-extra-mean")
    { Description = "Override the extra 1/N on the output layer's gradients (paper true, textbook false)" }.OneOf("true", "false");

    public IEnumerable<Option> All => [Preset, Beta1, Beta2, Epsilon, EpsilonInside, BiasInit, TrainAccuracy, OutputGradExtraMean];

    /// <summary>The chosen preset with every given override applied, and a short description of the overrides
    /// ("" when there are none).</summary>
    public (TrainingPreset Preset, string Overrides) Resolve(ParseResult parse)
    {
        var preset = TrainingPreset.Named(parse.GetRequiredValue(Preset));
        var changed = new List<string>();
        float? beta1 = parse.GetValue(Beta1), beta2 = parse.GetValue(Beta2);
        if (beta1 is not null || beta2 is not null)
        {
            preset = preset.WithBetas(beta1 ?? preset.Beta1, beta2 ?? preset.Beta2);
            if (beta1 is { } b1) changed.Add($"beta1 {OptionChecks.Show(b1)}");
            if (beta2 is { } b2) changed.Add($"beta2 {OptionChecks.Show(b2)}");
        }
        float? epsilon = parse.GetValue(Epsilon);
        bool inside = parse.GetValue(EpsilonInside);
        if (epsilon is not null || inside)
        {
            preset = preset.WithEpsilon(epsilon ?? preset.Epsilon, inside ? EpsilonPlacement.InsideRoot : preset.EpsilonPlacement);
            if (epsilon is { } e) changed.Add($"epsilon {OptionChecks.Show(e)}");
            if (inside) changed.Add("epsilon inside the root");
        }
        if (parse.GetValue(BiasInit) is { } bias)
        {
            preset = preset.WithBiasInit(bias == "zero" ? ResearchKit.BiasInit.Zero : ResearchKit.BiasInit.Orthogonal);
            changed.Add($"bias-init {bias}");
        }
        if (parse.GetValue(TrainAccuracy) is { } accuracy)
        {
            preset = preset.WithTrainAccuracy(accuracy == "full-pass" ? TrainAccuracyMode.FullPass : TrainAccuracyMode.Online);
            changed.Add($"train-accuracy {accuracy}");
        }
        if (parse.GetValue(OutputGradExtraMean) is { } extraMean)
        {
            preset = preset.WithOutputGradientExtraMean(extraMean == "true");
            changed.Add($"output-grad-extra-mean {extraMean}");
        }
        return (preset, string.Join(", ", changed));
    }
}
