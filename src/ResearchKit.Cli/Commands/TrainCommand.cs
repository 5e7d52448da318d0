using System.CommandLine;

namespace ResearchKit.Cli.Commands;

/// <summary>
/// <c>researchkit train</c>: one run with the given settings, one line per epoch, the per-class report at the end,
/// and — with <c>--out</c> — the run's files (<see cref="RunFiles"/>), written atomically once the run is over.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var hidden = new Option<int>("--hidden")
        { HelpName = "units", Description = "Hidden units H", DefaultValueFactory = _ => 100 }.Positive();
        var batch = new Option<int>("--batch")
        { HelpName = "size", Description = "Mini-batch size", DefaultValueFactory = _ => 64 }.Positive();
        var lr = new Option<float>("--lr")
        { HelpName = "rate", Description = "Adam learning rate", DefaultValueFactory = _ => 0.01f }.PositiveFinite();
        var epochs = new Option<int>("--epochs")
        { HelpName = "n", Description = "Epochs to train", DefaultValueFactory = _ => 100 }.Positive();
        var seed = new Option<int>("--seed")
        { HelpName = "n", Description = "Seed for initialisation and shuffling", DefaultValueFactory = _ => 515 };
        var threads = new Option<int>("--threads")
        {
            HelpName = "n",
            Description = "Threads inside the run [default: all cores]; results are deterministic for a given count, and 1 thread is bit-reproducible on any machine",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        }.Positive();
        var denoise = new Option<bool>("--denoise")
        { Description = "Drop the pixels that are zero in every training image (784 -> 717 inputs)" };
        var data = new Option<string>("--data")
        {
            HelpName = "dir",
            Description = "Folder with the four MNIST IDX files [default: data/mnist, found above the tool or the current folder]",
        };
        var output = new Option<string>("--out")
        {
            HelpName = "dir",
            Description = "Write epochs.csv, run.json and the test reports into this folder (atomically, at the end)",
        };
        var preset = new PresetOptions();

        var command = new Command("train", "Train the 784-H-10 MLP once and report per-epoch losses and accuracies")
        {
            hidden, batch, lr, epochs, seed,
        };
        foreach (var option in preset.All) command.Add(option);
        command.Add(denoise);
        command.Add(data);
        command.Add(output);
        command.Add(threads);

        command.SetAction((parse, cancellation) =>
        {
            var (chosen, overrides) = preset.Resolve(parse);
            var request = new TrainRequest(
                new TrainingSettings
                {
                    HiddenUnits = parse.GetValue(hidden),
                    BatchSize = parse.GetValue(batch),
                    LearningRate = parse.GetValue(lr),
                    Epochs = parse.GetValue(epochs),
                    Seed = parse.GetValue(seed),
                    Threads = parse.GetValue(threads),
                    Preset = chosen,
                },
                overrides,
                parse.GetValue(data),
                parse.GetValue(denoise),
                parse.GetValue(output),
                "researchkit " + string.Join(' ', parse.Tokens.Select(t => Quote(t.Value))));
            var console = parse.InvocationConfiguration;
            return TrainRunner.RunAsync(request, console.Output, console.Error, cancellation);
        });
        return command;
    }

    private static string Quote(string token) =>
        token.Length > 0 && !token.Any(char.IsWhiteSpace) && !token.Contains('\'') ? token : "'" + token.Replace("'", "'\\''") + "'";
}
