namespace ResearchKit.Plotting

open System
open System.Collections.Generic
open Plotly.NET
open ResearchKit

/// Readers for the CSV text the kit's records write (ToCsv), so values can cross a process or
/// AssemblyLoadContext boundary as strings.
[<AbstractClass; Sealed>]
type Wire =

    /// Reads ClassificationReport.ToCsv. The accuracy is not in the CSV; it equals the support-weighted recall
    /// (Σ recall_c · support_c / N = Σ tp_c / N), so it is taken from there.
    static member ReadReport(csv: string) : ClassificationReport =
        let t = CsvTable.Parse(csv, "classification report")
        let row (r: string[]) (cls: int) =
            ClassMetrics(cls, t.Number(r, "precision"), t.Number(r, "recall"), t.Number(r, "f1"), t.Integer(r, "support"))
        let named name =
            match t.Rows |> Seq.tryFind (fun r -> t.Get(r, "class") = name) with
            | Some r -> row r -1
            | None -> raise (FormatException $"classification report: no '{name}' row")
        let classes =
            [| for r in t.Rows do
                   match Int32.TryParse(t.Get(r, "class")) with
                   | true, c -> row r c
                   | _ -> () |]
        let weighted = named "weighted avg"
        ClassificationReport(classes, weighted.Recall, named "macro avg", weighted)

    /// Reads ClassDistribution.ToCsv (the counts; shares are recomputed from them).
    static member ReadDistribution(csv: string) : ClassDistribution =
        let t = CsvTable.Parse(csv, "class distribution")
        let rows = t.Rows |> Seq.sortBy (fun r -> t.Integer(r, "class")) |> Seq.toArray
        ClassDistribution(
            rows |> Array.map (fun r -> t.Integer(r, "train_count")),
            rows |> Array.map (fun r -> t.Integer(r, "test_count")))

/// The plotting layer behind a door that only strings cross, for a host that cannot load FSharp.Core 10.1 in its
/// own context (the notebook host carries 10.0): ResearchKit.Interactive loads this assembly into a separate
/// AssemblyLoadContext and calls these members by reflection.
///
/// kind and arguments:
///   accuracy            sweepFolder [title]           (a folder written by SweepResult.Save)
///   raw-vs-denoised     rawFolder denoisedFolder [title]
///   training-time       sweepFolder [title]
///   class-metrics       name1 reportCsv1 [name2 reportCsv2 ...]   (ClassificationReport.ToCsv)
///   confusion           confusionCsv [title]           (ConfusionMatrix.ToCsv)
///   class-distribution  distributionCsv [title]        (ClassDistribution.ToCsv)
[<AbstractClass; Sealed>]
type HtmlEntry =

    static member Kinds: string[] =
        [| "accuracy"; "raw-vs-denoised"; "training-time"; "class-metrics"; "confusion"; "class-distribution" |]

    static member private Arg(args: string[], i: int) : string | null =
        if i < args.Length && not (String.IsNullOrWhiteSpace args[i]) then args[i] else null

    /// The chart a kind and its arguments describe.
    static member Chart(kind: string, args: string[]) : GenericChart =
        ArgumentNullException.ThrowIfNull kind
        ArgumentNullException.ThrowIfNull args
        let need n =
            if args.Length < n then
                invalidArg (nameof args) $"'{kind}' needs {n} argument(s), got {args.Length}"
        match kind with
        | "accuracy" ->
            need 1
            Charts.Accuracy(SweepResult.Load args[0], HtmlEntry.Arg(args, 1))
        | "raw-vs-denoised" ->
            need 2
            Charts.RawVsDenoised(SweepResult.Load args[0], SweepResult.Load args[1], HtmlEntry.Arg(args, 2))
        | "training-time" ->
            need 1
            Charts.TrainingTime(SweepResult.Load args[0], HtmlEntry.Arg(args, 1))
        | "class-metrics" ->
            need 2
            if args.Length % 2 <> 0 then
                invalidArg (nameof args) $"'class-metrics' takes name/report pairs, got {args.Length} arguments"
            let pairs = [| for i in 0 .. 2 .. args.Length - 1 -> args[i], Wire.ReadReport args[i + 1] |]
            Charts.ClassMetrics(pairs)
        | "confusion" ->
            need 1
            Charts.Confusion(ConfusionMatrix.ParseCsv(args[0]), HtmlEntry.Arg(args, 1))
        | "class-distribution" ->
            need 1
            Charts.ClassDistribution(Wire.ReadDistribution args[0], HtmlEntry.Arg(args, 1))
        | k ->
            let known = String.Join(", ", HtmlEntry.Kinds)
            invalidArg (nameof kind) $"unknown chart kind '{k}'; known: {known}"

    /// The chart as a div + script that waits for window.Plotly (no library inside).
    static member Fragment(kind: string, args: string[]) : string = Html.Fragment(HtmlEntry.Chart(kind, args))

    /// A script tag defining window.Plotly from the inlined plotly.js.
    static member LibraryScript() : string = Html.LibraryScript()

    /// A complete offline page around a fragment.
    static member Page(fragment: string, title: string) : string = Html.Page(fragment, title)

    /// The plotly.js version inside.
    static member PlotlyJsVersion() : string = Html.PlotlyJsVersion
