namespace ResearchKit.Kernels;

/// <summary>
/// Max-subtracted softmax fused with mean cross-entropy and its gradient.
/// The loss is taken in log space, −log p_y = log Σ_c e^(z_c − max) − (z_y − max), so a probability that
/// underflows to exactly 0 gives a large finite loss, never log(0) = −∞.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>
    /// For logits [batch × classes] and the label of each example (labels[rows[i]]):
    /// dlogits[i, c] = scale · (p[i, c] − [c = y_i]) (overwrites; scale = 1/batch gives the mean loss's gradient).
    /// Returns Σ_i −log p[i, y_i] (a sum, not a mean) and counts the rows whose argmax equals the label.
    /// A NaN or infinite logit propagates to a NaN sum so the caller can stop a diverging run.
    /// </summary>
    public static double Forward(ReadOnlySpan<float> logits, ReadOnlySpan<byte> labels, ReadOnlySpan<int> rows, int classes,
        float scale, Span<float> dlogits, out int correct)
    {
        int batch = rows.Length;
        Check.Positive(classes, nameof(classes));
        Check.Length(logits.Length, (long)batch * classes, nameof(logits), "batch*classes");
        Check.Length(dlogits.Length, (long)batch * classes, nameof(dlogits), "batch*classes");
        double loss = 0;
        correct = 0;
        for (int i = 0; i < batch; i++)
        {
            var z = logits.Slice(i * classes, classes);
            var d = dlogits.Slice(i * classes, classes);
            int y = labels[rows[i]];
            loss += Row(z, y, scale, d, out int argmax);
            if (argmax == y) correct++;
        }
        return loss;
    }

    /// <summary>Loss, accuracy and predictions without a gradient, for evaluation.</summary>
    public static double Evaluate(ReadOnlySpan<float> logits, ReadOnlySpan<byte> labels, int firstRow, int batch, int classes,
        Span<byte> predictions, out int correct)
    {
        Check.Length(logits.Length, (long)batch * classes, nameof(logits), "batch*classes");
        double loss = 0;
        correct = 0;
        for (int i = 0; i < batch; i++)
        {
            var z = logits.Slice(i * classes, classes);
            int y = labels[firstRow + i];
            loss += Row(z, y, 0f, default, out int argmax);
            if (!predictions.IsEmpty) predictions[firstRow + i] = (byte)argmax;
            if (argmax == y) correct++;
        }
        return loss;
    }

    // One row: max, Σ e^(z − max), −log p_y, and (when d is not empty) the scaled gradient p − onehot.
    private static double Row(ReadOnlySpan<float> z, int y, float scale, Span<float> d, out int argmax)
    {
        int classes = z.Length;
        float max = z[0];
        argmax = 0;
        bool finite = float.IsFinite(z[0]);
        for (int c = 1; c < classes; c++)
        {
            finite &= float.IsFinite(z[c]);
            if (z[c] > max) { max = z[c]; argmax = c; }
        }
        // subtract the max: e^z overflows float32 above z ≈ 88
        float sum = 0f;
        for (int c = 0; c < classes; c++) sum += MathF.Exp(z[c] - max);
        if (!d.IsEmpty)
        {
            float inv = 1f / sum;
            for (int c = 0; c < classes; c++)
                d[c] = scale * (MathF.Exp(z[c] - max) * inv - (c == y ? 1f : 0f));
        }
        if (!finite) return double.NaN;   // any non-finite logit marks the run as diverging
        return Math.Log(sum) - (z[y] - max);
    }
}
