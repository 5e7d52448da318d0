namespace ResearchKit.Plotting

open System.Collections.Generic
open System.IO
open ResearchKit

/// The reproduction's figures as self-contained HTML, next to the tables they draw. `researchkit reproduce`,
/// scripts/reproduce.fsx and a notebook all write them through `Figures.Write`.
[<AbstractClass; Sealed>]
type Figures =

    /// The first run of a sweep that has a confusion matrix (the paper's single run for Experiments 4 and 5).
    static member private FirstCompleted(s: SweepResult) =
        (s.Runs |> Seq.find (fun r -> s.Confusions.ContainsKey r.RunId)).RunId

    /// Writes every figure of a reproduction; returns the paths (Reproduction.Run links them from REPORT.md).
    static member Write(r: ReproductionResult) : IReadOnlyList<string> =
        let written = List<string>()
        let save chart (path: string) =
            Charts.SaveHtml(chart, path)
            written.Add path

        save (Charts.ClassDistribution(r.Classes, "Figure A1: class distribution")) (Path.Combine(r.OutputDirectory, "class_distribution.html"))
        let figureOf = dict [ 1, "A4"; 2, "A6"; 3, "A8" ]
        for KeyValue(n, sweep) in r.Sweeps |> Seq.sortBy (fun p -> p.Key) do
            let folder = r.FolderOf n
            if n <= 3 then
                save (Charts.Accuracy(sweep, $"Figure {figureOf[n]}: {sweep.Experiment}, accuracy (mean over seeds, min–max band)"))
                    (Path.Combine(folder, "accuracy.html"))
                save (Charts.TrainingTime(sweep, $"{sweep.Experiment}: seconds per 100 epochs")) (Path.Combine(folder, "training_time.html"))
            else
                save (Charts.Accuracy(sweep, $"{sweep.Experiment}: accuracy")) (Path.Combine(folder, "accuracy.html"))
                if sweep.Confusions.Count > 0 then
                    save (Charts.Confusion(sweep.Confusions[Figures.FirstCompleted sweep], $"{sweep.Experiment}: confusion matrix (test)"))
                        (Path.Combine(folder, "confusion.html"))
        match r.Sweeps.TryGetValue 4, r.Sweeps.TryGetValue 5 with
        | (true, raw), (true, denoised) ->
            let folder = r.FolderOf 5
            save (Charts.RawVsDenoised(raw, denoised, "Figure A9: raw vs denoised, accuracy")) (Path.Combine(folder, "raw_vs_denoised.html"))
            if raw.Confusions.Count > 0 && denoised.Confusions.Count > 0 then
                save (Charts.ClassMetrics([ "raw", raw.ReportFor(Figures.FirstCompleted raw)
                                            "denoised", denoised.ReportFor(Figures.FirstCompleted denoised) ],
                                          "Figure A10: per-class precision, recall and F1 (test)"))
                    (Path.Combine(folder, "class_metrics.html"))
        | _ -> ()
        written
