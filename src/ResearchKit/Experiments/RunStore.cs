using System.Text.Json;

namespace ResearchKit;

/// <summary>Reads back a run folder written by <see cref="RunFiles.Write"/>, for resuming a sweep.</summary>
internal static class RunStore
{
    /// <summary>The finished run in <paramref name="directory"/>, or null when it is absent or incomplete
    /// (an interrupted write leaves no run.json, so such a run is simply redone).</summary>
    public static RunResult? TryLoad(string directory, RunSpec spec, string dataName)
    {
        if (!RunFiles.IsComplete(directory)) return null;
        string jsonPath = Path.Combine(directory, RunFiles.RunJsonName);
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = json.RootElement;
        CheckSameConfiguration(root, spec, dataName, jsonPath);
        var status = root.GetProperty("status").GetString() == "completed" ? RunStatus.Completed : RunStatus.Diverged;
        int? divergedAt = root.GetProperty("diverged_at_epoch").ValueKind == JsonValueKind.Number
            ? root.GetProperty("diverged_at_epoch").GetInt32() : null;
        string? reason = root.GetProperty("divergence_reason").GetString();
        var shape = new NetworkShape(root.GetProperty("input_features").GetInt32(), spec.Settings.HiddenUnits,
            root.GetProperty("classes").GetInt32());
        var epochs = RunFiles.ParseEpochsCsv(File.ReadAllText(Path.Combine(directory, RunFiles.EpochsCsvName)));
        string cmPath = Path.Combine(directory, RunFiles.ConfusionMatrixName);
        var confusion = File.Exists(cmPath) ? ConfusionMatrix.ParseCsv(File.ReadAllText(cmPath), cmPath) : null;
        return new RunResult(spec.Settings, dataName, shape, status, divergedAt, reason, epochs, confusion);
    }

    // A folder is reused only for exactly the run asked for: same data, settings and every preset value.
    private static void CheckSameConfiguration(JsonElement root, RunSpec spec, string dataName, string jsonPath)
    {
        var s = spec.Settings;
        var p = s.Preset;
        var settings = root.GetProperty("settings");
        var preset = root.GetProperty("preset");
        var differences = new List<string>();
        void Compare(string name, object stored, object wanted)
        {
            if (!Equals(stored, wanted)) differences.Add($"{name} {stored} (asked: {wanted})");
        }
        Compare("data", root.GetProperty("data").GetString() ?? "", dataName);
        Compare("hidden_units", settings.GetProperty("hidden_units").GetInt32(), s.HiddenUnits);
        Compare("batch_size", settings.GetProperty("batch_size").GetInt32(), s.BatchSize);
        Compare("learning_rate", settings.GetProperty("learning_rate").GetSingle(), s.LearningRate);
        Compare("epochs", settings.GetProperty("epochs").GetInt32(), s.Epochs);
        Compare("seed", settings.GetProperty("seed").GetInt32(), s.Seed);
        Compare("threads", settings.GetProperty("threads").GetInt32(), s.Threads);
        Compare("preset", preset.GetProperty("name").GetString() ?? "", p.Name);
        Compare("beta1", preset.GetProperty("beta1").GetSingle(), p.Beta1);
        Compare("beta2", preset.GetProperty("beta2").GetSingle(), p.Beta2);
        Compare("epsilon", preset.GetProperty("epsilon").GetSingle(), p.Epsilon);
        Compare("epsilon_placement", preset.GetProperty("epsilon_placement").GetString() ?? "", RunFiles.Snake(p.EpsilonPlacement.ToString()));
        Compare("bias_init", preset.GetProperty("bias_init").GetString() ?? "", RunFiles.Snake(p.BiasInit.ToString()));
        Compare("output_gradient_extra_mean", preset.GetProperty("output_gradient_extra_mean").GetBoolean(), p.OutputGradientExtraMean);
        Compare("train_accuracy", preset.GetProperty("train_accuracy").GetString() ?? "", RunFiles.Snake(p.TrainAccuracy.ToString()));
        if (differences.Count > 0)
            throw new InvalidDataException($"{jsonPath} holds a different run than {spec.Id}: {string.Join(", ", differences)}; " +
                "use another output folder, or remove this one to redo the run");
    }
}
