namespace ResearchKit.Tests.Data;

/// <summary>The four-file layout, on a synthetic dataset of 5x3 images.</summary>
public class LoadIdxTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoadIdx_ReadsTheFourFiles_AndNamesSplitsAfterTheFolder(bool gzip)
    {
        using var tmp = new TempDir();
        string dir = tmp.SubDir("tiny");
        IdxFiles.WriteLayout(dir, rows: 5, cols: 3, trainCount: 12, testCount: 4, gzip);

        var splits = DataSplits.LoadIdx(dir);

        Assert.Equal("tiny", splits.Name);
        Assert.Equal("tiny/train", splits.Train.Name);
        Assert.Equal("tiny/test", splits.Test.Name);
        Assert.Equal((12, 4, 15, 15), (splits.Train.Count, splits.Test.Count, splits.Train.Features, splits.Test.Features));
        Assert.Equal(IdxFiles.LabelsFor(12), splits.Train.Labels.ToArray());
        Assert.Equal(IdxFiles.Pixels(4 * 15).Select(b => b / 255f), splits.Test.Pixels.ToArray());
    }

    [Fact]
    public void LoadIdx_GzAndRawFiles_GiveIdenticalData_AndGzWinsWhenBothExist()
    {
        using var tmp = new TempDir();
        string gzDir = tmp.SubDir("gz"), rawDir = tmp.SubDir("raw");
        IdxFiles.WriteLayout(gzDir, 5, 3, 6, 2, gzip: true);
        IdxFiles.WriteLayout(rawDir, 5, 3, 6, 2, gzip: false);
        // a raw decoy next to the .gz: must be ignored
        File.WriteAllBytes(Path.Combine(gzDir, "train-labels-idx1-ubyte"), [1, 2, 3]);

        var fromGz = DataSplits.LoadIdx(gzDir, "same");
        var fromRaw = DataSplits.LoadIdx(rawDir, "same");

        Assert.Equal(fromRaw.Train.Pixels.ToArray(), fromGz.Train.Pixels.ToArray());
        Assert.Equal(fromRaw.Train.Labels.ToArray(), fromGz.Train.Labels.ToArray());
        Assert.Equal(fromRaw.Test.Pixels.ToArray(), fromGz.Test.Pixels.ToArray());
        Assert.Equal("same/test", fromGz.Test.Name);
    }

    [Fact]
    public void LoadIdx_FolderWithTrailingSeparator_StillDefaultsNameToFolder()
    {
        using var tmp = new TempDir();
        string dir = tmp.SubDir("digits");
        IdxFiles.WriteLayout(dir, 2, 2, 3, 3, gzip: false);

        Assert.Equal("digits", DataSplits.LoadIdx(dir + Path.DirectorySeparatorChar).Name);
    }

    [Fact]
    public void LoadIdx_ImageLabelCountMismatch_NamesBothFilesAndCounts()
    {
        using var tmp = new TempDir();
        IdxFiles.WriteLayout(tmp.Path, 5, 3, 6, 2, gzip: true);
        IdxFiles.Write(tmp.File("t10k-labels-idx1-ubyte"), IdxFiles.Labels([1, 2, 3]), gzip: true);

        var e = Assert.Throws<IdxFormatException>(() => DataSplits.LoadIdx(tmp.Path));

        Assert.Contains("t10k-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("t10k-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains("count mismatch", e.Message);
        Assert.Contains("2 images", e.Message);
        Assert.Contains("3 labels", e.Message);
    }

    [Fact]
    public void LoadIdx_TrainAndTestImageSizesDiffer_NamesBothFilesAndSizes()
    {
        using var tmp = new TempDir();
        IdxFiles.WriteLayout(tmp.Path, 5, 3, 6, 2, gzip: false);
        IdxFiles.Write(tmp.File("t10k-images-idx3-ubyte"), IdxFiles.Images(2, 3, 5, IdxFiles.Pixels(30)), gzip: false);

        var e = Assert.Throws<IdxFormatException>(() => DataSplits.LoadIdx(tmp.Path));

        Assert.Contains("t10k-images-idx3-ubyte", e.Message);
        Assert.Contains("train-images-idx3-ubyte", e.Message);
        Assert.Contains("3x5", e.Message);
        Assert.Contains("5x3", e.Message);
    }

    [Fact]
    public void LoadIdx_MissingFile_NamesBothCandidateNames()
    {
        using var tmp = new TempDir();
        IdxFiles.WriteLayout(tmp.Path, 5, 3, 6, 2, gzip: true);
        File.Delete(tmp.File("train-labels-idx1-ubyte.gz"));

        var e = Assert.Throws<IdxFormatException>(() => DataSplits.LoadIdx(tmp.Path));

        Assert.Contains("file not found", e.Message);
        Assert.Contains("'train-labels-idx1-ubyte.gz'", e.Message);
        Assert.Contains("'train-labels-idx1-ubyte'", e.Message);
        Assert.Contains(tmp.Path, e.Message);
    }

    [Fact]
    public void LoadIdx_MissingDirectory_NamesIt()
    {
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "no-such-dataset");

        var e = Assert.Throws<DirectoryNotFoundException>(() => DataSplits.LoadIdx(dir));

        Assert.Contains(dir, e.Message);
    }

    [Fact]
    public void LoadIdx_LabelOutOfRange_NamesFileIndexAndValue()
    {
        using var tmp = new TempDir();
        IdxFiles.WriteLayout(tmp.Path, 5, 3, 3, 2, gzip: false);
        IdxFiles.Write(tmp.File("train-labels-idx1-ubyte"), IdxFiles.Labels([0, 200, 1]), gzip: false);

        var e = Assert.Throws<IdxFormatException>(() => DataSplits.LoadIdx(tmp.Path));

        Assert.Contains("train-labels-idx1-ubyte", e.Message);
        Assert.Contains("label at index 1 is 200", e.Message);
    }

    [Fact]
    public void Mnist_ImagesThatAreNot28x28_NameFileAndSize()
    {
        using var tmp = new TempDir();
        IdxFiles.WriteLayout(tmp.Path, 5, 3, 6, 2, gzip: true);

        var e = Assert.Throws<IdxFormatException>(() => DataSplits.Mnist(tmp.Path));

        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
        Assert.Contains("expected 28x28 images, got 5x3", e.Message);
    }

    [Fact]
    public void Mnist_AcceptsAny28x28IdxFolder_AndNamesItMnist()
    {
        using var tmp = new TempDir();
        IdxFiles.WriteLayout(tmp.Path, 28, 28, 3, 2, gzip: false);

        var splits = DataSplits.Mnist(tmp.Path);

        Assert.Equal(("mnist", "mnist/train", 784), (splits.Name, splits.Train.Name, splits.Train.Features));
    }

    [Fact]
    public void DataLocator_NotFound_ListsEveryPlaceLooked()
    {
        using var tmp = new TempDir();
        string start = tmp.SubDir("a");

        var e = Assert.Throws<DirectoryNotFoundException>(() => DataLocator.Find("no-such-folder-7f3c", start));

        Assert.Contains(Path.Combine(start, "no-such-folder-7f3c"), e.Message);
        Assert.Contains(Path.Combine(tmp.Path, "no-such-folder-7f3c"), e.Message);
        Assert.Contains("DataSplits.Mnist(", e.Message);
    }

    [Fact]
    public void DataLocator_FindsTheFolderInAnAncestor()
    {
        using var tmp = new TempDir();
        string target = tmp.SubDir(Path.Combine("data", "mnist"));
        string start = tmp.SubDir(Path.Combine("bin", "Debug", "net10.0"));

        Assert.Equal(target, DataLocator.Find(Path.Combine("data", "mnist"), start));
    }
}
