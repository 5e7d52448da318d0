namespace ResearchKit.Plotting.Tests;

/// <summary>
/// Checks that a page fetches nothing. plotly.js itself holds "https://cdn.plot.ly/" as the default topojson URL of
/// geo maps (never used by the kit's charts), so the check looks outside the inlined library.
/// </summary>
internal static class Offline
{
    public const string PlotlyBanner = "plotly.js v2.28.0";

    public static void AssertSelfContained(string html)
    {
        Assert.Contains(PlotlyBanner, html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("require.config", html);
        Assert.DoesNotContain("cdn.plot.ly", WithoutLibrary(html));
    }

    /// <summary>The page with the script element that holds plotly.js cut out.</summary>
    public static string WithoutLibrary(string html)
    {
        int banner = html.IndexOf(PlotlyBanner, StringComparison.Ordinal);
        if (banner < 0) return html;
        int start = html.LastIndexOf("<script", banner, StringComparison.Ordinal);
        int end = html.IndexOf("</script>", banner, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > banner, "plotly.js is not inside a script element");
        return html[..start] + html[(end + "</script>".Length)..];
    }
}
