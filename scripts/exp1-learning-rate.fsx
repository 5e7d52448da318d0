// Experiment 1: learning rate (the paper's Figures A3 and A4).
//
// Question   How does the learning rate change accuracy per epoch, its spread over seeds, and training time?
// Data       MNIST (data/mnist): 60,000 training and 10,000 test images, 784 pixels scaled to [0, 1].
// Model      784 → 100 ReLU → 10 softmax, orthogonal (QR) initialisation; 79,510 parameters.
// Training   Adam as the paper's code runs it (β1 0.99, β2 0.999, ε 1e-5: the Paper preset), cross-entropy,
//            mini-batches of 64; test accuracy after every epoch.
//            Learning rate 0.00001, 0.0001, 0.001, 0.01 and 0.1; everything else frozen at the paper's values.
// Seeds      The paper's five per level (its Figure A3), a different five for each level.
// Budget     Paper: 5 levels × 5 seeds × 100 epochs = 25 runs.   Small (-- --small): 5 runs × 2 epochs.
// Run time   Paper: 4.6 minutes on a 2-core AMD EPYC (2 runs at once; the same sweep inside `researchkit reproduce`).
//            Small: 6–10 s, most of it fsi starting up (the first fsi run after a build takes longer).
// Output     results/scripts/exp1-learning-rate/ (tidy CSVs, resumable), results/scripts/exp1-learning-rate.html.
//
//     dotnet fsi scripts/exp1-learning-rate.fsx [-- --small]
#load "_check-build.fsx"
#load "_load.fsx"

open ResearchKit
open ResearchKit.Plotting
open Kit

// Settings
let paper = PaperExperiments.LearningRate   // the five levels and each level's seeds, as the paper ran them
let epochs = if small then 2 else 100       // the paper trains 100 epochs; two show the levels apart already
let seeds = if small then 1 else 5          // the paper's five per level; min–max bands need at least two

// Run
let experiment = paper.WithEpochs(epochs).TakeSeeds(seeds)
printfn "%s" (describe experiment)
let sweep = experiment.Run(sweepOptions experiment.Name)

// Chart: accuracy per epoch, train | test, mean over seeds inside the min–max band (Figure A4)
Charts.Accuracy(sweep, "Experiment 1: learning rate, accuracy per epoch (mean over seeds, min–max band)")
|> saveChart "exp1-learning-rate"

// Summary: final test accuracy per learning rate, and seconds per 100 epochs (Figure A3)
printfn "%s" (summary sweep)
