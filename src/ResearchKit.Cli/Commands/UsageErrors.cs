using System.Text.RegularExpressions;

namespace ResearchKit.Cli.Commands;

/// <summary>Exceptions that mean "the arguments or the data are wrong", turned into one line for stderr.</summary>
internal static partial class UsageErrors
{
    /// <summary>The core's parameter names and the options that set them.</summary>
    private static readonly Dictionary<string, string> OptionOf = new()
    {
        ["LearningRate"] = "--lr", ["BatchSize"] = "--batch", ["HiddenUnits"] = "--hidden", ["Epochs"] = "--epochs",
        ["Threads"] = "--threads", ["Beta1"] = "--beta1", ["Beta2"] = "--beta2", ["Epsilon"] = "--epsilon",
    };

    public static bool IsUsageError(Exception e) =>
        e is ArgumentException or IdxFormatException or IOException or UnauthorizedAccessException or InvalidDataException
            or System.Text.Json.JsonException;

    /// <summary>
    /// The message on one line: an <see cref="ArgumentException"/> loses its " (Parameter 'x')" and "Actual value
    /// was" tails and gains the option that set it (<c>--batch: batch size (70000) is larger than …</c>); a multi-line
    /// message (the data locator's list of places looked) is folded with "; ".
    /// </summary>
    public static string OneLine(Exception e, bool dataGiven)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } param })
        {
            message = message.Split('\n')[0].Replace($" (Parameter '{param}')", "");
            if (OptionOf.TryGetValue(param, out string? option)) message = $"{option}: {message}";
        }
        message = ListStart().Replace(message.Trim(), ": ");
        message = LineBreak().Replace(message, "; ");
        if (e is DirectoryNotFoundException && !dataGiven && message.Contains("data/mnist", StringComparison.Ordinal))
            message += "; pass --data DIR";
        return message;
    }

    [GeneratedRegex(@":\s*\r?\n\s*")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"\s*\r?\n\s*")]
    private static partial Regex LineBreak();
}
