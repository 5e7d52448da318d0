// Experiments 4 and 5: raw against "denoised" inputs (the paper's Figures A9 and A10).
//
// Question   Does dropping the pixels that are zero in every training image (67 of 784) cost accuracy,
//            and does the smaller network train faster?
// Data       MNIST (data/mnist), 60,000 / 10,000 images. Raw: all 784 pixels. Denoised: the 717 pixels that are
//            non-zero in at least one training image, the same 717 kept in the test split.
// Model      Inputs → 100 ReLU → 10 softmax, orthogonal (QR) initialisation; 79,510 parameters raw, 72,810 denoised.
// Training   The best setting of Experiments 1–3: Adam (the Paper preset), learning rate 0.01, mini-batches of 256,
//            cross-entropy;
//            test accuracy after every epoch; per-class precision, recall and F1 on the test split at the end.
// Seeds      515 for both, the paper's single run each.
// Budget     Paper: 2 runs × 100 epochs.   Small (-- --small): 2 runs × 2 epochs.
// Run time   Paper: about 25 s on a 2-core AMD EPYC (both runs at once, ~0.2 s per epoch at batch 256).
//            Small: 5–10 s, most of it fsi starting up.
// Output     results/scripts/exp4-raw/ and exp5-denoised/ (tidy CSVs, resumable), results/scripts/exp4-5-denoising.html.
//
//     dotnet fsi scripts/exp4-5-denoising.fsx [-- --small]
#load "_check-build.fsx"
#load "_load.fsx"

open System
open ResearchKit
open ResearchKit.Plotting
open Kit

// Settings
let raw = PaperExperiments.Raw             // lr 0.01, batch 256, H 100 on all 784 pixels, seed 515
let denoised = PaperExperiments.Denoised   // the same on the 717 pixels left after dropping the always-zero ones
let epochs = if small then 2 else 100      // the paper trains 100 epochs

// Run: both at once, one per core, so each is timed under the same load
let experiments = [| raw; denoised |] |> Array.map (fun e -> e.WithEpochs epochs)
experiments |> Array.iter (describe >> printfn "%s")
let sweeps = experiments |> Array.Parallel.map (fun e -> e.Run(sweepOptions e.Name))

// Chart: accuracy per epoch, train | test, raw against denoised (Figure A9)
Charts.RawVsDenoised(sweeps[0], sweeps[1], "Experiments 4 and 5: raw vs denoised inputs, accuracy per epoch")
|> saveChart "exp4-5-denoising"

// Summary: inputs, parameters, final test accuracy and training time of each; denoised time and accuracy against raw
let describeRun (name: string) (sweep: SweepResult) =
    let run, row = sweep.Runs[0], sweep.Table[0]
    String.Format(Globalization.CultureInfo.InvariantCulture, "{0} [{1} inputs, {2:N0} parameters] {3:P2} ({4:F0} s/100 epochs)",
        name, run.InputFeatures, run.Parameters, row.FinalTestAccuracy.Mean, row.TrainSecondsPer100Epochs)
let timeRatio = sweeps[1].Table[0].TrainSecondsPer100Epochs / sweeps[0].Table[0].TrainSecondsPer100Epochs
printfn "summary: raw vs denoised, %d epochs x 1 seed: %s | %s | denoised trains in %.0f%% of raw's time, %+.2f points test accuracy"
    epochs (describeRun "raw" sweeps[0]) (describeRun "denoised" sweeps[1]) (100.0 * timeRatio)
    (100.0 * (sweeps[1].Table[0].FinalTestAccuracy.Mean - sweeps[0].Table[0].FinalTestAccuracy.Mean))
