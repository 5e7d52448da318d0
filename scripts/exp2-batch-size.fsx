// Experiment 2: mini-batch size (the paper's Figures A5 and A6).
//
// Question   How does the mini-batch size change accuracy per epoch, its spread over seeds, and time per epoch?
// Data       MNIST (data/mnist): 60,000 training and 10,000 test images, 784 pixels scaled to [0, 1].
// Model      784 → 100 ReLU → 10 softmax, orthogonal (QR) initialisation; 79,510 parameters.
// Training   Adam as the paper's code runs it (β1 0.99, β2 0.999, ε 1e-5: the Paper preset), learning rate 0.01,
//            cross-entropy; test accuracy after every epoch.
//            Batch size 16, 32, 64, 128 and 256; everything else frozen at the paper's values.
// Seeds      The paper's five per level (its Figure A5), a different five for each level.
// Budget     Paper: 5 levels × 5 seeds × 100 epochs = 25 runs.   Small (-- --small): 5 runs × 2 epochs.
// Run time   Paper: 5.9 minutes on a 2-core AMD EPYC (2 runs at once; batch 16 takes about twice as long per epoch
//            as batch 256). Small: 6–10 s, most of it fsi starting up.
// Output     results/scripts/exp2-batch-size/ (tidy CSVs, resumable), results/scripts/exp2-batch-size.html.
//
//     dotnet fsi scripts/exp2-batch-size.fsx [-- --small]
#load "_check-build.fsx"
#load "_load.fsx"

open ResearchKit
open ResearchKit.Plotting
open Kit

// Settings
let paper = PaperExperiments.BatchSize   // the five levels and each level's seeds, as the paper ran them
let epochs = if small then 2 else 100    // the paper trains 100 epochs; two show the levels apart already
let seeds = if small then 1 else 5       // the paper's five per level; min–max bands need at least two

// Run
let experiment = paper.WithEpochs(epochs).TakeSeeds(seeds)
printfn "%s" (describe experiment)
let sweep = experiment.Run(sweepOptions experiment.Name)

// Chart: accuracy per epoch, train | test, mean over seeds inside the min–max band (Figure A6)
Charts.Accuracy(sweep, "Experiment 2: mini-batch size, accuracy per epoch (mean over seeds, min–max band)")
|> saveChart "exp2-batch-size"

// Summary: final test accuracy per batch size, and seconds per 100 epochs (Figure A5)
printfn "%s" (summary sweep)
