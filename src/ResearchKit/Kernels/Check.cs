namespace ResearchKit.Kernels;

/// <summary>Shape checks run once at each kernel's entry, so that a wrong size is reported with its
/// values instead of surfacing as an index error inside a vector loop.</summary>
internal static class Check
{
    public static void Length(int actual, long expected, string name, string formula)
    {
        if (actual < expected)
            throw new ArgumentException($"{name}.Length ({actual}) < {formula} ({expected})", name);
    }

    public static void Positive(int value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, got {value}");
    }
}
