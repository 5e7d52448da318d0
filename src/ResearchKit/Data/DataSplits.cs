namespace ResearchKit;

/// <summary>A train/test pair as the paper uses it.</summary>
public sealed class DataSplits
{
    private readonly Lazy<DataSplits> denoised;

    public string Name { get; }
    public Dataset Train { get; }
    public Dataset Test { get; }

    public DataSplits(string name, Dataset train, Dataset test)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Features != test.Features)
            throw new ArgumentException(
                $"train.Features ({train.Features}, '{train.Name}') != test.Features ({test.Features}, '{test.Name}')", nameof(test));
        if (train.Classes != test.Classes)
            throw new ArgumentException(
                $"train.Classes ({train.Classes}, '{train.Name}') != test.Classes ({test.Classes}, '{test.Name}')", nameof(test));
        Name = name;
        Train = train;
        Test = test;
        denoised = new Lazy<DataSplits>(() => Apply(FeatureMask.AlwaysZeroIn(Train)));
    }

    /// <summary>
    /// Loads the standard four-file IDX layout from <paramref name="directory"/>: train-images-idx3-ubyte,
    /// train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each as "&lt;base&gt;.gz" or raw
    /// "&lt;base&gt;". Any image size is accepted; train and test sizes must match.
    /// </summary>
    /// <param name="directory">Folder holding the four files.</param>
    /// <param name="name">Defaults to the folder's name; the splits are named "name/train" and "name/test".</param>
    public static DataSplits LoadIdx(string directory, string? name = null) => IdxLayout.Load(directory, name, requiredShape: null);

    /// <summary>
    /// Loads MNIST (28x28 images required). Without <paramref name="directory"/>, looks for <c>data/mnist</c>
    /// in AppContext.BaseDirectory and each of its parents, then in the current directory and its parents.
    /// </summary>
    public static DataSplits Mnist(string? directory = null) =>
        IdxLayout.Load(directory ?? DataLocator.FindMnist(), "mnist", requiredShape: (28, 28));

    /// <summary>
    /// The paper's denoising: <see cref="FeatureMask.AlwaysZeroIn"/>(Train) applied to both splits.
    /// Computed once; later calls return the same instance.
    /// </summary>
    public DataSplits Denoised() => denoised.Value;

    /// <summary>
    /// The denoised splits built by compacting these splits' own buffers: this instance must not be used
    /// afterwards. For loaders that own the raw splits and want the denoised ones without holding both.
    /// </summary>
    internal DataSplits ConsumeIntoDenoised()
    {
        var mask = FeatureMask.AlwaysZeroIn(Train);
        return new DataSplits(Name + " (denoised)", mask.ApplyInPlace(Train), mask.ApplyInPlace(Test));
    }

    /// <summary>Both splits with only the mask's kept columns.</summary>
    public DataSplits Apply(FeatureMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return new DataSplits(Name + " (denoised)", mask.Apply(Train), mask.Apply(Test));
    }

    public ClassDistribution ClassDistribution() => new(Train.ClassCounts(), Test.ClassCounts());

    public override string ToString() => $"{Name}: train {Train.Count}, test {Test.Count}, {Train.Features} features";
}
