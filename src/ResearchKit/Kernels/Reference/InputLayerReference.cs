namespace ResearchKit.Kernels;

/// <summary>Plain-loop twin of <see cref="InputLayer"/>: dense over every input, double accumulators.
/// It ignores the nonzero index on purpose, so comparing the two also checks the index.</summary>
public static class InputLayerReference
{
    public static void ForwardRelu(
        ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<float> values, ReadOnlySpan<int> rows,
        int inputs, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int hidden, Span<float> a)
    {
        InputLayer.Validate(x.Length / inputs, rows, inputs, w, b, hidden, a.Length, nameof(a), null, 0);
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < hidden; j++)
            {
                double s = b[j];
                for (int k = 0; k < inputs; k++) s += (double)x[rows[i] * inputs + k] * w[k * hidden + j];
                a[i * hidden + j] = (float)Math.Max(s, 0.0);
            }
    }

    public static void Backward(
        ReadOnlySpan<float> x, ReadOnlySpan<int> rowStarts, ReadOnlySpan<ushort> columns, ReadOnlySpan<float> values, ReadOnlySpan<int> rows,
        int inputs, ReadOnlySpan<float> dz, int hidden, Span<float> dw, Span<float> db)
    {
        for (int k = 0; k < inputs; k++)
            for (int j = 0; j < hidden; j++)
            {
                double s = 0;
                for (int i = 0; i < rows.Length; i++) s += (double)x[rows[i] * inputs + k] * dz[i * hidden + j];
                dw[k * hidden + j] = (float)s;
            }
        for (int j = 0; j < hidden; j++)
        {
            double s = 0;
            for (int i = 0; i < rows.Length; i++) s += dz[i * hidden + j];
            db[j] = (float)s;
        }
    }
}
