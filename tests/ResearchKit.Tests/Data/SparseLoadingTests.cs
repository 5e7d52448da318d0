namespace ResearchKit.Tests.Data;

/// <summary>IDX files load straight into nonzero pixels; the dense form built from them is the dense reader's.</summary>
public class SparseLoadingTests
{
    [Fact]
    public void SparseReader_GivesExactlyTheDenseReadersPixels()
    {
        string path = Path.Combine(MnistFixture.Directory, "t10k-images-idx3-ubyte.gz");
        var (dense, count, rows, cols) = Idx.ReadImages(path);
        var (nonzeros, sparseCount, sparseRows, sparseCols) = Idx.ReadImagesSparse(path);
        Assert.Equal((count, rows, cols), (sparseCount, sparseRows, sparseCols));
        var rebuilt = nonzeros.ToDense(rows * cols);
        Assert.Equal(dense.Length, rebuilt.Length);
        for (int i = 0; i < dense.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(dense[i]) == BitConverter.SingleToInt32Bits(rebuilt[i]),
                $"pixel {i}: dense {dense[i]:R}, from the sparse reader {rebuilt[i]:R}");
    }

    [Fact]
    public void LoadedSplits_DoNotBuildTheDenseBufferUntilAsked()
    {
        var splits = DataSplits.Mnist(MnistFixture.Directory);
        Assert.False(splits.Train.HasDensePixels);
        Assert.Equal(0.1912, splits.Train.Density, 3);
        Assert.False(splits.Train.HasDensePixels);
        Assert.Equal(784, splits.Train.Row(0).Length);
        Assert.True(splits.Train.HasDensePixels);
    }

    [Fact]
    public void DenoisingTheNonzeroForm_MatchesDenoisingTheDenseForm()
    {
        var sparse = DataSplits.Mnist(MnistFixture.Directory);
        var dense = new DataSplits("dense", new Dataset("d/train", sparse.Train.Pixels.ToArray(), sparse.Train.Labels.ToArray(), 784),
            new Dataset("d/test", sparse.Test.Pixels.ToArray(), sparse.Test.Labels.ToArray(), 784));
        var fromSparse = DataSplits.Mnist(MnistFixture.Directory).Denoised();
        var fromDense = dense.Denoised();
        Assert.Equal(717, fromSparse.Train.Features);
        Assert.False(fromSparse.Test.HasDensePixels);
        Assert.True(fromDense.Test.Pixels.Span.SequenceEqual(fromSparse.Test.Pixels.Span));
        Assert.Equal(fromDense.Train.NonzeroIndex.Columns, fromSparse.Train.NonzeroIndex.Columns);
        Assert.Equal(fromDense.Test.NonzeroIndex.Values, fromSparse.Test.NonzeroIndex.Values);
    }
}

public class WideImageLoadingTests
{
    [Fact]
    public void ImagesWiderThanTheNonzeroIndex_LoadDense()
    {
        using var tmp = new TempDir();
        string dir = tmp.SubDir("wide");
        IdxFiles.WriteLayout(dir, rows: 300, cols: 300, trainCount: 2, testCount: 1, gzip: false);

        var splits = DataSplits.LoadIdx(dir);

        Assert.Equal(90_000, splits.Train.Features);
        Assert.True(splits.Train.HasDensePixels);
        Assert.Equal(IdxFiles.Pixels(90_000).Select(b => b / 255f), splits.Test.Pixels.ToArray());
    }
}

public class InPlaceDenoisingTests
{
    [Fact]
    public void DenoisingInPlace_GivesTheSameSplitsAsDenoised_FromEitherForm()
    {
        var expected = DataSplits.Mnist(MnistFixture.Directory).Denoised();
        var fromSparse = DataSplits.Mnist(MnistFixture.Directory).ConsumeIntoDenoised();
        var raw = DataSplits.Mnist(MnistFixture.Directory);
        var dense = new DataSplits("mnist", new Dataset("mnist/train", raw.Train.Pixels.ToArray(), raw.Train.Labels.ToArray(), 784),
            new Dataset("mnist/test", raw.Test.Pixels.ToArray(), raw.Test.Labels.ToArray(), 784));
        var fromDense = dense.ConsumeIntoDenoised();
        foreach (var got in new[] { fromSparse, fromDense })
        {
            Assert.Equal(expected.Train.Features, got.Train.Features);
            Assert.True(expected.Test.Pixels.Span.SequenceEqual(got.Test.Pixels.Span));
            Assert.Equal(expected.Train.NonzeroIndex.Columns, got.Train.NonzeroIndex.Columns);
            Assert.Equal(expected.Train.NonzeroIndex.Values, got.Train.NonzeroIndex.Values);
        }
    }
}
