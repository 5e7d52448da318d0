using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ResearchKit.Cli.Commands;

/// <summary>
/// Range checks attached to options, so a bad value fails at parse time — before any data is loaded — with a
/// message naming the option and the value: <c>--lr must be positive and finite, got -0.1</c>.
/// </summary>
internal static class OptionChecks
{
    public static Option<int> Positive(this Option<int> option) => option.Check<int>(v => v > 0, "must be positive");

    public static Option<float> PositiveFinite(this Option<float> option) =>
        option.Check<float>(v => v > 0f && !float.IsInfinity(v), "must be positive and finite");

    public static Option<float?> PositiveFinite(this Option<float?> option) =>
        option.Check<float?>(v => v is not { } x || (x > 0f && !float.IsInfinity(x)), "must be positive and finite");

    /// <summary>[0, 1): Adam's decay rates.</summary>
    public static Option<float?> UnitInterval(this Option<float?> option) =>
        option.Check<float?>(v => v is not { } x || (x >= 0f && x < 1f), "must be in [0, 1)");

    /// <summary>One of <paramref name="allowed"/> (exact spelling), shown in the help as &lt;a|b&gt;.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] allowed)
    {
        option.HelpName = string.Join('|', allowed);
        option.CompletionSources.Add(allowed);
        return option.Check<string>(v => v is null || allowed.Contains(v, StringComparer.Ordinal),
            "must be " + string.Join(" or ", allowed.Select(a => $"'{a}'")), quote: true);
    }

    /// <summary>Adds "<c>--name rule, got value</c>" as a parse error when <paramref name="ok"/> is false. A value
    /// that did not convert at all is skipped: System.CommandLine reports that error itself.</summary>
    private static Option<T> Check<T>(this Option<T> option, Func<T, bool> ok, string rule, bool quote = false)
    {
        option.Validators.Add(r =>
        {
            T value;
            try { value = r.GetValueOrDefault<T>(); }
            catch (InvalidOperationException) { return; }
            if (ok(value)) return;
            string shown = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "";
            r.AddError($"{option.Name} {rule}, got {(quote ? $"'{shown}'" : shown)}");
        });
        return option;
    }

    public static string Show(float v) => v.ToString(CultureInfo.InvariantCulture);
}
