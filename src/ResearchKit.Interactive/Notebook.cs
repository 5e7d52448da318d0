using Microsoft.DotNet.Interactive.Formatting;

namespace ResearchKit.Interactive;

/// <summary>
/// Turns a notebook into a ResearchKit notebook: call <see cref="Enable"/> once after <c>#r</c>, and keep its output.
/// </summary>
/// <remarks>
/// Charts display as HTML: a div and a script that waits for <c>window.Plotly</c>. The library itself (plotly.js,
/// about 3.5 MB, inlined — nothing is fetched, so the notebook works offline) is written once, into the output of
/// <see cref="Enable"/>; a notebook that keeps that output renders every chart when reopened. With
/// <c>embedPlotlyInEveryChart</c> each chart output carries its own copy instead: bigger, but any single output
/// stands alone.
/// </remarks>
public static class Notebook
{
    /// <summary>Whether each chart output carries plotly.js itself (see <see cref="Enable"/>).</summary>
    public static bool EmbedPlotlyInEveryChart { get; private set; }

    /// <summary>
    /// Loads the plotting context, registers HTML formatters for <see cref="ChartHtml"/> and <see cref="SweepResult"/>,
    /// and returns a value whose display defines window.Plotly (unless every chart embeds it).
    /// </summary>
    /// <param name="embedPlotlyInEveryChart">Put plotly.js into every chart output rather than once.</param>
    /// <param name="plottingFolder">A plotting folder other than the one <see cref="PlottingHost.Locate"/> finds.</param>
    public static NotebookSupport Enable(bool embedPlotlyInEveryChart = false, string? plottingFolder = null)
    {
        if (plottingFolder is not null) Plots.Host = new PlottingHost(plottingFolder);
        var host = Plots.Host;
        EmbedPlotlyInEveryChart = embedPlotlyInEveryChart;

        Formatter.Register<ChartHtml>((chart, writer) =>
        {
            if (EmbedPlotlyInEveryChart) writer.Write(host.LibraryScript());
            writer.Write(chart.Fragment);
        }, HtmlFormatter.MimeType);
        Formatter.Register<NotebookSupport>((support, writer) => writer.Write(support.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<SweepResult>((sweep, writer) => writer.Write(HtmlTables.Sweep(sweep)), HtmlFormatter.MimeType);
        foreach (var type in new[] { typeof(ChartHtml), typeof(NotebookSupport), typeof(SweepResult) })
            Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType);

        return new NotebookSupport(host, embedPlotlyInEveryChart);
    }
}

/// <summary>What <see cref="Notebook.Enable"/> set up; its HTML display carries plotly.js for the charts after it.</summary>
public sealed class NotebookSupport
{
    private readonly PlottingHost host;

    public string PlottingFolder => host.Folder;
    public string PlotlyJsVersion { get; }
    public bool EmbedPlotlyInEveryChart { get; }

    internal NotebookSupport(PlottingHost host, bool embedPlotlyInEveryChart)
    {
        this.host = host;
        PlotlyJsVersion = host.PlotlyJsVersion;
        EmbedPlotlyInEveryChart = embedPlotlyInEveryChart;
    }

    public string ToHtml() =>
        (EmbedPlotlyInEveryChart ? "" : host.LibraryScript() + "\n")
        + $"<div class=\"researchkit-enabled\">ResearchKit notebook support: plotly.js {System.Net.WebUtility.HtmlEncode(PlotlyJsVersion)} "
        + (EmbedPlotlyInEveryChart ? "inlined in every chart" : "inlined in this output (keep it: the charts below draw with it)")
        + ".</div>";

    public override string ToString() =>
        $"ResearchKit notebook support: plotting from {PlottingFolder}, plotly.js {PlotlyJsVersion}";
}
