namespace ResearchKit.Tests.Data;

/// <summary>
/// One MNIST load shared by every test in the process (about 0.2 s and 220 MB each time otherwise).
/// Found by <see cref="DataSplits.Mnist"/>'s walk up from the test binaries to data/mnist.
/// </summary>
internal static class MnistFixture
{
    private static readonly Lazy<DataSplits> splits = new(() => DataSplits.Mnist());

    public static DataSplits Splits => splits.Value;

    public static string Directory => DataLocator.FindMnist();
}
