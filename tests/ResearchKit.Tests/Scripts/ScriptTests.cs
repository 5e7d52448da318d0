using System.Diagnostics;
using System.Text;
using ResearchKit.Tests.Data;
using Xunit.Abstractions;

namespace ResearchKit.Tests.Scripts;

/// <summary>
/// Runs every script in scripts/ in its small budget, as a reader would (`dotnet fsi scripts/x.fsx -- --small`,
/// `dotnet run scripts/x.cs -- --small`, from the repository root), so none can rot: it must exit 0, print its
/// one-line summary and write its chart as self-contained HTML. Results go to a fresh temp folder
/// (RESEARCHKIT_OUT), so every run trains from scratch and the repository's results/ is left alone.
/// </summary>
[Trait("Category", "Scripts")]
public sealed class ScriptTests(ReleaseKit kit, ITestOutputHelper output) : IClassFixture<ReleaseKit>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>Each script and the name of the chart it writes (outRoot/name.html).</summary>
    public static TheoryData<string, string> Scripts => new()
    {
        { "exp1-learning-rate.fsx", "exp1-learning-rate" },
        { "exp2-batch-size.fsx", "exp2-batch-size" },
        { "exp3-hidden-units.fsx", "exp3-hidden-units" },
        { "exp4-5-denoising.fsx", "exp4-5-denoising" },
        { "reproduce.fsx", "reproduce" },
        { "learning-rate.cs", "learning-rate" },
        { "denoise.cs", "denoise" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_RunsInSmallBudget_PrintsItsSummary_AndWritesItsChart(string script, string chart)
    {
        output.WriteLine($"Release kit built in {kit.BuildTime.TotalSeconds:F1} s (once per test run)");
        using var results = new TempDir();
        string arguments = script.EndsWith(".fsx", StringComparison.Ordinal)
            ? $"fsi scripts/{script} -- --small"
            : $"run scripts/{script} -- --small";

        var watch = Stopwatch.StartNew();
        var (code, stdout, stderr) = Dotnet.Run(Repo.Root, arguments, Limit, ("RESEARCHKIT_OUT", results.Path));
        output.WriteLine($"dotnet {arguments}: {watch.Elapsed.TotalSeconds:F1} s, exit {code}");
        output.WriteLine(stdout);
        string log = $"stdout:\n{Dotnet.Tail(stdout)}\nstderr:\n{Dotnet.Tail(stderr)}";

        Assert.True(code == 0, $"dotnet {arguments} exited {code}\n{log}");
        var summary = stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("summary: ", StringComparison.Ordinal)).ToArray();
        Assert.True(summary.Length == 1, $"expected one 'summary: ' line, found {summary.Length}\n{log}");

        string html = Path.Combine(results.Path, chart + ".html");
        Assert.True(File.Exists(html), $"no chart at {html}\n{log}");
        string text = File.ReadAllText(html);
        Assert.Contains("Plotly.newPlot", text);    // the chart is drawn ...
        Assert.Contains("plotly.js v", text);       // ... by the library inlined in the page (it opens offline)
    }

    [Fact]
    public void FsxScript_WithoutTheReleaseBuild_StopsWithTheBuildCommand()
    {
        // A copy of the scripts in a repository with an empty src/: the DLLs _load.fsx references do not exist.
        using var repo = new TempDir();
        string scripts = repo.SubDir("scripts");
        foreach (string f in new[] { "_check-build.fsx", "_load.fsx", "exp1-learning-rate.fsx" })
            File.Copy(Path.Combine(Repo.Root, "scripts", f), Path.Combine(scripts, f));

        var (code, stdout, stderr) = Dotnet.Run(repo.Path, "fsi scripts/exp1-learning-rate.fsx -- --small", Limit);

        Assert.True(code == 1, $"exit {code}\nstdout:\n{Dotnet.Tail(stdout)}\nstderr:\n{Dotnet.Tail(stderr)}");
        Assert.Contains("dotnet build -c Release src/ResearchKit.Plotting", stderr);
        Assert.DoesNotContain("FS0078", stdout + stderr);   // stopped before the #r lines, not by them
    }

    [Fact]
    public void EveryScript_HasASmallBudgetTest()
    {
        string scripts = Path.Combine(Repo.Root, "scripts");
        var onDisk = Directory.EnumerateFiles(scripts, "*.fsx").Concat(Directory.EnumerateFiles(scripts, "*.cs"))
            .Select(f => Path.GetFileName(f))
            .Where(f => !f.StartsWith('_'))   // _load.fsx, _check-build.fsx: loaded by the scripts, not run
            .Order(StringComparer.Ordinal).ToArray();
        var tested = Scripts.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(onDisk, tested);
    }
}

/// <summary>
/// The F# scripts reference the kit's Release build (src/ResearchKit.Plotting/bin/Release/net10.0, see
/// scripts/_load.fsx); the tests build Debug. This builds Release once for the whole class: an incremental no-op
/// when it is up to date.
/// </summary>
public sealed class ReleaseKit
{
    public TimeSpan BuildTime { get; }

    public ReleaseKit()
    {
        var watch = Stopwatch.StartNew();
        const string arguments = "build -c Release src/ResearchKit.Plotting/ResearchKit.Plotting.fsproj --nologo -v quiet";
        var (code, stdout, stderr) = Dotnet.Run(Repo.Root, arguments, TimeSpan.FromMinutes(5));
        if (code != 0)
            throw new InvalidOperationException($"dotnet {arguments} exited {code}:\n{Dotnet.Tail(stdout)}\n{Dotnet.Tail(stderr)}");
        BuildTime = watch.Elapsed;
    }
}

/// <summary>The repository, found by walking up from the test assembly to ResearchKit.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ResearchKit.sln"))) return d.FullName;
        throw new DirectoryNotFoundException($"no ResearchKit.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>Runs the dotnet CLI as a child process with a time limit.</summary>
internal static class Dotnet
{
    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, string arguments, TimeSpan limit,
        params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into a child's own build.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "RESEARCHKIT_BUDGET" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} took longer than {limit}:\n{Tail(stdout.Result)}");
        }
        p.WaitForExit();   // drains the redirected streams
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
