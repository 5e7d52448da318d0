using System.Numerics.Tensors;

namespace ResearchKit.Kernels;

/// <summary>Bias gradients: the sum over the batch of each column.</summary>
public static class ColumnSums
{
    /// <summary>sums[j] = Σ_i m[i, j] for m [rows × cols] (overwrites sums).</summary>
    public static void Sum(ReadOnlySpan<float> m, int rows, int cols, Span<float> sums)
    {
        Check.Length(m.Length, (long)rows * cols, nameof(m), "rows*cols");
        Check.Length(sums.Length, cols, nameof(sums), "cols");
        sums = sums.Slice(0, cols);
        sums.Clear();
        for (int i = 0; i < rows; i++) TensorPrimitives.Add(sums, m.Slice(i * cols, cols), sums);
    }
}
