namespace ResearchKit.Kernels;

/// <summary>Plain twin of <see cref="SoftmaxCrossEntropy"/> in double precision, written from the
/// textbook formulas (p = softmax(z − max z), loss = −log p_y).</summary>
public static class SoftmaxCrossEntropyReference
{
    public static double Forward(ReadOnlySpan<float> logits, ReadOnlySpan<byte> labels, ReadOnlySpan<int> rows, int classes,
        float scale, Span<float> dlogits, out int correct)
    {
        double loss = 0;
        correct = 0;
        var p = new double[classes];
        for (int i = 0; i < rows.Length; i++)
        {
            double max = double.NegativeInfinity;
            int argmax = 0;
            for (int c = 0; c < classes; c++)
                if (logits[i * classes + c] > max) { max = logits[i * classes + c]; argmax = c; }
            double sum = 0;
            for (int c = 0; c < classes; c++) sum += p[c] = Math.Exp(logits[i * classes + c] - max);
            int y = labels[rows[i]];
            for (int c = 0; c < classes; c++)
            {
                p[c] /= sum;
                dlogits[i * classes + c] = (float)(scale * (p[c] - (c == y ? 1 : 0)));
            }
            loss += Math.Log(sum) - (logits[i * classes + y] - max);   // −log p_y without underflow
            if (argmax == y) correct++;
        }
        return loss;
    }
}
