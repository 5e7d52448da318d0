// _load.fsx: every reference the scripts need, in one place, and the few helpers they share.
//
// Build the kit once, and again after changing src/ (from the repository root):
//
//     dotnet build -c Release src/ResearchKit.Plotting
//
// (`dotnet build -c Release` for the whole solution works too.) Then run any script from anywhere, e.g.
//
//     dotnet fsi scripts/exp1-learning-rate.fsx              the paper's budget (resumable: run again to continue)
//     dotnet fsi scripts/exp1-learning-rate.fsx -- --small   the small budget CI runs (seconds)
//
// RESEARCHKIT_BUDGET=small selects the small budget too; RESEARCHKIT_OUT=<folder> moves the results.
//
// How the kit is referenced, and why: by path, from ONE folder, src/ResearchKit.Plotting/bin/Release/net10.0/.
// The Plotting project copies every dependency there (ResearchKit.dll, Plotly.NET and the four assemblies it needs,
// MathNet.Numerics, System.Numerics.Tensors, which is not part of the shared framework), so a script runs exactly
// the versions the kit was built and tested with: offline, no NuGet restore, no FSharp.Core downgrade warning.
// `#r "nuget: Plotly.NET, 6.0.0"` would also work in fsi, but would be a second list of versions to keep in step
// with Directory.Packages.props. fsi brings its own FSharp.Core (10.1 with SDK 10.0.401; Plotly.NET 6 needs 10.1).
// Release on purpose: a Debug build of the kernels is not optimised.
//
// Each script #loads _check-build.fsx before this file: it stops with the build command above when the DLLs are
// missing (the #r lines below would otherwise fail with "Unable to find the file") and warns when src/ is newer.
module Kit

#I "../src/ResearchKit.Plotting/bin/Release/net10.0"
#r "System.Numerics.Tensors.dll"
#r "MathNet.Numerics.dll"
#r "ResearchKit.dll"
#r "DynamicObj.dll"
#r "Fable.Core.dll"
#r "Newtonsoft.Json.dll"
#r "Giraffe.ViewEngine.dll"
#r "Plotly.NET.dll"
#r "ResearchKit.Plotting.dll"

open System
open System.Globalization
open System.IO
open ResearchKit
open ResearchKit.Plotting

/// The repository root (scripts/..).
let repo = Path.GetFullPath(Path.Combine(__SOURCE_DIRECTORY__, ".."))

let private args = fsi.CommandLineArgs |> Array.skip 1

do
    match args |> Array.filter (fun a -> a <> "--small") with
    | [||] -> ()
    | unknown ->
        eprintfn "unknown argument(s): %s" (String.Join(" ", unknown))
        eprintfn "usage: dotnet fsi %s [-- --small]" (Path.GetRelativePath(repo, fsi.CommandLineArgs[0]))
        exit 2

/// The small budget (`-- --small` or RESEARCHKIT_BUDGET=small): a couple of epochs and one seed, so the script
/// runs in seconds. It checks that the script works, not the paper's numbers. The default is the paper's budget.
let small =
    Array.contains "--small" args
    || String.Equals(Environment.GetEnvironmentVariable "RESEARCHKIT_BUDGET", "small", StringComparison.OrdinalIgnoreCase)

/// Where results go: $RESEARCHKIT_OUT if set, else results/scripts (results/scripts/small for the small budget).
let outRoot =
    match Environment.GetEnvironmentVariable "RESEARCHKIT_OUT" with
    | null | "" -> Path.Combine(repo, "results", "scripts", (if small then "small" else ""))
    | dir -> Path.GetFullPath dir   // relative to where the script was started, resolved before the cd below

// Scripts run in the repository root wherever they are started from: the kit finds data/mnist by walking up
// from the current directory.
do Environment.CurrentDirectory <- repo

