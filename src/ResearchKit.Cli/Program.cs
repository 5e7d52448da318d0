using System.CommandLine;
using System.CommandLine.Invocation;
using ResearchKit.Cli.Commands;

namespace ResearchKit.Cli;

/// <summary>The <c>researchkit</c> tool: one root command, one sibling file per subcommand in <c>Commands/</c>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>The root command with every subcommand; add new ones here.</summary>
    public static RootCommand BuildRoot() => new("ResearchKit: reproduce the 784-H-10 MLP on MNIST")
    {
        TrainCommand.Create(),
        ReproduceCommand.Create(),
    };

    /// <summary>Parses and runs <paramref name="args"/> in-process, writing to the given writers. Parse errors
    /// (unknown options, unparsable or invalid values) print one <c>error: …</c> line — several problems joined
    /// with "; " — and return <see cref="ExitCodes.BadArguments"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        CancellationToken cancellation = default)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            await error.WriteLineAsync("error: " + string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.'))));
            return ExitCodes.BadArguments;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellation);
    }

    /// <summary>Synchronous <see cref="RunAsync"/>, for tests and scripts.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        RunAsync(args, output, error, cancellation).GetAwaiter().GetResult();
}
