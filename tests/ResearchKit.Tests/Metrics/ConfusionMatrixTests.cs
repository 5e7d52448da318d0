namespace ResearchKit.Tests.Metrics;

public class ConfusionMatrixTests
{
    /// <summary>10 examples of 3 classes; rows actual, columns predicted:
    /// <code>
    ///          0  1  2
    /// actual 0 3  1  0
    ///        1 1  2  0
    ///        2 0  1  2
    /// </code></summary>
    internal static readonly byte[] Actual = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    internal static readonly byte[] Predicted = [0, 1, 0, 0, 0, 1, 1, 2, 1, 2];

    [Fact]
    public void From_CountsEachActualPredictedPair()
    {
        var cm = ConfusionMatrix.From(Actual, Predicted, 3);
        int[,] expected = { { 3, 1, 0 }, { 1, 2, 0 }, { 0, 1, 2 } };
        for (int a = 0; a < 3; a++)
            for (int p = 0; p < 3; p++)
                Assert.True(expected[a, p] == cm[a, p], $"cm[{a},{p}] = {cm[a, p]}, expected {expected[a, p]}");
        Assert.Equal(3, cm.Classes);
        Assert.Equal(10, cm.Total);
        Assert.Equal(7, cm.Correct);
        Assert.Equal(0.7, cm.Accuracy, 15);
    }

    [Fact]
    public void ToCsv_HasActualRowsAndPredictedColumns()
    {
        var csv = ConfusionMatrix.From(Actual, Predicted, 3).ToCsv();
        Assert.Equal("actual,0,1,2\n0,3,1,0\n1,1,2,0\n2,0,1,2\n", csv);
    }

    [Fact]
    public void ToCsv_HeaderNamesEveryClass()
    {
        var csv = ConfusionMatrix.From([9], [9], 10).ToCsv();
        Assert.StartsWith("actual,0,1,2,3,4,5,6,7,8,9\n", csv);
        Assert.EndsWith("9,0,0,0,0,0,0,0,0,0,1\n", csv);
    }

    [Fact]
    public void From_DifferentLengths_IsRejectedNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.From([0, 1, 2], [0, 1], 3));
        Assert.Contains("(3)", e.Message);
        Assert.Contains("(2)", e.Message);
    }

    [Fact]
    public void From_ClassOutsideRange_IsRejectedNamingRowAndClass()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.From([0, 1, 2], [0, 3, 2], 3));
        Assert.Contains("row 1", e.Message);
        Assert.Contains("class 3", e.Message);
    }

    [Fact]
    public void Constructor_CopiesTheCounts()
    {
        var counts = new[] { 1, 2, 3, 4 };
        var cm = new ConfusionMatrix(2, counts);
        counts[0] = 100;
        Assert.Equal(1, cm[0, 0]);
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(2, new int[3]));
    }
}
