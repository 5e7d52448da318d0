using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResearchKit.Tests;

/// <summary>The README's code examples are copies of files the tests run, so it cannot drift from the code.</summary>
public partial class ReadmeTests
{
    [GeneratedRegex(@"<!-- snippet: (?<path>[^ ]+) -->\r?\n```[a-z]*\r?\n(?<code>.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex Snippet();

    [Fact]
    public void EverySnippet_IsCopiedVerbatimFromTheFileItNames()
    {
        string root = Scripts.Repo.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
        var snippets = Snippet().Matches(readme);
        Assert.True(snippets.Count >= 3, $"expected the README's snippets, found {snippets.Count}");
        foreach (Match m in snippets)
        {
            string path = m.Groups["path"].Value;
            string source = Source(Path.Combine(root, path));
            Assert.True(source.Contains(m.Groups["code"].Value, StringComparison.Ordinal),
                $"README snippet from {path} is not in that file any more:\n{m.Groups["code"].Value}");
        }
    }

    [Fact]
    public void CiRunsTheReadmesTestCommand()
    {
        string root = Scripts.Repo.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(root, ".ci", "run"));
        const string command = "dotnet tool restore && dotnet test ResearchKit.sln -c Release";
        Assert.Contains(command, readme);
        Assert.Contains(command, ci);
    }

    // A notebook's code is the concatenation of its cells' sources.
    private static string Source(string path)
    {
        if (!path.EndsWith(".ipynb", StringComparison.Ordinal)) return File.ReadAllText(path).Replace("\r\n", "\n");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return string.Join("\n", doc.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())))).Replace("\r\n", "\n");
    }
}