/// One line per finished run: runs done, share of epochs, elapsed and estimated time left.
let printRunDone (p: SweepProgress) =
    if isNull p.LastEpoch then  // called after every epoch too; a null epoch means a run has just finished
        let left = if p.Remaining.HasValue then p.Remaining.Value.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) else "?"
        let resumed = if p.RunsResumed > 0 then sprintf " (%d resumed)" p.RunsResumed else ""
        // one WriteLine per line: two sweeps running at once must not interleave their lines
        Console.WriteLine(
            sprintf "  [%s] %d/%d runs%s, %.0f%% of epochs, elapsed %s, left ~%s | %s"
                p.Experiment p.RunsDone p.RunsTotal resumed (100.0 * p.Fraction)
                (p.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)) left p.LastRun)

/// A sweep's options: its runs persist under outRoot/<name> (a run that finished is kept, so running the script
/// again continues where it stopped), one run per core, one printed line per finished run.
let sweepOptions (name: string) =
    SweepOptions().WithOutput(Path.Combine(outRoot, name)).WithProgress(Action<SweepProgress> printRunDone)

/// What an experiment will run, in one line: the swept levels × seeds × epochs, then the settings held fixed.
let describe (e: Experiment) =
    let runs = e.Runs()
    let swept = e.Factors |> Seq.map (fun f -> f.Setting) |> Set.ofSeq
    let levels (f: Factor) = String.Join(", ", f.Levels |> Seq.map (fun l -> Factor.Format(f.Setting, l)))
    let sweep = e.Factors |> Seq.map (fun f -> sprintf "%s = %s x " (Factor.Column f.Setting) (levels f)) |> String.concat ""
    let s = e.Settings
    let held =
        [ if not (swept.Contains Setting.LearningRate) then sprintf "lr %g" s.LearningRate
          if not (swept.Contains Setting.BatchSize) then sprintf "batch %d" s.BatchSize
          if not (swept.Contains Setting.HiddenUnits) then sprintf "H %d" s.HiddenUnits
          if not (swept.Contains Setting.Denoise) then (if e.Denoise then "denoised inputs" else "raw inputs") ]
    let seeds = runs.Count / (runs |> Seq.distinctBy (fun r -> r.Level) |> Seq.length)
    sprintf "%s: %s%d seed(s) x %d epochs = %d run(s); %s -> %s"
        e.Name sweep seeds s.Epochs runs.Count (String.Join(", ", held)) (Path.Combine(outRoot, e.Name))

/// Saves a chart as one self-contained HTML file (plotly.js inlined: it opens offline) at outRoot/<name>.html.
let saveChart (name: string) (chart: Plotly.NET.GenericChart) =
    let path = Path.Combine(outRoot, name + ".html")
    Charts.SaveHtml(chart, path)
    printfn "chart: %s" path

/// A level's final test accuracy (mean over its completed seeds) and training seconds per 100 epochs; with its
/// parameter count when the levels differ in size (Experiment 3).
let levelSummary (withParameters: bool) (r: TableRow) =
    let size = if withParameters then String.Format(CultureInfo.InvariantCulture, " [{0:N0} parameters]", r.Parameters) else ""
    let diverged = if r.Diverged > 0 then sprintf ", %d diverged" r.Diverged else ""
    if Double.IsNaN r.FinalTestAccuracy.Mean then r.Level + size + " diverged"
    else String.Format(CultureInfo.InvariantCulture, "{0}{1} {2:P2} ({3:F0} s/100 epochs{4})",
             r.Level, size, r.FinalTestAccuracy.Mean, r.TrainSecondsPer100Epochs, diverged)

/// The printed summary of a sweep, one line.
let summary (sweep: SweepResult) =
    let withParameters = sweep.Table |> Seq.map (fun r -> r.Parameters) |> Seq.distinct |> Seq.length > 1
    let levels = String.Join(" | ", sweep.Table |> Seq.map (levelSummary withParameters))
    sprintf "summary: %s, %d epochs x %d seed(s), final test accuracy and training time: %s"
        sweep.Experiment sweep.Runs[0].EpochsPlanned sweep.Table[0].Seeds.Count levels
