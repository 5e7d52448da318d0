using System.Diagnostics;

namespace ResearchKit;

public enum RunStatus { Completed, Diverged }

/// <summary>One epoch's record: losses and accuracies per the preset, pure training seconds (shuffle and
/// steps) and evaluation seconds measured apart.</summary>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy,
    double TrainSeconds, double EvalSeconds);

/// <summary>Everything one run produced. A diverged run keeps the epochs recorded before the one whose
/// loss stopped being finite.</summary>
public sealed record RunResult(
    TrainingSettings Settings,
    string DataName,
    NetworkShape Shape,
    RunStatus Status,
    int? DivergedAtEpoch,
    string? DivergenceReason,
    IReadOnlyList<EpochMetrics> Epochs,
    ConfusionMatrix? TestConfusion)
{
    public int ParameterCount => Shape.ParameterCount;
    public int InputFeatures => Shape.Inputs;
    public double TrainSeconds => Epochs.Sum(e => e.TrainSeconds);
    public double EvalSeconds => Epochs.Sum(e => e.EvalSeconds);
    public EpochMetrics? Final => Epochs.Count > 0 ? Epochs[^1] : null;
    public ClassificationReport? TestReport => TestConfusion?.Report();
}

/// <summary>The orchestration around a <see cref="Trainer"/>: epochs, timing, evaluation, divergence.</summary>
public static class TrainingRun
{
    public static RunResult Run(DataSplits data, TrainingSettings settings, Action<EpochMetrics>? onEpoch = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var trainer = new Trainer(data.Train, settings);
        var epochs = new List<EpochMetrics>(settings.Epochs);
        bool fullPass = settings.Preset.TrainAccuracy == TrainAccuracyMode.FullPass;
        var clock = new Stopwatch();
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            clock.Restart();
            var online = trainer.TrainEpoch();
            double trainSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var trainEval = fullPass ? trainer.Evaluate(data.Train) : new Evaluation(online.MeanLoss, online.Accuracy);
            var testEval = trainer.Evaluate(data.Test);
            double evalSeconds = clock.Elapsed.TotalSeconds;

            string? reason = !double.IsFinite(online.MeanLoss) ? $"training loss is {online.MeanLoss}"
                : !double.IsFinite(trainEval.Loss) ? $"training loss is {trainEval.Loss}"
                : !double.IsFinite(testEval.Loss) ? $"test loss is {testEval.Loss}" : null;
            if (reason is not null)
                return new RunResult(settings, data.Name, trainer.Shape, RunStatus.Diverged, epoch,
                    $"diverged at epoch {epoch}: {reason}", epochs, null);

            var metrics = new EpochMetrics(epoch, trainEval.Loss, trainEval.Accuracy, testEval.Loss, testEval.Accuracy, trainSeconds, evalSeconds);
            epochs.Add(metrics);
            onEpoch?.Invoke(metrics);
        }
        var predictions = new byte[data.Test.Count];
        trainer.Evaluate(data.Test, predictions);
        var confusion = ConfusionMatrix.From(data.Test.Labels.Span, predictions, data.Test.Classes);
        return new RunResult(settings, data.Name, trainer.Shape, RunStatus.Completed, null, null, epochs, confusion);
    }
}
