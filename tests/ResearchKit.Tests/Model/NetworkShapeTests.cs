namespace ResearchKit.Tests.Model;

public class NetworkShapeTests
{
    /// <summary>The paper's Figure A7 and Experiment 5. (Figure A7 prints 7,690 for H = 10; the formula
    /// 784·10 + 10 + 10·10 + 10 gives 7,960: a transposition in the paper, the other four rows agree.)</summary>
    [Theory]
    [InlineData(784, 10, 7960)]
    [InlineData(784, 25, 19885)]
    [InlineData(784, 50, 39760)]
    [InlineData(784, 100, 79510)]
    [InlineData(784, 200, 159010)]
    [InlineData(717, 100, 72810)]
    public void ParameterCount_MatchesThePaper(int inputs, int hidden, int expected)
    {
        Assert.Equal(expected, new NetworkShape(inputs, hidden).ParameterCount);
    }

    [Theory]
    [InlineData(784, 100, 10)]
    [InlineData(12, 7, 10)]
    [InlineData(1, 1, 2)]
    public void Layout_PacksW1B1W2TB2BackToBack_InParameterCountFloats(int inputs, int hidden, int classes)
    {
        var shape = new NetworkShape(inputs, hidden, classes);
        var layout = new ParameterLayout(shape);
        var buffer = new float[layout.Total];

        Assert.Equal(shape.ParameterCount, layout.Total);
        Assert.Equal(0, layout.W1Offset);
        Assert.Equal(layout.W1Offset + inputs * hidden, layout.B1Offset);
        Assert.Equal(layout.B1Offset + hidden, layout.W2TOffset);
        Assert.Equal(layout.W2TOffset + hidden * classes, layout.B2Offset);
        Assert.Equal(layout.B2Offset + classes, layout.Total);
        Assert.Equal(inputs * hidden, layout.W1(buffer).Length);
        Assert.Equal(hidden, layout.B1(buffer).Length);
        Assert.Equal(hidden * classes, layout.W2T(buffer).Length);
        Assert.Equal(classes, layout.B2(buffer).Length);

        // the views are windows on the same buffer
        layout.B2(buffer)[^1] = 7f;
        Assert.Equal(7f, buffer[^1]);
    }

    [Theory]
    [InlineData(0, 100, 10, "input features must be positive, got 0")]
    [InlineData(784, -3, 10, "hidden units must be positive, got -3")]
    [InlineData(784, 100, 1, "classes must be at least 2, got 1")]
    [InlineData(65537, 10, 10, "input features (65537)")]
    public void Validate_RejectsImpossibleShapes_NamingTheValue(int inputs, int hidden, int classes, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkShape(inputs, hidden, classes).Validate());
        Assert.Contains(message, e.Message);
    }
}
