using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ResearchKit;

/// <summary>Provenance that <see cref="RunResult"/> does not carry: when the run started and finished, and the
/// command line that produced it. Every part is optional; absent parts are written as null.</summary>
public sealed record RunStamp(DateTimeOffset? StartedUtc = null, DateTimeOffset? FinishedUtc = null, string? Command = null);

public static partial class RunFiles
{
    /// <summary>Identifies the layout of run.json; bump it when a key changes meaning or goes away.</summary>
    public const string RunJsonFormat = "researchkit.run/1";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // keep '+' in versions and non-ASCII in OS names readable; quotes and control characters are still escaped
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The run's record as indented JSON with snake_case keys: format, status, divergence, data, shape, settings,
    /// preset (every knob), final epoch, total seconds, test accuracy and macro F1 from the confusion matrix,
    /// timestamps, versions and machine. JSON has no NaN or infinity: a non-finite number (e.g. an undefined
    /// macro F1, a loss that overflowed) is written as <c>null</c>, as is every value the run does not have
    /// (the final metrics of a run that diverged in epoch 1, the report of a diverged run).
    /// </summary>
    public static string RunJson(RunResult r, RunStamp? stamp = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", RunJsonFormat);
            w.WriteString("status", Snake(r.Status.ToString()));
            NullableInt(w, "diverged_at_epoch", r.DivergedAtEpoch);
            w.WriteString("divergence_reason", r.DivergenceReason);
            w.WriteString("data", r.DataName);
            w.WriteNumber("input_features", r.InputFeatures);
            w.WriteNumber("classes", r.Shape.Classes);
            w.WriteNumber("parameter_count", r.ParameterCount);

            var s = r.Settings;
            w.WriteStartObject("settings");
            w.WriteNumber("hidden_units", s.HiddenUnits);
            w.WriteNumber("batch_size", s.BatchSize);
            w.WriteNumber("learning_rate", s.LearningRate);
            w.WriteNumber("epochs", s.Epochs);
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("threads", s.Threads);
            w.WriteEndObject();

            var p = s.Preset;
            w.WriteStartObject("preset");
            w.WriteString("name", p.Name);
            w.WriteNumber("beta1", p.Beta1);
            w.WriteNumber("beta2", p.Beta2);
            w.WriteNumber("epsilon", p.Epsilon);
            w.WriteString("epsilon_placement", Snake(p.EpsilonPlacement.ToString()));
            w.WriteString("bias_init", Snake(p.BiasInit.ToString()));
            w.WriteBoolean("output_gradient_extra_mean", p.OutputGradientExtraMean);
            w.WriteString("train_accuracy", Snake(p.TrainAccuracy.ToString()));
            w.WriteEndObject();

            w.WriteNumber("epochs_recorded", r.Epochs.Count);
            if (r.Final is { } f)
            {
                w.WriteStartObject("final");
                w.WriteNumber("epoch", f.Epoch);
                Number(w, "train_loss", f.TrainLoss);
                Number(w, "train_accuracy", f.TrainAccuracy);
                Number(w, "test_loss", f.TestLoss);
                Number(w, "test_accuracy", f.TestAccuracy);
                w.WriteEndObject();
            }
            else w.WriteNull("final");
            Number(w, "train_seconds", r.TrainSeconds);
            Number(w, "eval_seconds", r.EvalSeconds);
            Number(w, "test_accuracy", r.TestConfusion?.Accuracy);
            Number(w, "macro_f1", r.TestReport?.MacroAverage.F1);

            Timestamp(w, "started_utc", stamp?.StartedUtc);
            Timestamp(w, "finished_utc", stamp?.FinishedUtc);
            w.WriteString("command", stamp?.Command);

            w.WriteStartObject("versions");
            w.WriteString("researchkit", typeof(RunFiles).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
            w.WriteString("dotnet", RuntimeInformation.FrameworkDescription);
            w.WriteEndObject();

            w.WriteStartObject("machine");
            w.WriteString("os", RuntimeInformation.OSDescription);
            w.WriteString("name", Environment.MachineName);
            w.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
            w.WriteNumber("processor_count", Environment.ProcessorCount);
            w.WriteBoolean("vector256_accelerated", Vector256.IsHardwareAccelerated);
            w.WriteBoolean("vector512_accelerated", Vector512.IsHardwareAccelerated);
            w.WriteEndObject();

            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    // JSON cannot hold NaN or ±∞: those, like a missing value, become null
    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void NullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Timestamp(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } t) w.WriteString(name, t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull(name);
    }

    /// <summary>"FullPass" → "full_pass", "OutsideRoot" → "outside_root".</summary>
    internal static string Snake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
