// Experiments 4 and 5: raw against "denoised" inputs (the paper's Figures A9 and A10), as a C# file-based app.
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
// Run time   Paper: about 25 s on a 2-core AMD EPYC in Release (both runs at once). Small: 5–17 s, most of it
//            dotnet run's build check (the first build of the app takes ~20 s more).
// Output     results/scripts/denoise/exp4-raw/ and exp5-denoised/ (tidy CSVs, resumable), results/scripts/denoise.html.
//
//     dotnet run scripts/denoise.cs -- --small         the small budget CI runs
//     dotnet run -c Release scripts/denoise.cs         the paper's budget (Release: dotnet run builds Debug)
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
const string Name = "denoise";
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
var raw = PaperExperiments.Raw;             // lr 0.01, batch 256, H 100 on all 784 pixels, seed 515
var denoised = PaperExperiments.Denoised;   // the same on the 717 pixels left after dropping the always-zero ones
int epochs = small ? 2 : 100;               // the paper trains 100 epochs

// Run: both at once, one per core, so each is timed under the same load; resumable under outRoot/denoise/
var progress = (SweepProgress p) =>
{
    if (p.LastEpoch is null)   // called after every epoch too; null means a run has just finished
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  [{p.Experiment}] {p.RunsDone}/{p.RunsTotal} runs, elapsed {p.Elapsed:hh\\:mm\\:ss} | {p.LastRun}"));
};
Console.WriteLine($"exp4-raw and exp5-denoised: seed 515 x {epochs} epochs each; lr 0.01, batch 256, H 100");
var sweeps = await Task.WhenAll(new[] { raw, denoised }.Select(e => Task.Run(() =>
    e.WithEpochs(epochs).Run(new SweepOptions { OutputDirectory = Path.Combine(outRoot, Name, e.Name), Progress = progress }))));
var (rawSweep, denoisedSweep) = (sweeps[0], sweeps[1]);

// Chart: accuracy per epoch, train | test, raw against denoised (Figure A9)
string chart = Path.Combine(outRoot, Name + ".html");
Charts.SaveHtml(Charts.RawVsDenoised(rawSweep, denoisedSweep, "Experiments 4 and 5: raw vs denoised inputs, accuracy per epoch"), chart);
Console.WriteLine($"chart: {chart}");

// Summary: inputs, parameters, final test accuracy and training time of each; denoised time and accuracy against raw
string Describe(string name, SweepResult s) => string.Create(CultureInfo.InvariantCulture,
    $"{name} [{s.Runs[0].InputFeatures} inputs, {s.Runs[0].Parameters:N0} parameters] {s.Table[0].FinalTestAccuracy.Mean:P2} ({s.Table[0].TrainSecondsPer100Epochs:F0} s/100 epochs)");
double timeRatio = denoisedSweep.Table[0].TrainSecondsPer100Epochs / rawSweep.Table[0].TrainSecondsPer100Epochs;
double points = 100 * (denoisedSweep.Table[0].FinalTestAccuracy.Mean - rawSweep.Table[0].FinalTestAccuracy.Mean);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"summary: raw vs denoised, {epochs} epochs x 1 seed: {Describe("raw", rawSweep)} | {Describe("denoised", denoisedSweep)} | denoised trains in {timeRatio:P0} of raw's time, {points:+0.00;-0.00} points test accuracy"));
return 0;
