namespace ResearchKit;

/// <summary>
/// Where each tensor lives in one flat buffer, so that parameters, gradients and both Adam moments are
/// four allocations with the same named views, and Adam is one pass over each.
/// Order: W1 [Inputs × Hidden], b1 [Hidden], W2ᵀ [Classes × Hidden] (stored transposed), b2 [Classes].
/// </summary>
public readonly record struct ParameterLayout(NetworkShape Shape)
{
    public int W1Offset => 0;
    public int W1Length => Shape.Inputs * Shape.Hidden;
    public int B1Offset => W1Length;
    public int B1Length => Shape.Hidden;
    public int W2TOffset => B1Offset + B1Length;
    public int W2TLength => Shape.Hidden * Shape.Classes;
    public int B2Offset => W2TOffset + W2TLength;
    public int B2Length => Shape.Classes;
    public int Total => B2Offset + B2Length;

    public Span<float> W1(float[] buffer) => buffer.AsSpan(W1Offset, W1Length);
    public Span<float> B1(float[] buffer) => buffer.AsSpan(B1Offset, B1Length);
    public Span<float> W2T(float[] buffer) => buffer.AsSpan(W2TOffset, W2TLength);
    public Span<float> B2(float[] buffer) => buffer.AsSpan(B2Offset, B2Length);
}
