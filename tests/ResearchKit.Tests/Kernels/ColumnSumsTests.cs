using ResearchKit.Kernels;

namespace ResearchKit.Tests.Kernels;

public class ColumnSumsTests
{
    [Fact]
    public void Sum_MatchesDoubleSumOfEachColumn_AndOverwrites()
    {
        foreach (int rows in new[] { 0, 1, 3, 17, 64 })
            foreach (int cols in KernelData.Hiddens)
            {
                var m = KernelData.Normal(KernelData.For(rows, cols), rows * cols, 1);
                var expected = new float[cols];
                for (int j = 0; j < cols; j++)
                {
                    double s = 0;
                    for (int i = 0; i < rows; i++) s += m[i * cols + j];
                    expected[j] = (float)s;
                }
                var sums = KernelData.Poisoned(cols);
                ColumnSums.Sum(m, rows, cols, sums);
                Approx.Equal(expected, sums, 1e-5, 1e-6, $"column sums of {rows}x{cols}");
            }
    }
}
