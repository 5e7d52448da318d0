namespace ResearchKit.Tests.Data;

public class IdxReadTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_GivesHeaderDimsAndPixelsDividedBy255(bool gzip)
    {
        using var tmp = new TempDir();
        byte[] raw = IdxFiles.Pixels(4 * 5 * 3);
        string path = IdxFiles.Write(tmp.File("images"), IdxFiles.Images(4, 5, 3, raw), gzip);

        var (pixels, count, rows, cols) = Idx.ReadImages(path);

        Assert.Equal((4, 5, 3), (count, rows, cols));
        Assert.Equal(raw.Length, pixels.Length);
        for (int i = 0; i < raw.Length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(raw[i] / 255f), BitConverter.SingleToInt32Bits(pixels[i]));
    }

    [Fact]
    public void ReadImages_DetectsGzipByMagicBytes_NotByName()
    {
        using var tmp = new TempDir();
        string path = tmp.File("images.bin");
        File.WriteAllBytes(path, IdxFiles.Gzip(IdxFiles.Images(2, 2, 2, [0, 51, 102, 153, 204, 255, 1, 2])));

        var (pixels, count, _, _) = Idx.ReadImages(path);

        Assert.Equal(2, count);
        Assert.Equal([0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f], pixels[..6]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_ReturnsTheBytes(bool gzip)
    {
        using var tmp = new TempDir();
        byte[] labels = [3, 0, 9, 1, 1];
        string path = IdxFiles.Write(tmp.File("labels"), IdxFiles.Labels(labels), gzip);

        Assert.Equal(labels, Idx.ReadLabels(path));
    }

    [Fact]
    public void ReadLabels_AcceptsLabelsBelowACustomClassCount()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("labels"), IdxFiles.Labels([0, 25, 12]), gzip: false);

        Assert.Equal([0, 25, 12], Idx.ReadLabels(path, classes: 26));
    }

    [Fact]
    public void ReadImages_AcceptsZeroImages()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("images"), IdxFiles.Images(0, 28, 28, []), gzip: true);

        var (pixels, count, rows, cols) = Idx.ReadImages(path);

        Assert.Empty(pixels);
        Assert.Equal((0, 28, 28), (count, rows, cols));
    }

    [Fact]
    public void ToUnitFloats_MatchesScalarDivisionBitForBit_ForEveryByteAndLength()
    {
        var src = Enumerable.Range(0, 700).Select(i => (byte)(i * 149 % 256)).ToArray(); // covers all 256 values
        for (int n = 0; n <= src.Length; n += n < 140 ? 1 : 37)
        {
            var fast = new float[n];
            var reference = new float[n];
            Idx.ToUnitFloats(src.AsSpan(0, n), fast);
            Idx.ToUnitFloatsScalar(src.AsSpan(0, n), reference);
            for (int i = 0; i < n; i++)
                Assert.True(BitConverter.SingleToInt32Bits(fast[i]) == BitConverter.SingleToInt32Bits(reference[i]),
                    $"length {n}, index {i}, byte {src[i]}: vector {fast[i]:R} != scalar {reference[i]:R}");
        }
    }

    [Fact]
    public void ToUnitFloatsScalar_IsDivisionNotMultiplicationByReciprocal()
    {
        var all = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var dst = new float[256];
        Idx.ToUnitFloatsScalar(all, dst);

        for (int b = 0; b < 256; b++)
            Assert.Equal(BitConverter.SingleToInt32Bits(b / 255f), BitConverter.SingleToInt32Bits(dst[b]));
        Assert.Equal(0f, dst[0]);
        Assert.Equal(1f, dst[255]);
    }
}
