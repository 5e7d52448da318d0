// Experiment 3: hidden units (the paper's Figures A7 and A8).
//
// Question   How does the width of the hidden layer change accuracy, its spread over seeds, and training time?
// Data       MNIST (data/mnist): 60,000 training and 10,000 test images, 784 pixels scaled to [0, 1].
// Model      784 → H ReLU → 10 softmax, orthogonal (QR) initialisation; 795·H + 10 parameters
//            (7,960 for H = 10 up to 159,010 for H = 200).
// Training   Adam as the paper's code runs it (β1 0.99, β2 0.999, ε 1e-5: the Paper preset), learning rate 0.01,
//            cross-entropy, mini-batches of 64; test accuracy after every epoch.
//            H = 10, 25, 50, 100 and 200; everything else frozen at the paper's values.
// Seeds      The paper's five per level (its Figure A7), a different five for each level.
// Budget     Paper: 5 levels × 5 seeds × 100 epochs = 25 runs.   Small (-- --small): 5 runs × 2 epochs.
// Run time   Paper: 5.1 minutes on a 2-core AMD EPYC (2 runs at once; H = 200 takes about 2.8× as long as H = 10).
//            Small: 6–10 s, most of it fsi starting up.
// Output     results/scripts/exp3-hidden-units/ (tidy CSVs, resumable), results/scripts/exp3-hidden-units.html.
//
//     dotnet fsi scripts/exp3-hidden-units.fsx [-- --small]
#load "_check-build.fsx"
#load "_load.fsx"

open ResearchKit
open ResearchKit.Plotting
open Kit

// Settings
let paper = PaperExperiments.HiddenUnits   // the five widths and each width's seeds, as the paper ran them
let epochs = if small then 2 else 100      // the paper trains 100 epochs; two show the levels apart already
let seeds = if small then 1 else 5         // the paper's five per level; min–max bands need at least two

// Run
let experiment = paper.WithEpochs(epochs).TakeSeeds(seeds)
printfn "%s" (describe experiment)
let sweep = experiment.Run(sweepOptions experiment.Name)

// Chart: accuracy per epoch, train | test, mean over seeds inside the min–max band (Figure A8)
Charts.Accuracy(sweep, "Experiment 3: hidden units, accuracy per epoch (mean over seeds, min–max band)")
|> saveChart "exp3-hidden-units"

// Summary: parameters, final test accuracy and seconds per 100 epochs per width (Figure A7)
printfn "%s" (summary sweep)
