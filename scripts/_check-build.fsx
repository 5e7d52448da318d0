// _check-build.fsx: stops a script with the build command when the kit's DLLs are missing, and warns when
// src/ is newer than them.
//
// Every script #loads this file on its first line and _load.fsx on its second. fsi runs a script's top-level
// #load directives one after the other, so this check runs before the #r directives in _load.fsx are compiled;
// placed inside _load.fsx it could not (a missing #r fails the whole file at compile time, before any code runs).

open System
open System.IO

let private repo = Path.GetFullPath(Path.Combine(__SOURCE_DIRECTORY__, ".."))
let private bin = Path.Combine(repo, "src", "ResearchKit.Plotting", "bin", "Release", "net10.0")
let private kit = [ "ResearchKit.dll"; "ResearchKit.Plotting.dll" ] |> List.map (fun f -> Path.Combine(bin, f))
let private dlls = kit @ [ Path.Combine(bin, "Plotly.NET.dll") ]   // the dependencies are copied by the same build
let private buildCommand = "dotnet build -c Release src/ResearchKit.Plotting"

match dlls |> List.filter (File.Exists >> not) with
| [] -> ()
| missing ->
    eprintfn "The kit is not built: missing %s" (String.Join(", ", missing |> List.map (fun f -> Path.GetRelativePath(repo, f))))
    eprintfn "Build it once (from %s), then run the script again:" repo
    eprintfn "    %s" buildCommand
    exit 1

// Sources newer than the built DLLs: the script would run yesterday's kit. A warning, not a stop.
let private newestSource =
    [ "ResearchKit", "*.cs"; "ResearchKit", "*.csproj"; "ResearchKit.Plotting", "*.fs"; "ResearchKit.Plotting", "*.fsproj" ]
    |> Seq.collect (fun (project, pattern) ->
        Directory.EnumerateFiles(Path.Combine(repo, "src", project), pattern, SearchOption.AllDirectories))
    |> Seq.filter (fun f ->
        let sep = string Path.DirectorySeparatorChar
        not (f.Contains(sep + "bin" + sep) || f.Contains(sep + "obj" + sep)))
    |> Seq.map File.GetLastWriteTimeUtc
    |> Seq.fold max DateTime.MinValue

// (the kit's own two DLLs only: the package DLLs keep their packages' dates)
if newestSource > (kit |> List.map File.GetLastWriteTimeUtc |> List.min) then
    eprintfn "warning: src/ has changed since the kit was built; to run the current sources: %s" buildCommand
