namespace ResearchKit.Interactive;

/// <summary>
/// A chart drawn by the plotting layer, as HTML: a div and the script that draws it. A notebook shows it inline
/// (<see cref="Notebook.Enable"/> registers the formatter); <see cref="SaveHtml"/> writes a page that opens offline.
/// </summary>
public sealed class ChartHtml
{
    private readonly PlottingHost host;

    public string Kind { get; }
    public string Title { get; }
    /// <summary>The div + script; it draws once window.Plotly exists (plotly.js itself is not inside).</summary>
    public string Fragment { get; }

    internal ChartHtml(PlottingHost host, string kind, string title, string fragment)
    {
        this.host = host;
        Kind = kind;
        Title = title;
        Fragment = fragment;
    }

    /// <summary>A complete HTML page with plotly.js inlined: opens offline, fetches nothing.</summary>
    public string ToPage() => host.Page(Fragment, Title);

    /// <summary>Writes <see cref="ToPage"/> to <paramref name="path"/> atomically.</summary>
    public void SaveHtml(string path) => AtomicFile.WriteAllText(path, ToPage());

    public override string ToString() => $"{Kind} chart: {Title}";
}
