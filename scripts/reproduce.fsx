// The whole reproduction: the paper's five experiments, their tables and figures, and REPORT.md beside the paper's
// numbers. The same job as `researchkit reproduce`, from a script.
//
// Question   Do the paper's findings hold: learning rate, batch size and width trade accuracy against time
//            (Experiments 1–3), and dropping the 67 always-zero pixels costs no accuracy (Experiments 4 and 5)?
// Data       MNIST (data/mnist): 60,000 training and 10,000 test images, 784 pixels scaled to [0, 1].
// Model      784 (717 denoised) → H ReLU → 10 softmax, orthogonal (QR) initialisation.
// Training   Adam (the Paper preset), cross-entropy; fixed lr 0.01, batch 64, H 100 unless swept; Experiments 4 and 5 use the best
//            setting, lr 0.01, batch 256, H 100. Test accuracy after every epoch.
// Seeds      The paper's: five per level for Experiments 1–3 (its Figures A3, A5, A7), 515 for Experiments 4 and 5.
// Budget     Paper: 77 runs × 100 epochs.   Small (-- --small): 17 runs × 1 epoch (one seed per level).
// Run time   Paper: 16.4 minutes on a 2-core AMD EPYC (2 runs at once; resumable: stop it and run it again).
//            Small: 15–25 s.
// Output     results/scripts/reproduce/ (REPORT.md, tidy CSVs and every figure per experiment),
//            results/scripts/reproduce.html (Figure A9, raw vs denoised).
//
//     dotnet fsi scripts/reproduce.fsx [-- --small]
#load "_check-build.fsx"
#load "_load.fsx"

open System
open System.IO
open ResearchKit
open ResearchKit.Plotting
open Kit

// Settings
let experiments = [| 1; 2; 3; 4; 5 |]                 // all five, in the paper's order
let epochs = if small then Nullable 1 else Nullable()  // null: the paper's 100
let seeds = if small then Nullable 1 else Nullable()   // null: the paper's five per level (one run for 4 and 5)

// Run: each experiment a resumable sweep under results/scripts/reproduce/expN-name/; figures as the CLI draws them
let options =
    ReproductionOptions(
        OutputDirectory = Path.Combine(outRoot, "reproduce"), Experiments = experiments,
        Epochs = epochs, Seeds = seeds, Progress = Action<SweepProgress> printRunDone)
let result = Reproduction.Run(options, Func<_, _> Figures.Write)

// Chart: the paper's conclusion, raw against denoised inputs (Figure A9); the other figures are in the folder
Charts.RawVsDenoised(result.Sweeps[4], result.Sweeps[5], "Figure A9: raw vs denoised inputs, accuracy per epoch")
|> saveChart "reproduce"

// Summary: the best level of each sweep and the raw/denoised pair, with the report's path
let best (sweep: SweepResult) =
    let row = sweep.Table |> Seq.filter (fun r -> not (Double.IsNaN r.FinalTestAccuracy.Mean)) |> Seq.maxBy (fun r -> r.FinalTestAccuracy.Mean)
    sprintf "%s best %s %.2f%%" sweep.Experiment row.Level (100.0 * row.FinalTestAccuracy.Mean)
let final (sweep: SweepResult) = sprintf "%s %.2f%%" sweep.Experiment (100.0 * sweep.Table[0].FinalTestAccuracy.Mean)
printfn "summary: reproduction, %s epochs, in %.1f min: %s | %s | %s | %s | %s (%d pixels dropped); report: %s"
    (if epochs.HasValue then string epochs.Value else "100") result.Wall.TotalMinutes
    (best result.Sweeps[1]) (best result.Sweeps[2]) (best result.Sweeps[3]) (final result.Sweeps[4]) (final result.Sweeps[5])
    result.DroppedPixels (Path.Combine(result.OutputDirectory, "REPORT.md"))
