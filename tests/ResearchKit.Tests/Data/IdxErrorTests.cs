namespace ResearchKit.Tests.Data;

/// <summary>Every malformed file gives an IdxFormatException naming the file and the problem.</summary>
public class IdxErrorTests
{
    private static IdxFormatException AssertIdxError(string path, Action read, params string[] problemWords)
    {
        var e = Assert.Throws<IdxFormatException>(read);
        Assert.Equal(Path.GetFullPath(path), e.Path);
        Assert.Contains(Path.GetFileName(path), e.Message);
        foreach (string word in problemWords)
            Assert.Contains(word, e.Message);
        return e;
    }

    [Fact]
    public void ReadImages_MissingFile_WrapsFileNotFoundAndNamesPath()
    {
        using var tmp = new TempDir();
        string path = tmp.File("nope-images-idx3-ubyte.gz");

        var e = AssertIdxError(path, () => Idx.ReadImages(path), "not found");
        Assert.IsType<FileNotFoundException>(e.InnerException);
    }

    [Fact]
    public void ReadLabels_MissingFolder_NamesPath()
    {
        using var tmp = new TempDir();
        string path = Path.Combine(tmp.Path, "missing-folder", "labels");

        AssertIdxError(path, () => Idx.ReadLabels(path), "not found");
    }

    [Fact]
    public void ReadImages_OfALabelsFile_ShowsExpectedAndActualMagicInHex()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("swapped-images"), IdxFiles.Labels([1, 2, 3]), gzip: true);

        AssertIdxError(path, () => Idx.ReadImages(path), "wrong magic number", "expected 0x00000803", "got 0x00000801", "labels file");
    }

    [Fact]
    public void ReadLabels_WithForeignMagic_ShowsExpectedAndActualMagicInHex()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("odd-labels"), IdxFiles.Bytes([0x12AB34CD, 1], [0]), gzip: false);

        AssertIdxError(path, () => Idx.ReadLabels(path), "wrong magic number", "expected 0x00000801", "got 0x12AB34CD");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_TruncatedPayload_SaysExpectedAndGotBytes(bool gzip)
    {
        using var tmp = new TempDir();
        // header announces 3 images of 5x3 = 45 bytes; only 40 follow
        string path = IdxFiles.Write(tmp.File("short-images"), IdxFiles.Images(3, 5, 3, IdxFiles.Pixels(40)), gzip);

        AssertIdxError(path, () => Idx.ReadImages(path), "truncated payload", "expected 45 bytes", "got 40");
    }

    [Fact]
    public void ReadLabels_TruncatedPayload_SaysExpectedAndGotBytes()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("short-labels"), IdxFiles.Bytes([IdxFiles.LabelsMagic, 10], [1, 2, 3]), gzip: true);

        AssertIdxError(path, () => Idx.ReadLabels(path), "truncated payload", "expected 10 bytes", "got 3");
    }

    [Fact]
    public void ReadImages_TruncatedHeader_SaysExpectedAndGotBytes()
    {
        using var tmp = new TempDir();
        string path = tmp.File("stub-images");
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0]);

        AssertIdxError(path, () => Idx.ReadImages(path), "truncated header", "expected 16 bytes", "got 6");
    }

    [Fact]
    public void ReadImages_PayloadLongerThanHeaderSays_ReportsTrailingData()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("long-images"), IdxFiles.Images(1, 2, 2, IdxFiles.Pixels(5)), gzip: true);

        AssertIdxError(path, () => Idx.ReadImages(path), "trailing data", "4 payload bytes");
    }

    [Theory]
    [InlineData(-1, 28, 28, "image count", "-1")]
    [InlineData(2, 0, 28, "rows", "0")]
    [InlineData(2, 28, -5, "cols", "-5")]
    public void ReadImages_InvalidDimension_NamesDimensionAndValue(int count, int rows, int cols, string what, string value)
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("bad-dims"), IdxFiles.Images(count, rows, cols, []), gzip: false);

        AssertIdxError(path, () => Idx.ReadImages(path), $"invalid {what}", value);
    }

    [Fact]
    public void ReadImages_HugeDimensions_ReportsSizeInsteadOfAllocating()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("huge-images"), IdxFiles.Images(int.MaxValue, 28, 28, []), gzip: false);

        AssertIdxError(path, () => Idx.ReadImages(path), "exceed the largest array");
    }

    [Fact]
    public void ReadImages_CorruptChecksum_WrapsInvalidDataException()
    {
        using var tmp = new TempDir();
        byte[] gz = IdxFiles.Gzip(IdxFiles.Images(2, 5, 3, IdxFiles.Pixels(30)));
        gz[^8] ^= 0xFF; // the gzip trailer is CRC32 then ISIZE: break the CRC
        string path = tmp.File("bad-crc-images.gz");
        File.WriteAllBytes(path, gz);

        var e = AssertIdxError(path, () => Idx.ReadImages(path), "corrupt gzip stream");
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void ReadImages_GzipCutInsideTrailer_SaysTruncatedGzipStream()
    {
        using var tmp = new TempDir();
        byte[] gz = IdxFiles.Gzip(IdxFiles.Images(2, 5, 3, IdxFiles.Pixels(30)));
        string path = tmp.File("cut-trailer-images.gz");
        File.WriteAllBytes(path, gz[..^3]); // all pixels still decompress; only ISIZE is cut

        AssertIdxError(path, () => Idx.ReadImages(path), "truncated gzip stream", "46 were decompressed");
    }

    [Fact]
    public void ReadLabels_GarbageAfterGzipHeader_WrapsInvalidDataException()
    {
        using var tmp = new TempDir();
        byte[] gz = IdxFiles.Gzip(IdxFiles.Labels(IdxFiles.LabelsFor(50)));
        for (int i = 10; i < gz.Length; i++) gz[i] = 0xFF; // keep the 10-byte gzip header, destroy the deflate blocks
        string path = tmp.File("garbage-labels.gz");
        File.WriteAllBytes(path, gz);

        var e = AssertIdxError(path, () => Idx.ReadLabels(path), "corrupt gzip stream");
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void ReadImages_GzExtensionOnRawBytes_SaysNotGzip()
    {
        using var tmp = new TempDir();
        string path = tmp.File("raw-in-disguise.gz");
        File.WriteAllBytes(path, IdxFiles.Images(1, 1, 1, [7]));

        AssertIdxError(path, () => Idx.ReadImages(path), "not a gzip stream", "1f8b", "found 0000");
    }

    [Fact]
    public void ReadLabels_LabelOutsideClasses_NamesIndexAndValue()
    {
        using var tmp = new TempDir();
        string path = IdxFiles.Write(tmp.File("labels-with-12"), IdxFiles.Labels([0, 9, 4, 12, 1]), gzip: true);

        AssertIdxError(path, () => Idx.ReadLabels(path), "label at index 3 is 12", "outside 0..9");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_EveryTruncation_ThrowsIdxFormatException(bool gzip)
    {
        using var tmp = new TempDir();
        byte[] raw = IdxFiles.Images(2, 3, 3, IdxFiles.Pixels(18));
        byte[] full = gzip ? IdxFiles.Gzip(raw) : raw;
        string path = tmp.File(gzip ? "cut-images.gz" : "cut-images");
        for (int n = 0; n < full.Length; n++)
        {
            File.WriteAllBytes(path, full[..n]);
            var e = Assert.Throws<IdxFormatException>(() => Idx.ReadImages(path));
            Assert.Contains("cut-images", e.Message);
        }
    }
}
