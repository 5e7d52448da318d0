using System.Globalization;

namespace ResearchKit;

/// <summary>Invariant-culture number formatting for the kit's CSV files; NaN is written as <c>NaN</c>.</summary>
internal static class Csv
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    public static double ParseNumber(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
