namespace ResearchKit;

/// <summary>Finds the repository's data folders by walking up from where the program runs.</summary>
internal static class DataLocator
{
    internal static readonly string MnistRelative = Path.Combine("data", "mnist");

    internal static string FindMnist() =>
        Find(MnistRelative, AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    /// <summary>
    /// The first existing <c>ancestor/relative</c> over the ancestors (self included) of each start, in order.
    /// The error lists every place looked.
    /// </summary>
    internal static string Find(string relative, params string[] starts)
    {
        var looked = new List<string>();
        foreach (string start in starts)
        {
            for (var d = new DirectoryInfo(Path.GetFullPath(start)); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, relative);
                if (looked.Contains(candidate)) continue;
                if (Directory.Exists(candidate)) return candidate;
                looked.Add(candidate);
            }
        }
        throw new DirectoryNotFoundException(
            $"could not find '{relative}' above {string.Join(" or ", starts.Select(s => $"'{s}'"))}; looked in:\n  "
            + string.Join("\n  ", looked)
            + "\npass the directory explicitly, e.g. DataSplits.Mnist(\"/path/to/data/mnist\")");
    }
}
