// Experiment 1: learning rate (the paper's Figures A3 and A4), as a C# file-based app.
//
// Question   How does the learning rate change accuracy per epoch, its spread over seeds, and training time?
// Data       MNIST (data/mnist): 60,000 training and 10,000 test images, 784 pixels scaled to [0, 1].
// Model      784 → 100 ReLU → 10 softmax, orthogonal (QR) initialisation; 79,510 parameters.
// Training   Adam as the paper's code runs it (β1 0.99, β2 0.999, ε 1e-5: the Paper preset), cross-entropy,
//            mini-batches of 64; test accuracy after every epoch.
//            Learning rate 0.00001, 0.0001, 0.001, 0.01 and 0.1; everything else frozen at the paper's values.
// Seeds      The paper's five per level (its Figure A3), a different five for each level.
// Budget     Paper: 5 levels × 5 seeds × 100 epochs = 25 runs.   Small (-- --small): 5 runs × 2 epochs.
// Run time   Paper: 4.6 minutes on a 2-core AMD EPYC in Release (2 runs at once). Small: 10–25 s, most of it
//            dotnet run's build check (the first build of the app takes ~20 s more).
// Output     results/scripts/learning-rate/exp1-learning-rate/ (tidy CSVs, resumable), results/scripts/learning-rate.html.
//
//     dotnet run scripts/learning-rate.cs -- --small         the small budget CI runs
//     dotnet run -c Release scripts/learning-rate.cs         the paper's budget (Release: dotnet run builds Debug)
//
// RESEARCHKIT_BUDGET=small selects the small budget too; RESEARCHKIT_OUT=<folder> moves the results.
// `dotnet run` builds the two projects below (and inherits the repository's Directory.Build.props and central
// package versions, so the app needs no package versions of its own).
#:project ../src/ResearchKit/ResearchKit.csproj
#:project ../src/ResearchKit.Plotting/ResearchKit.Plotting.fsproj

using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ResearchKit;
using ResearchKit.Plotting;

// Budget and folders: -- --small or RESEARCHKIT_BUDGET=small; results under RESEARCHKIT_OUT or results/scripts/
const string Name = "learning-rate";
string repo = Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));
if (args.Except(["--small"]).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"unknown argument(s): {string.Join(" ", unknown)}\nusage: dotnet run scripts/{Name}.cs [-- --small]");
    return 2;
}
bool small = args.Contains("--small") || string.Equals(Environment.GetEnvironmentVariable("RESEARCHKIT_BUDGET"), "small", StringComparison.OrdinalIgnoreCase);
string outRoot = Environment.GetEnvironmentVariable("RESEARCHKIT_OUT") is { Length: > 0 } o ? Path.GetFullPath(o)
    : Path.Combine(repo, "results", "scripts", small ? "small" : "");
Environment.CurrentDirectory = repo;   // the kit finds data/mnist by walking up from here
if (!small && typeof(Experiment).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
    Console.Error.WriteLine($"warning: the kit is a Debug build, which is not optimised; for the paper's budget run: dotnet run -c Release scripts/{Name}.cs");

// Settings
var paper = PaperExperiments.LearningRate;   // the five levels and each level's seeds, as the paper ran them
int epochs = small ? 2 : 100;                // the paper trains 100 epochs; two show the levels apart already
int seeds = small ? 1 : 5;                   // the paper's five per level; min–max bands need at least two

// Run: resumable under outRoot/learning-rate/ (finished runs are kept), one run per core, a line per finished run
var experiment = paper.WithEpochs(epochs).TakeSeeds(seeds);
Console.WriteLine($"{experiment.Name}: learning_rate = {string.Join(", ", experiment.Runs().Select(r => r.Level).Distinct())} "
    + $"x {seeds} seed(s) x {epochs} epochs = {experiment.Runs().Count} runs; batch 64, H 100, raw inputs");
var sweep = experiment.Run(new SweepOptions
{
    OutputDirectory = Path.Combine(outRoot, Name, experiment.Name),
    Progress = p =>
    {
        if (p.LastEpoch is null)   // called after every epoch too; null means a run has just finished
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{p.Experiment}] {p.RunsDone}/{p.RunsTotal} runs, {p.Fraction:P0} of epochs, elapsed {p.Elapsed:hh\\:mm\\:ss} | {p.LastRun}"));
    },
});

// Chart: accuracy per epoch, train | test, mean over seeds inside the min–max band (Figure A4)
string chart = Path.Combine(outRoot, Name + ".html");
Charts.SaveHtml(Charts.Accuracy(sweep, "Experiment 1: learning rate, accuracy per epoch (mean over seeds, min–max band)"), chart);
Console.WriteLine($"chart: {chart}");

// Summary: final test accuracy per learning rate, and seconds per 100 epochs (Figure A3)
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"summary: {sweep.Experiment}, {epochs} epochs x {seeds} seed(s), final test accuracy and training time: ")
    + string.Join(" | ", sweep.Table.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Level} {r.FinalTestAccuracy.Mean:P2} ({r.TrainSecondsPer100Epochs:F0} s/100 epochs{(r.Diverged > 0 ? $", {r.Diverged} diverged" : "")})"))));
return 0;
