namespace ResearchKit.Plotting

open System
open System.Collections.Generic
open System.Runtime.InteropServices
open Plotly.NET
open Plotly.NET.LayoutObjects
open ResearchKit

/// Colours by position: plotly's default qualitative palette, the same for a level in every chart.
module internal Palette =
    let private hex =
        [| "#1f77b4"; "#ff7f0e"; "#2ca02c"; "#d62728"; "#9467bd"
           "#8c564b"; "#e377c2"; "#7f7f7f"; "#bcbd22"; "#17becf" |]

    let line (i: int) = Color.fromHex hex[i % hex.Length]

    /// The same colour at 20 % opacity, for min–max bands.
    let band (i: int) =
        let h = hex[i % hex.Length]
        let c k = Convert.ToInt32(h.Substring(k, 2), 16)
        Color.fromString $"rgba({c 1},{c 3},{c 5},0.2)"

module internal Draw =
    /// Three traces per band: max (no line), min filled up to the previous trace (the max), then the mean line.
    /// All three share the band's legend group, so one legend click hides the level everywhere.
    let band (i: int) (showLegend: bool) (b: Band) : GenericChart list =
        let edge (ys: float[]) (suffix: string) (fill: StyleParam.Fill option) =
            Chart.Scatter(
                x = b.Epochs, y = ys, mode = StyleParam.Mode.Lines, Name = $"{b.Level} {suffix}", ShowLegend = false,
                LineWidth = 0.0, LineColor = Palette.line i, ?Fill = fill, FillColor = Palette.band i)
            |> Chart.withTraceInfo (LegendGroup = b.Level)
        [ edge b.Max "max" None
          edge b.Min "min" (Some StyleParam.Fill.ToNext_y)
          Chart.Scatter(
              x = b.Epochs, y = b.Mean, mode = StyleParam.Mode.Lines, Name = b.Level, ShowLegend = showLegend,
              LineColor = Palette.line i, MarkerColor = Palette.line i)
          |> Chart.withTraceInfo (LegendGroup = b.Level) ]

    let panel (showLegend: bool) (bands: Band[]) (yTitle: string) =
        bands
        |> Seq.mapi (fun i b -> band i showLegend b)
        |> Seq.concat
        |> Chart.combine
        |> Chart.withXAxisStyle (TitleText = "epoch")
        |> Chart.withYAxisStyle (TitleText = yTitle)

    /// Train (left) and test (right) side by side, legend entries from the left panel only.
    let trainTest (train: Band[]) (test: Band[]) (title: string) =
        [ panel true train "accuracy"; panel false test "accuracy" ]
        |> Chart.Grid(1, 2, SubPlotTitles = [ "train"; "test" ], XGap = 0.12)
        |> Chart.withTitle title
        |> Chart.withSize (1000, 450)

    let categories (n: int) = Array.init n string

