namespace ResearchKit;

/// <summary>What <see cref="Reproduction.Run"/> runs: which experiments, with what budget, where.</summary>
public sealed record ReproductionOptions
{
    public string OutputDirectory { get; init; } = "results";
    /// <summary>1-based experiment numbers, in the order to run them.</summary>
    public IReadOnlyList<int> Experiments { get; init; } = [1, 2, 3, 4, 5];
    /// <summary>Epochs per run; null: the paper's 100.</summary>
    public int? Epochs { get; init; }
    /// <summary>Seeds per level; null: the paper's (5 for Experiments 1–3, one for 4 and 5). For 4 and 5 a
    /// count draws from <see cref="PaperExperiments.FiveSeeds"/>.</summary>
    public int? Seeds { get; init; }
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    public Action<SweepProgress>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }

    /// <summary>The small budget: 3 epochs, 2 seeds.</summary>
    public static ReproductionOptions Quick { get; } = new() { Epochs = 3, Seeds = 2 };

    /// <summary>The experiment as this budget runs it.</summary>
    public Experiment Budgeted(int number)
    {
        var e = PaperExperiments.Number(number);
        if (Epochs is int epochs) e = e.WithEpochs(epochs);
        if (Seeds is int seeds)
        {
            if (seeds <= 0) throw new ArgumentOutOfRangeException(nameof(Seeds), seeds, $"seeds must be positive, got {seeds}");
            e = number >= 4 ? e.WithSeeds(PaperExperiments.FiveSeeds.Take(Math.Min(seeds, PaperExperiments.FiveSeeds.Count)).ToArray())
                : e.TakeSeeds(seeds);
        }
        return e;
    }

    internal void Validate()
    {
        if (Experiments.Count == 0) throw new ArgumentException("no experiments selected");
        foreach (int n in Experiments)
            if (n is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(Experiments), n, $"the paper has experiments 1..5, got {n}");
        if (Epochs is <= 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"epochs must be positive, got {Epochs}");
        if (Seeds is < 1 or > 5)
            throw new ArgumentOutOfRangeException(nameof(Seeds), Seeds, $"seeds per level must be 1..5 (the paper drew five per level), got {Seeds}");
        if (Parallelism <= 0) throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, $"parallelism must be positive, got {Parallelism}");
    }
}
