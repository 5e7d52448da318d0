using System.Globalization;
using System.Net;
using System.Text;

namespace ResearchKit.Interactive;

/// <summary>The kit's tables as HTML, for the notebook formatters. Invariant culture throughout.</summary>
public static class HtmlTables
{
    /// <summary>The sweep's per-level table (the paper's A3/A5/A7 with the final test accuracy) under a caption.</summary>
    public static string Sweep(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        int epochs = sweep.Runs.Count == 0 ? 0 : sweep.Runs.Max(r => r.EpochsCompleted);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<table class=\"researchkit-sweep\"><caption>{E(sweep.Experiment)}: {sweep.Runs.Count} run(s), {sweep.Levels.Count} level(s), up to {epochs} epoch(s)</caption>\n");
        html.Append("<thead><tr>");
        foreach (string h in new[] { "level", "seeds", "parameters", "train s / 100 epochs", "with eval s / 100 epochs",
                     "final test accuracy", "min", "max", "diverged" })
            html.Append("<th>").Append(E(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in sweep.Table)
        {
            html.Append("<tr>");
            foreach (string cell in new[]
                     {
                         r.Level, string.Join(", ", r.Seeds), r.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                         Seconds(r.TrainSecondsPer100Epochs), Seconds(r.SecondsWithEvalPer100Epochs),
                         Percent(r.FinalTestAccuracy.Mean), Percent(r.FinalTestAccuracy.Min), Percent(r.FinalTestAccuracy.Max),
                         r.Diverged.ToString(CultureInfo.InvariantCulture),
                     })
                html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static string Seconds(double s) => double.IsNaN(s) ? "n/a" : s.ToString("F1", CultureInfo.InvariantCulture);

    private static string Percent(double p) => double.IsNaN(p) ? "n/a" : p.ToString("P2", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
