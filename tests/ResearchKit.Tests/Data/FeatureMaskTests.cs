namespace ResearchKit.Tests.Data;

public class FeatureMaskTests
{
    // columns 0 and 3 are zero in every row; column 2 only in some
    private static Dataset Train() => new("toy/train", [
        0f, 0.1f, 0f, 0f, 0.5f,
        0f, 0.2f, 0.3f, 0f, 0f,
    ], [0, 1], features: 5);

    [Fact]
    public void AlwaysZeroIn_DropsExactlyTheColumnsZeroInEveryRow()
    {
        var mask = FeatureMask.AlwaysZeroIn(Train());

        Assert.Equal(5, mask.InputFeatures);
        Assert.Equal([1, 2, 4], mask.Kept);
        Assert.Equal([0, 3], mask.Dropped);
    }

    [Fact]
    public void Apply_KeepsColumnsInOrder_SharesLabels_AndAppendsDenoisedToName()
    {
        var mask = FeatureMask.AlwaysZeroIn(Train());
        var test = new Dataset("toy/test", [9f, 1f, 2f, 9f, 4f], [7], features: 5);

        var masked = mask.Apply(test);

        Assert.Equal("toy/test (denoised)", masked.Name);
        Assert.Equal(3, masked.Features);
        Assert.Equal([1f, 2f, 4f], masked.Row(0).ToArray());
        Assert.Equal([7], masked.Labels.ToArray());
    }

    [Fact]
    public void Apply_WrongFeatureCount_NamesBothCounts()
    {
        var mask = FeatureMask.AlwaysZeroIn(Train());
        var other = new Dataset("other", new float[4], [0], features: 4);

        var e = Assert.Throws<ArgumentException>(() => mask.Apply(other));

        Assert.Contains("'other' has 4 features but the mask expects InputFeatures (5)", e.Message);
    }

    [Fact]
    public void AlwaysZeroIn_AllZeroOrEmptyTrain_Throws()
    {
        Assert.Throws<ArgumentException>(() => FeatureMask.AlwaysZeroIn(new Dataset("zeros", new float[6], [0, 0], 3)));
        Assert.Throws<ArgumentException>(() => FeatureMask.AlwaysZeroIn(new Dataset("empty", [], [], 3)));
    }

    [Fact]
    public void KeptAndDropped_CannotBeModifiedByCallers()
    {
        var mask = FeatureMask.AlwaysZeroIn(Train());

        Assert.IsNotType<int[]>(mask.Kept);
        Assert.IsNotType<int[]>(mask.Dropped);
    }
}
