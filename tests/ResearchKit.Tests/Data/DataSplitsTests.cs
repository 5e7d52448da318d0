namespace ResearchKit.Tests.Data;

public class DataSplitsTests
{
    private static DataSplits Toy() => new("toy",
        new Dataset("toy/train", [0f, 0.1f, 0f, 0.2f, 0f, 0.3f], [0, 1, 1], features: 2),
        new Dataset("toy/test", [0.9f, 0.4f], [1], features: 2));

    [Fact]
    public void Constructor_FeatureMismatch_NamesBothCounts()
    {
        var train = new Dataset("a/train", new float[6], [0, 1], features: 3);
        var test = new Dataset("a/test", new float[4], [0], features: 4);

        var e = Assert.Throws<ArgumentException>(() => new DataSplits("a", train, test));

        Assert.Contains("train.Features (3, 'a/train') != test.Features (4, 'a/test')", e.Message);
    }

    [Fact]
    public void Denoised_UsesTheTrainMaskForBothSplits_AndIsCached()
    {
        var splits = Toy();

        var denoised = splits.Denoised();

        Assert.Same(denoised, splits.Denoised());
        Assert.Equal("toy (denoised)", denoised.Name);
        Assert.Equal("toy/test (denoised)", denoised.Test.Name);
        // column 0 is zero throughout train, so it goes from test too although test has 0.9 there
        Assert.Equal([0.4f], denoised.Test.Row(0).ToArray());
        Assert.Equal([0.1f, 0.2f, 0.3f], denoised.Train.Pixels.ToArray());
    }

    [Fact]
    public void ClassDistribution_CountsBothSplits()
    {
        var dist = Toy().ClassDistribution();

        Assert.Equal([1, 2, 0, 0, 0, 0, 0, 0, 0, 0], dist.TrainCounts);
        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 0, 0, 0], dist.TestCounts);
    }
}
