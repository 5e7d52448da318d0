namespace ResearchKit.Kernels;

/// <summary>Plain-loop twin of <see cref="OutputLayer"/>, double accumulators.</summary>
public static class OutputLayerReference
{
    public static void Forward(ReadOnlySpan<float> a, int batch, int hidden, ReadOnlySpan<float> wT, ReadOnlySpan<float> b,
        int classes, Span<float> logits)
    {
        for (int i = 0; i < batch; i++)
            for (int c = 0; c < classes; c++)
            {
                double s = b[c];
                for (int j = 0; j < hidden; j++) s += (double)a[i * hidden + j] * wT[c * hidden + j];
                logits[i * classes + c] = (float)s;
            }
    }

    public static void Backward(ReadOnlySpan<float> a, ReadOnlySpan<float> dlogits, int batch, int hidden,
        ReadOnlySpan<float> wT, int classes, float scale, Span<float> dwT, Span<float> db, Span<float> dz)
    {
        for (int c = 0; c < classes; c++)
        {
            double sb = 0;
            for (int i = 0; i < batch; i++) sb += dlogits[i * classes + c];
            db[c] = (float)(scale * sb);
            for (int j = 0; j < hidden; j++)
            {
                double s = 0;
                for (int i = 0; i < batch; i++) s += (double)dlogits[i * classes + c] * a[i * hidden + j];
                dwT[c * hidden + j] = (float)(scale * s);
            }
        }
        for (int i = 0; i < batch; i++)
            for (int j = 0; j < hidden; j++)
            {
                double s = 0;
                for (int c = 0; c < classes; c++) s += (double)dlogits[i * classes + c] * wT[c * hidden + j];
                dz[i * hidden + j] = a[i * hidden + j] > 0f ? (float)s : 0f;
            }
    }
}
