using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using ResearchKit.Tests.Kernels;

namespace ResearchKit.Tests.Model;

public class OrthogonalInitTests
{
    private const int Seed = 515;

    public static TheoryData<int, int> Shapes => new()
    {
        { 784, 100 }, { 100, 10 }, { 7, 7 }, { 12, 7 },   // rows ≥ cols: W1, W2 and small ones
        { 10, 100 }, { 3, 5 }, { 7, 12 },                   // rows < cols
        { 1, 100 }, { 1, 10 }, { 1, 1 },                    // biases
    };

    private static Matrix<double> AsMatrix(double[] rowMajor, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (i, j) => rowMajor[i * cols + j]);

    private static Matrix<double> Draws(int rows, int cols)
    {
        // the documented draw order: row-major N(0, 1) from one Random(seed)
        var random = new Random(Seed);
        var a = new double[rows * cols];
        for (int i = 0; i < a.Length; i++) a[i] = OrthogonalInit.StandardNormal(random);
        return AsMatrix(a, rows, cols);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Matrix_HasOrthonormalColumnsWhenTall_RowsWhenWide(int rows, int cols)
    {
        var w = AsMatrix(OrthogonalInit.Matrix(rows, cols, new Random(Seed)), rows, cols);
        var gram = rows >= cols ? w.TransposeThisAndMultiply(w) : w.TransposeAndMultiply(w);   // WᵀW or WWᵀ
        var identity = Matrix<double>.Build.DenseIdentity(gram.RowCount);
        Approx.Equal(identity.ToColumnMajorArray(), gram.ToColumnMajorArray(), 0, 1e-10,
            $"{(rows >= cols ? "WᵀW" : "WWᵀ")} vs I for {rows}x{cols}");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10)]
    [InlineData(1)]
    public void Matrix_OneRow_IsTheDrawnVectorScaledToUnitNorm(int n)
    {
        var a = Draws(1, n).Row(0);
        var w = OrthogonalInit.Matrix(1, n, new Random(Seed));
        Approx.Equal([1.0], [Math.Sqrt(w.Sum(x => x * x))], 0, 1e-12, $"norm of the 1x{n} bias");
        Approx.Equal((a / a.L2Norm()).ToArray(), w, 0, 1e-12, $"1x{n} bias vs a/‖a‖");
    }

    /// <summary>An independent redo: the same draws, MathNet's thin QR, each column of Q times sign(R_jj),
    /// transposed when the shape is wide.</summary>
    [Theory, MemberData(nameof(Shapes))]
    public void Matrix_EqualsQTimesSignOfDiagR_OfTheSameDraws(int rows, int cols)
    {
        var a = Draws(rows, cols);
        bool wide = rows < cols;
        var qr = (wide ? a.Transpose() : a).QR(QRMethod.Thin);
        var q = qr.Q.Clone();
        for (int j = 0; j < q.ColumnCount; j++)
            q.SetColumn(j, q.Column(j) * Math.Sign(qr.R[j, j]));
        var expected = wide ? q.Transpose() : q;

        var actual = OrthogonalInit.Matrix(rows, cols, new Random(Seed));
        Approx.Equal(expected.ToRowMajorArray(), actual, 0, 1e-12, $"{rows}x{cols} vs Q·diag(sign R) of the same draws");
    }

    /// <summary>
    /// The sign convention without any QR routine: for a tall A = W·R, WᵀA must be upper triangular with a positive
    /// diagonal (the projection of each drawn column on its own W column is positive); for a wide A, W·Aᵀ.
    /// </summary>
    [Theory, MemberData(nameof(Shapes))]
    public void Matrix_ProjectsEachDrawnColumnPositivelyOntoItsOwnColumn(int rows, int cols)
    {
        var a = Draws(rows, cols);
        var w = AsMatrix(OrthogonalInit.Matrix(rows, cols, new Random(Seed)), rows, cols);
        var r = rows >= cols ? w.TransposeThisAndMultiply(a) : w.TransposeAndMultiply(a);   // WᵀA or WAᵀ, k × k
        double scale = a.FrobeniusNorm();
        for (int i = 0; i < r.RowCount; i++)
        {
            Assert.True(r[i, i] > 0, $"{rows}x{cols}: diagonal R[{i},{i}] = {r[i, i]} is not positive");
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(r[i, j]) <= 1e-12 * scale, $"{rows}x{cols}: R[{i},{j}] = {r[i, j]} below the diagonal is not ~0");
        }
    }

    /// <summary>The trainer draws W1, b1, W2, b2 from one generator in turn, so each matrix must take exactly
    /// two uniforms per entry (Box–Muller, one normal per pair) and no more.</summary>
    [Theory]
    [InlineData(12, 7)]
    [InlineData(3, 5)]
    public void Matrix_ConsumesExactlyTwoUniformsPerEntry(int rows, int cols)
    {
        var used = new Random(Seed);
        OrthogonalInit.Matrix(rows, cols, used);
        var skipped = new Random(Seed);
        for (int i = 0; i < 2 * rows * cols; i++) skipped.NextDouble();
        Assert.Equal(skipped.NextDouble(), used.NextDouble());
    }

    [Fact]
    public void StandardNormal_HasMean0AndVariance1()
    {
        var random = new Random(Seed);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double z = OrthogonalInit.StandardNormal(random);
            Assert.True(double.IsFinite(z), $"draw {i} is {z}");
            sum += z; sumSq += z * z;
        }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        Assert.True(Math.Abs(mean) < 0.01, $"mean {mean}");           // standard error 0.0022
        Assert.True(Math.Abs(variance - 1) < 0.02, $"variance {variance}");   // standard error 0.0032
    }

    [Fact]
    public void Matrix_EmptyShape_IsRejectedNamingTheShape()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OrthogonalInit.Matrix(0, 5, new Random(1)));
        Assert.Contains("0x5", e.Message);
    }
}