/// The paper's figures as Plotly.NET charts. Each member returns a chart value and shows nothing:
/// the caller displays it (a notebook) or saves it (<see cref="SaveHtml"/>).
[<AbstractClass; Sealed>]
type Charts =

    static member private Or(title: string | null, fallback: string) : string =
        match title with
        | null -> fallback
        | t when String.IsNullOrWhiteSpace t -> fallback
        | t -> t

    /// Accuracy per epoch, train (left) and test (right) as the paper's A4/A6/A8: one line per level (mean over seeds)
    /// inside a shaded min–max band of the same colour.
    static member Accuracy(sweep: SweepResult, [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull sweep
        Draw.trainTest
            (Series.Bands(sweep, Metric.TrainAccuracy))
            (Series.Bands(sweep, Metric.TestAccuracy))
            (Charts.Or(title, $"{sweep.Experiment}: accuracy"))

    /// Raw against denoised inputs (the paper's A9): the Accuracy layout with one series per sweep.
    static member RawVsDenoised(raw: SweepResult, denoised: SweepResult,
                                [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull raw
        ArgumentNullException.ThrowIfNull denoised
        let named = [| ("raw", raw); ("denoised", denoised) |] :> IReadOnlyList<_>
        Draw.trainTest
            (Series.Bands(named, Metric.TrainAccuracy))
            (Series.Bands(named, Metric.TestAccuracy))
            (Charts.Or(title, "raw vs denoised: accuracy"))

    /// Seconds per 100 epochs per level: pure training, and with the per-epoch evaluation.
    static member TrainingTime(sweep: SweepResult, [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull sweep
        let t = Series.TrainingTimes sweep
        [ Chart.Column(values = t.TrainSeconds, Keys = t.Levels, Name = "training", MarkerColor = Palette.line 0)
          Chart.Column(values = t.SecondsWithEval, Keys = t.Levels, Name = "with evaluation", MarkerColor = Palette.line 1) ]
        |> Chart.combine
        |> Chart.withLayoutStyle (BarMode = StyleParam.BarMode.Group)
        |> Chart.withXAxisStyle (TitleText = "level", AxisType = StyleParam.AxisType.Category)
        |> Chart.withYAxisStyle (TitleText = "seconds per 100 epochs")
        |> Chart.withTitle (Charts.Or(title, $"{sweep.Experiment}: training time"))
        |> Chart.withSize (800, 450)

    /// Per-class precision, recall and F1 (the paper's A10): three panels, grouped bars per class, one colour per report.
    static member ClassMetrics(reports: seq<string * ClassificationReport>,
                               [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull reports
        let reports = Seq.toArray reports
        if reports.Length = 0 then invalidArg (nameof reports) "at least one report is needed"
        let k = (snd reports[0]).Classes.Count
        // scores of a good classifier sit near 1: start the axis just below the lowest so differences show
        let lowest =
            [ for (_, r) in reports do for s in [ ClassScore.Precision; ClassScore.Recall; ClassScore.F1 ] do yield! Series.ClassScores(r, s) ]
            |> List.filter (fun v -> not (Double.IsNaN v))
            |> function [] -> 0.0 | vs -> List.min vs
        let floor = Math.Max(0.0, Math.Floor(lowest * 20.0 - 1.0) / 20.0)
        let panel (score: ClassScore) (showLegend: bool) =
            reports
            |> Array.mapi (fun i (name, report) ->
                Chart.Column(
                    values = Series.ClassScores(report, score), Keys = Draw.categories k, Name = name,
                    ShowLegend = showLegend, MarkerColor = Palette.line i)
                |> Chart.withTraceInfo (LegendGroup = name))
            |> Chart.combine
            |> Chart.withXAxisStyle (TitleText = "class", AxisType = StyleParam.AxisType.Category)
            |> Chart.withYAxisStyle (MinMax = (floor, 1.0))
        [ panel ClassScore.Precision true; panel ClassScore.Recall false; panel ClassScore.F1 false ]
        |> Chart.Grid(1, 3, SubPlotTitles = [ "precision"; "recall"; "F1" ], XGap = 0.08)
        |> Chart.withLayoutStyle (BarMode = StyleParam.BarMode.Group)
        |> Chart.withTitle (Charts.Or(title, "per-class metrics on the test split"))
        |> Chart.withSize (1200, 420)

    /// The same, for C#: names and reports as two lists of equal length.
    static member ClassMetrics(names: IReadOnlyList<string>, reports: IReadOnlyList<ClassificationReport>,
                               [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull names
        ArgumentNullException.ThrowIfNull reports
        if names.Count <> reports.Count then
            invalidArg (nameof reports) $"names.Count ({names.Count}) != reports.Count ({reports.Count})"
        Charts.ClassMetrics(Seq.zip names reports, title)

    /// Confusion matrix as a heatmap with the counts written in the cells; actual class down, predicted across.
    static member Confusion(cm: ConfusionMatrix, [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull cm
        let labels = Draw.categories cm.Classes
        Chart.Heatmap(
            zData = Series.ConfusionCounts cm, colNames = labels, rowNames = labels,
            ColorScale = StyleParam.Colorscale.Custom [ (0.0, Color.fromHex "#f7fbff"); (1.0, Color.fromHex "#08306b") ], ReverseYAxis = true)
        |> GenericChart.mapTrace (fun t -> t.SetProperty("texttemplate", "%{z}"); t)
        |> Chart.withXAxisStyle (TitleText = "predicted", AxisType = StyleParam.AxisType.Category)
        |> Chart.withYAxisStyle (TitleText = "actual", AxisType = StyleParam.AxisType.Category)
        |> Chart.withTitle (Charts.Or(title, $"confusion matrix (accuracy {cm.Accuracy:P2})"))
        |> Chart.withSize (600, 550)

    /// Share of each class in the train and test splits (the paper's A1), grouped bars.
    static member ClassDistribution(d: ClassDistribution, [<Optional; DefaultParameterValue(null: string | null)>] title: string | null) : GenericChart =
        ArgumentNullException.ThrowIfNull d
        let s = Series.ClassShares d
        let keys = Draw.categories s.Classes.Length
        [ Chart.Column(values = s.Train, Keys = keys, Name = "train", MarkerColor = Palette.line 0)
          Chart.Column(values = s.Test, Keys = keys, Name = "test", MarkerColor = Palette.line 1) ]
        |> Chart.combine
        |> Chart.withLayoutStyle (BarMode = StyleParam.BarMode.Group)
        |> Chart.withXAxisStyle (TitleText = "class", AxisType = StyleParam.AxisType.Category)
        |> Chart.withYAxis (LinearAxis.init (Title = Title.init "share of split", TickFormat = ".1%"))
        |> Chart.withTitle (Charts.Or(title, "class distribution"))
        |> Chart.withSize (800, 450)

    /// A self-contained HTML document: plotly.js is inlined, nothing is fetched, so it opens offline.
    static member ToHtml(chart: GenericChart) : string = Html.Document chart

    /// Writes <see cref="ToHtml"/> to <paramref name="path"/> atomically (temp file in the same folder, then a rename).
    static member SaveHtml(chart: GenericChart, path: string) : unit = Html.Save(chart, path)
