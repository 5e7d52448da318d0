namespace ResearchKit.Tests.Data;

public class DatasetTests
{
    // 4 rows x 4 features; row 1 all zero, row 2 holds -0 (zero) and NaN (nonzero)
    private static Dataset Tiny() => new("tiny", [
        0f, 0.5f, 0f, 1f,
        0f, 0f, 0f, 0f,
        0.25f, -0f, 0f, float.NaN,
        0f, 0f, 0.75f, 0f,
    ], [2, 0, 2, 1], features: 4, classes: 3);

    [Fact]
    public void Constructor_ExposesShapeAndRows()
    {
        var d = Tiny();

        Assert.Equal(("tiny", 4, 4, 3), (d.Name, d.Count, d.Features, d.Classes));
        Assert.Equal([0f, 0f, 0.75f, 0f], d.Row(3).ToArray());
        Assert.Equal(16, d.Pixels.Length);
        Assert.Equal([2, 0, 2, 1], d.Labels.ToArray());
    }

    [Fact]
    public void Constructor_PixelCountMismatch_NamesBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset("x", new float[5], new byte[2], features: 3));

        Assert.Contains("pixels.Length (5) != labels.Length*features (2*3)", e.Message);
    }

    [Fact]
    public void Constructor_LabelOutOfRange_NamesIndexAndValue()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset("x", new float[3], [1, 0, 10], features: 1));

        Assert.Contains("labels[2] (10) is outside 0..9", e.Message);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-3, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 257)]
    public void Constructor_BadFeaturesOrClasses_Throws(int features, int classes)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Dataset("x", [], [], features, classes));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Row_OutsideCount_NamesIndexAndCount(int i)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tiny().Row(i));

        Assert.Contains($"row {i} is outside 0..3 (Count = 4)", e.Message);
    }

    [Fact]
    public void NonzeroIndex_OnHandMadeRows_IsTheExpectedCsr()
    {
        var index = Tiny().NonzeroIndex;

        Assert.Equal([0, 2, 2, 4, 5], index.RowStarts);
        Assert.Equal([1, 3, 0, 3, 2], index.Columns);
    }

    [Fact]
    public void NonzeroIndex_IsComputedOnce_EvenUnderConcurrentFirstUse()
    {
        var d = Tiny();
        var seen = new SparseRows[8];

        Parallel.For(0, seen.Length, i => seen[i] = d.NonzeroIndex);

        Assert.All(seen, s => Assert.Same(seen[0], s));
    }

    [Fact]
    public void NonzeroIndex_MoreFeaturesThanAUshortHolds_Throws()
    {
        var d = new Dataset("wide", new float[65537], [0], features: 65537);

        var e = Assert.Throws<InvalidOperationException>(() => d.NonzeroIndex);
        Assert.Contains("65537", e.Message);
        Assert.Empty(new Dataset("widest", new float[65536], [0], features: 65536).NonzeroIndex.Columns);
    }

    [Fact]
    public void Density_IsFractionOfNonzeroPixels()
    {
        Assert.Equal(5 / 16.0, Tiny().Density);
        Assert.Equal(0.0, new Dataset("empty", [], [], 4).Density);
    }

    [Fact]
    public void ClassCounts_CountsEveryClass_InAFreshArray()
    {
        var d = Tiny();
        var counts = d.ClassCounts();
        counts[0] = 99;

        Assert.Equal([1, 1, 2], d.ClassCounts());
    }
}
