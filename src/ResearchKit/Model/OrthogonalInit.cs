using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit;

/// <summary>
/// Orthogonal initialisation (Saxe et al., 2013) exactly as the paper's code did it: draw A ~ N(0, 1) of
/// the tensor's shape, transpose if rows &lt; cols, reduced QR, multiply each column of Q by sign(diag R)
/// (so the result does not depend on the QR routine's sign choices), transpose back.
/// A 1 × n bias becomes a random unit-norm row vector.
/// </summary>
public static class OrthogonalInit
{
    /// <summary>A rows × cols matrix, row-major, with orthonormal columns (rows ≥ cols) or rows (rows &lt; cols).</summary>
    public static double[] Matrix(int rows, int cols, Random random)
    {
        if (rows <= 0 || cols <= 0) throw new ArgumentOutOfRangeException(nameof(rows), $"shape must be positive, got {rows}x{cols}");
        var a = new double[rows * cols];
        for (int i = 0; i < a.Length; i++) a[i] = StandardNormal(random);   // row-major draw order
        bool transpose = rows < cols;
        int r = transpose ? cols : rows, c = transpose ? rows : cols;
        var m = Matrix<double>.Build.Dense(r, c, (i, j) => transpose ? a[j * cols + i] : a[i * cols + j]);
        var qr = m.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        var rDiag = qr.R.Diagonal();
        var result = new double[rows * cols];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
            {
                double value = rDiag[j] < 0 ? -q[i, j] : q[i, j];   // sign(0) taken as +1: never zero a column
                if (transpose) result[j * cols + i] = value; else result[i * cols + j] = value;
            }
        return result;
    }

    /// <summary>Box–Muller on the seeded generator: deterministic for a seed on every platform.</summary>
    public static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();   // (0, 1]: log(0) is −∞
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
