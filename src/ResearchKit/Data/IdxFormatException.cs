namespace ResearchKit;

/// <summary>
/// An IDX file (MNIST layout) that cannot be read: missing, not gzip although it claims to be,
/// wrong magic number, truncated, or holding values the caller ruled out. The message always
/// names the file and the problem.
/// </summary>
public sealed class IdxFormatException : Exception
{
    /// <summary>Full path of the offending file.</summary>
    public string Path { get; }

    /// <summary>The problem without the file name, e.g. "truncated payload: expected 47040000 bytes, got 100".</summary>
    public string Problem { get; }

    public IdxFormatException(string path, string problem, Exception? innerException = null)
        : base($"IDX file '{path}': {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }
}
