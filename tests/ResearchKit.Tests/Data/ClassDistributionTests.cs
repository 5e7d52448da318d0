using System.Globalization;

namespace ResearchKit.Tests.Data;

public class ClassDistributionTests
{
    [Fact]
    public void ToCsv_WritesHeaderThenOneRowPerClass_WithSixDecimalShares()
    {
        var dist = new ClassDistribution([1, 3], [2, 2]);

        Assert.Equal(
            "class,train_count,train_share,test_count,test_share\n" +
            "0,1,0.250000,2,0.500000\n" +
            "1,3,0.750000,2,0.500000\n",
            dist.ToCsv());
    }

    [Fact]
    public void ToCsv_IgnoresACommaDecimalCurrentCulture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            Assert.Contains("0,1,0.333333,1,1.000000", new ClassDistribution([1, 2], [1, 0]).ToCsv());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Shares_AreCountsOverSplitTotal_AndZeroForAnEmptySplit()
    {
        var dist = new ClassDistribution([1, 3], [0, 0]);

        Assert.Equal(0.75, dist.TrainShare(1));
        Assert.Equal(0.0, dist.TestShare(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => dist.TrainShare(2));
    }

    [Fact]
    public void Record_CopiesItsInput_AndComparesByCounts()
    {
        int[] train = [1, 2];
        var dist = new ClassDistribution(train, [3, 4]);
        train[0] = 100;

        Assert.Equal(1, dist.TrainCounts[0]);
        Assert.Equal(new ClassDistribution([1, 2], [3, 4]), dist);
        Assert.NotEqual(dist with { TestCounts = [3, 5] }, dist);
    }

    [Fact]
    public void Constructor_NegativeCount_NamesListAndIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClassDistribution([1, -2], [0, 0]));

        Assert.Contains("TrainCounts[1] (-2) is negative", e.Message);
    }
}
