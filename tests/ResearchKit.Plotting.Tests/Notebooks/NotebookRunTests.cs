using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace ResearchKit.Plotting.Tests.Notebooks;

/// <summary>
/// Runs each notebook headless with dotnet-repl (the local tool in .config/dotnet-tools.json) from the notebooks
/// folder, as a reader would, against the assemblies this test build put in artifacts/notebook/.
/// </summary>
[Trait("Category", "Notebook")]
public class NotebookRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("explore.ipynb", 4)]  // class distribution, accuracy, training time, reloaded accuracy
    [InlineData("denoise.ipynb", 3)]  // raw vs denoised, per-class metrics, confusion
    public void Notebook_RunsHeadless_WithoutErrors_AndShowsItsCharts(string name, int charts)
    {
        string notebooks = Path.Combine(Repo.Root, "notebooks");
        string outDir = Path.Combine(Path.GetTempPath(), "rk-nb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            Run(Repo.Root, "tool restore");
            string outPath = Path.Combine(outDir, name);
            var watch = Stopwatch.StartNew();
            var (code, log) = Run(notebooks, $"tool run dotnet-repl -- --run {name} --exit-after-run --output-path \"{outPath}\"");
            output.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:F1} s headless");
            Assert.True(code == 0, $"dotnet-repl exited {code}:\n{Tail(log)}");
            Assert.True(File.Exists(outPath), $"no output notebook; log:\n{Tail(log)}");

            using var doc = JsonDocument.Parse(File.ReadAllText(outPath));
            var cells = doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
            var sourceCells = JsonDocument.Parse(File.ReadAllText(Path.Combine(notebooks, name))).RootElement
                .GetProperty("cells").EnumerateArray().Count(c => c.GetProperty("cell_type").GetString() == "code");
            Assert.Equal(sourceCells, cells.Length);

            int drawn = 0;
            foreach (var cell in cells)
            {
                string source = Text(cell.GetProperty("source"));
                var outputs = cell.GetProperty("outputs").EnumerateArray().ToArray();
                foreach (var o in outputs)
                {
                    string kind = o.GetProperty("output_type").GetString()!;
                    Assert.False(kind == "error", $"cell failed:\n{source}\n--> {o}");
                    if (kind == "stream" && o.TryGetProperty("name", out var stream))
                        Assert.False(stream.GetString() == "stderr", $"cell wrote to stderr:\n{source}\n--> {Text(o.GetProperty("text"))}");
                }
                string html = string.Concat(outputs.Select(o =>
                    o.TryGetProperty("data", out var data) && data.TryGetProperty("text/html", out var h) ? Text(h) : ""));
                if (source.Contains("Notebook.Enable()"))
                    Assert.Contains("plotly.js v2.28.0", html); // the library, once, inline
                else if (source.Contains("Plots."))
                {
                    Assert.Contains("Plotly.newPlot", html);
                    Assert.DoesNotContain("cdn.plot.ly", html);
                    drawn++;
                }
            }
            Assert.Equal(charts, drawn);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    private static string Text(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? string.Concat(e.EnumerateArray().Select(x => x.GetString())) : e.GetString() ?? "";

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    private static (int Code, string Log) Run(string workingDirectory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} took longer than {Limit}");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
