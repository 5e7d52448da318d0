namespace ResearchKit.Plotting

open System
open System.Collections.Generic
open ResearchKit

/// A per-epoch metric of the sweep's summary table.
type Metric =
    | TrainLoss = 0
    | TrainAccuracy = 1
    | TestLoss = 2
    | TestAccuracy = 3

/// A per-class score of a classification report.
type ClassScore =
    | Precision = 0
    | Recall = 1
    | F1 = 2

/// One level over the epochs: the mean over seeds and the min–max spread. All arrays have one entry per epoch.
type Band =
    { Level: string
      Epochs: int[]
      Mean: float[]
      Min: float[]
      Max: float[] }

/// Seconds per 100 epochs per level (the paper's Figures A3, A5, A7), in level order.
type TrainingTimes =
    { Levels: string[]
      TrainSeconds: float[]
      SecondsWithEval: float[] }

/// Share of each class in the train and test splits (the paper's Figure A1).
type ClassShares =
    { Classes: int[]
      Train: float[]
      Test: float[] }

/// The data the charts draw, extracted from the kit's tidy tables: plain functions, no rendering.
[<AbstractClass; Sealed>]
type Series =

    static member private Pick(metric: Metric) : SummaryRow -> Stat =
        match metric with
        | Metric.TrainLoss -> fun r -> r.TrainLoss
        | Metric.TrainAccuracy -> fun r -> r.TrainAccuracy
        | Metric.TestLoss -> fun r -> r.TestLoss
        | Metric.TestAccuracy -> fun r -> r.TestAccuracy
        | m -> raise (ArgumentOutOfRangeException(nameof metric, m, "unknown metric"))

    /// One band per level (in the sweep's level order) from the summary rows: mean, min and max over seeds per epoch.
    static member Bands(summary: IReadOnlyList<SummaryRow>, levels: IReadOnlyList<string>, metric: Metric) : Band[] =
        ArgumentNullException.ThrowIfNull summary
        ArgumentNullException.ThrowIfNull levels
        let stat = Series.Pick metric
        [| for level in levels ->
               let rows = summary |> Seq.filter (fun r -> r.Level = level) |> Seq.sortBy (fun r -> r.Epoch) |> Seq.toArray
               { Level = level
                 Epochs = rows |> Array.map (fun r -> r.Epoch)
                 Mean = rows |> Array.map (fun r -> (stat r).Mean)
                 Min = rows |> Array.map (fun r -> (stat r).Min)
                 Max = rows |> Array.map (fun r -> (stat r).Max) } |]

    /// One band per level of the sweep.
    static member Bands(sweep: SweepResult, metric: Metric) : Band[] =
        ArgumentNullException.ThrowIfNull sweep
        Series.Bands(sweep.Summary, sweep.Levels, metric)

    /// Bands of several sweeps under one name each: a one-level sweep's band takes the name itself,
    /// a sweep with several levels gives "name: level".
    static member Bands(named: IReadOnlyList<string * SweepResult>, metric: Metric) : Band[] =
        ArgumentNullException.ThrowIfNull named
        [| for (name, sweep) in named do
               let bands = Series.Bands(sweep, metric)
               for b in bands ->
                   { b with Level = if bands.Length = 1 then name else $"{name}: {b.Level}" } |]

    /// Pure-training seconds and seconds with evaluation per 100 epochs, from the sweep's table.
    static member TrainingTimes(sweep: SweepResult) : TrainingTimes =
        ArgumentNullException.ThrowIfNull sweep
        let t = sweep.Table |> Seq.toArray
        { Levels = t |> Array.map (fun r -> r.Level)
          TrainSeconds = t |> Array.map (fun r -> r.TrainSecondsPer100Epochs)
          SecondsWithEval = t |> Array.map (fun r -> r.SecondsWithEvalPer100Epochs) }

    /// One score per class, in class order (NaN where the report has it undefined).
    static member ClassScores(report: ClassificationReport, score: ClassScore) : float[] =
        ArgumentNullException.ThrowIfNull report
        let pick: ClassMetrics -> float =
            match score with
            | ClassScore.Precision -> fun c -> c.Precision
            | ClassScore.Recall -> fun c -> c.Recall
            | ClassScore.F1 -> fun c -> c.F1
            | s -> raise (ArgumentOutOfRangeException(nameof score, s, "unknown score"))
        report.Classes |> Seq.sortBy (fun c -> c.Class) |> Seq.map pick |> Seq.toArray

    /// Train and test share per class, as fractions.
    static member ClassShares(distribution: ClassDistribution) : ClassShares =
        ArgumentNullException.ThrowIfNull distribution
        let k = distribution.TrainCounts.Count
        if distribution.TestCounts.Count <> k then
            invalidArg (nameof distribution) $"TrainCounts.Count ({k}) != TestCounts.Count ({distribution.TestCounts.Count})"
        { Classes = Array.init k id
          Train = Array.init k distribution.TrainShare
          Test = Array.init k distribution.TestShare }

    /// Counts as rows of the actual class, columns of the predicted class.
    static member ConfusionCounts(cm: ConfusionMatrix) : int[][] =
        ArgumentNullException.ThrowIfNull cm
        Array.init cm.Classes (fun a -> Array.init cm.Classes (fun p -> cm[a, p]))
