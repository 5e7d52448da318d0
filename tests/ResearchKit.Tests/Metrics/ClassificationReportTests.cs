namespace ResearchKit.Tests.Metrics;

public class ClassificationReportTests
{
    private const int Digits = 14;

    private static ClassificationReport Example() =>
        ConfusionMatrix.From(ConfusionMatrixTests.Actual, ConfusionMatrixTests.Predicted, 3).Report();

    /// <summary>
    /// By hand from the matrix [[3,1,0],[1,2,0],[0,1,2]] (rows actual): predicted totals 4, 4, 2; supports 4, 3, 3.
    /// precision 3/4, 2/4, 2/2; recall 3/4, 2/3, 2/3; F1 = 2PR/(P+R) = 3/4, 4/7, 4/5.
    /// </summary>
    [Fact]
    public void From_GivesHandComputedPrecisionRecallF1AndSupport()
    {
        var r = Example();
        double[] precision = [3.0 / 4, 2.0 / 4, 2.0 / 2];
        double[] recall = [3.0 / 4, 2.0 / 3, 2.0 / 3];
        double[] f1 = [3.0 / 4, 4.0 / 7, 4.0 / 5];
        int[] support = [4, 3, 3];

        Assert.Equal(3, r.Classes.Count);
        for (int c = 0; c < 3; c++)
        {
            var m = r.Classes[c];
            Assert.Equal(c, m.Class);
            Assert.Equal(precision[c], m.Precision, Digits);
            Assert.Equal(recall[c], m.Recall, Digits);
            Assert.Equal(f1[c], m.F1, Digits);
            Assert.Equal(support[c], m.Support);
        }
        Assert.Equal(0.7, r.Accuracy, Digits);

        Assert.Equal(precision.Average(), r.MacroAverage.Precision, Digits);   // 0.75
        Assert.Equal(recall.Average(), r.MacroAverage.Recall, Digits);         // 25/36
        Assert.Equal(f1.Average(), r.MacroAverage.F1, Digits);
        Assert.Equal(10, r.MacroAverage.Support);

        Assert.Equal((0.75 * 4 + 0.5 * 3 + 1.0 * 3) / 10, r.WeightedAverage.Precision, Digits);   // 0.75
        Assert.Equal(0.7, r.WeightedAverage.Recall, Digits);    // support-weighted recall is the accuracy
        Assert.Equal((0.75 * 4 + 4.0 / 7 * 3 + 0.8 * 3) / 10, r.WeightedAverage.F1, Digits);
        Assert.Equal(10, r.WeightedAverage.Support);
    }

    /// <summary>Class 2 is present but never predicted: its precision is 0/0 = NaN (not 0), its F1 is NaN, and a
    /// NaN class makes the macro (and weighted) averages NaN — as documented.</summary>
    [Fact]
    public void NeverPredictedClass_HasNaNPrecision_AndMakesTheMacroAverageNaN()
    {
        var r = ConfusionMatrix.From([0, 1, 2, 2], [0, 1, 0, 1], 3).Report();
        var c2 = r.Classes[2];
        Assert.True(double.IsNaN(c2.Precision), $"precision of a never-predicted class is {c2.Precision}, expected NaN");
        Assert.Equal(0.0, c2.Recall);
        Assert.True(double.IsNaN(c2.F1), $"F1 {c2.F1}");
        Assert.Equal(2, c2.Support);
        Assert.True(double.IsNaN(r.MacroAverage.Precision), $"macro precision {r.MacroAverage.Precision}");
        Assert.True(double.IsNaN(r.MacroAverage.F1), $"macro F1 {r.MacroAverage.F1}");
        Assert.Equal((1.0 + 1.0 + 0.0) / 3, r.MacroAverage.Recall, Digits);   // recall is defined for every class
        Assert.True(double.IsNaN(r.WeightedAverage.Precision), $"weighted precision {r.WeightedAverage.Precision}");
    }

    [Fact]
    public void AbsentClass_HasNaNRecall()
    {
        var r = ConfusionMatrix.From([0, 1, 1], [0, 1, 2], 3).Report();
        Assert.True(double.IsNaN(r.Classes[2].Recall), $"recall of a class with no examples is {r.Classes[2].Recall}");
        Assert.Equal(0.0, r.Classes[2].Precision);
        Assert.Equal(0, r.Classes[2].Support);
    }

    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(1, 1, 1.0)]
    [InlineData(0.5, 1, 2.0 / 3)]
    public void F1_IsTheHarmonicMean_And0WhenBothAre0(double precision, double recall, double expected)
    {
        Assert.Equal(expected, ClassificationReport.F1(precision, recall), Digits);
    }

    [Fact]
    public void ToCsv_HasHeaderClassRowsThenAverages()
    {
        var lines = Example().ToCsv().Split('\n');
        Assert.Equal("class,precision,recall,f1,support", lines[0]);
        Assert.Equal("0,0.75,0.75,0.75,4", lines[1]);
        Assert.StartsWith("1,0.5,0.6666666666666666,0.571428571428571", lines[2]);   // F1 4/7, last digit left to rounding
        Assert.EndsWith(",3", lines[2]);
        Assert.Matches(@"^2,1,0\.6666666666666666,0\.(8|7999999999999\d*|800000000000000\d*),3$", lines[3]);
        Assert.StartsWith("macro avg,0.75,", lines[4]);
        Assert.StartsWith("weighted avg,0.75,0.7,", lines[5]);
        Assert.EndsWith(",10", lines[5]);
        Assert.Equal("", lines[6]);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public void ToCsv_WritesNaNForAnUndefinedMetric()
    {
        var csv = ConfusionMatrix.From([0, 1, 2, 2], [0, 1, 0, 1], 3).Report().ToCsv();
        Assert.Contains("\n2,NaN,0,NaN,2\n", csv);
        Assert.Contains("\nmacro avg,NaN,", csv);
    }
}
