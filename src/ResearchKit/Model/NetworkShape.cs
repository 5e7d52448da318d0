namespace ResearchKit;

/// <summary>The paper's network: Inputs → Hidden (ReLU) → Classes (softmax).</summary>
public sealed record NetworkShape(int Inputs, int Hidden, int Classes = 10)
{
    /// <summary>W1 + b1 + W2 + b2 = Inputs·Hidden + Hidden + Hidden·Classes + Classes
    /// (784-100-10: 79,510; 717-100-10: 72,810).</summary>
    public int ParameterCount => (int)Math.Min(int.MaxValue, ParameterCountLong);

    private long ParameterCountLong => (long)Inputs * Hidden + Hidden + (long)Hidden * Classes + Classes;

    internal void Validate()
    {
        if (Inputs <= 0) throw new ArgumentOutOfRangeException(nameof(Inputs), Inputs, $"input features must be positive, got {Inputs}");
        if (Hidden <= 0) throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, $"hidden units must be positive, got {Hidden}");
        if (Classes < 2) throw new ArgumentOutOfRangeException(nameof(Classes), Classes, $"classes must be at least 2, got {Classes}");
        if (ParameterCountLong > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, $"a {Inputs}-{Hidden}-{Classes} network has {ParameterCountLong} parameters, more than one array holds");
        if (Inputs > ushort.MaxValue + 1)
            throw new ArgumentOutOfRangeException(nameof(Inputs), Inputs, $"input features ({Inputs}) above 65536 are not supported by the sparse input index");
    }
}
