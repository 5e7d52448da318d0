using System.Text.Json;
using Plotly.NET;

namespace ResearchKit.Plotting.Tests;

/// <summary>A chart's plotly JSON (what the browser receives), read back for assertions.</summary>
internal sealed class ChartJson
{
    public JsonElement Root { get; }
    public JsonElement[] Traces { get; }
    public JsonElement Layout => Root.GetProperty("layout");

    public ChartJson(GenericChart chart)
    {
        Root = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;
        Traces = Root.GetProperty("data").EnumerateArray().ToArray();
    }

    public static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    public static bool? Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetBoolean() : null;

    public static double[] Numbers(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static string[] Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(x => x.ToString()).ToArray();

    public JsonElement Trace(string name) =>
        Traces.Single(t => Str(t, "name") == name);

    public JsonElement[] TracesOn(string xaxis) => Traces.Where(t => Str(t, "xaxis") == xaxis).ToArray();
}
