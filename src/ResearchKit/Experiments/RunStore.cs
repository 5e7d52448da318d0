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
        int seed = root.GetProperty("settings").GetProperty("seed").GetInt32();
        if (seed != spec.Settings.Seed)
            throw new InvalidDataException($"{jsonPath}: seed {seed} does not match run {spec.Id}; remove the folder to redo it");
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
}
