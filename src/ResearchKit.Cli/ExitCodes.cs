namespace ResearchKit.Cli;

/// <summary>What the tool's exit status means; scripts and CI branch on these.</summary>
public static class ExitCodes
{
    public const int Completed = 0;
    /// <summary>Unknown option, unparsable or invalid value, unreadable data: nothing ran, nothing was written.</summary>
    public const int BadArguments = 2;
    /// <summary>The loss stopped being finite; the epochs before it are still written, with status "diverged".</summary>
    public const int Diverged = 3;
    /// <summary>Ctrl-C (128 + SIGINT), as shells report it; nothing was written.</summary>
    public const int Cancelled = 130;
}
