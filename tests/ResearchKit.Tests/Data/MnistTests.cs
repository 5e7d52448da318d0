using System.IO.Compression;
using System.Security.Cryptography;

namespace ResearchKit.Tests.Data;

/// <summary>Facts about the real MNIST files in data/mnist, all computed from the files.</summary>
public class MnistTests
{
    private static DataSplits Mnist => MnistFixture.Splits;

    [Fact]
    public void Mnist_Has60000TrainAnd10000TestImagesOf784Pixels()
    {
        Assert.Equal((60000, 10000), (Mnist.Train.Count, Mnist.Test.Count));
        Assert.Equal((784, 784, 10), (Mnist.Train.Features, Mnist.Test.Features, Mnist.Train.Classes));
        Assert.Equal(("mnist/train", "mnist/test"), (Mnist.Train.Name, Mnist.Test.Name));
        Assert.Equal(60000 * 784, Mnist.Train.Pixels.Length);
    }

    [Theory]
    [InlineData("train-images-idx3-ubyte")]
    [InlineData("train-labels-idx1-ubyte")]
    [InlineData("t10k-images-idx3-ubyte")]
    [InlineData("t10k-labels-idx1-ubyte")]
    public void DecompressedFile_MatchesSha256SumsRaw(string file)
    {
        string dir = MnistFixture.Directory;
        string expected = File.ReadLines(Path.Combine(dir, "SHA256SUMS.raw"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(parts => parts[1].TrimStart('*') == file)[0];

        using var gz = new GZipStream(File.OpenRead(Path.Combine(dir, file + ".gz")), CompressionMode.Decompress);
        string actual = Convert.ToHexStringLower(SHA256.HashData(gz));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ClassCounts_AreTheKnownMnistCounts()
    {
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], Mnist.Train.ClassCounts());
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], Mnist.Test.ClassCounts());
    }

    [Fact]
    public void ClassShares_RoundedToOneDecimal_MatchPaperTableA1_ExceptItsTrainClass0Typo()
    {
        decimal[] paperTrain = [9.8m, 11.2m, 9.9m, 10.2m, 9.7m, 9.0m, 9.9m, 10.4m, 9.8m, 9.9m];
        decimal[] paperTest = [9.8m, 11.4m, 10.3m, 10.1m, 9.8m, 8.9m, 9.6m, 10.3m, 9.7m, 10.1m];
        var dist = Mnist.ClassDistribution();

        var mismatches = new List<string>();
        for (int c = 0; c < 10; c++)
        {
            Compare("train", c, dist.TrainShare(c), paperTrain[c]);
            Compare("test", c, dist.TestShare(c), paperTest[c]);
        }

        // Table A1 prints 9.8 % for train digit 0, but 5923/60000 = 9.87 % rounds to 9.9
        // (truncation would not explain it either: it would turn train digit 6, 9.86 %, into 9.8, not the printed 9.9).
        Assert.Equal(["train class 0: paper 9.8, data 9.9 (9.8717 %)"], mismatches);

        void Compare(string split, int c, double share, decimal paper)
        {
            // via decimal so that exact halves such as 1135/10000 = 11.35 % round up as printed
            decimal percent = Math.Round((decimal)share * 100m, 1, MidpointRounding.AwayFromZero);
            if (percent != paper)
                mismatches.Add($"{split} class {c}: paper {paper}, data {percent} ({share * 100:F4} %)");
        }
    }

    [Fact]
    public void DenoisingMask_DropsExactlyThe67PixelsZeroInEveryTrainingImage()
    {
        (int From, int To)[] ranges =
        [
            (0, 11), (16, 31), (52, 57), (82, 85), (111, 112), (140, 141), (168, 168), (476, 476),
            (560, 560), (644, 645), (671, 673), (699, 701), (727, 730), (754, 759), (780, 783),
        ];
        var expected = ranges.SelectMany(r => Enumerable.Range(r.From, r.To - r.From + 1)).ToArray();

        var mask = FeatureMask.AlwaysZeroIn(Mnist.Train);

        Assert.Equal(67, expected.Length);
        Assert.Equal(expected, mask.Dropped);
        Assert.Equal(717, mask.Kept.Count);
        Assert.Equal(784, mask.InputFeatures);
    }

    [Fact]
    public void Denoised_KeepsEveryPixelUnderItsKeptColumn_InBothSplits_AndIsCached()
    {
        var denoised = Mnist.Denoised();
        var kept = FeatureMask.AlwaysZeroIn(Mnist.Train).Kept;

        Assert.Same(denoised, Mnist.Denoised());
        Assert.Equal(("mnist (denoised)", "mnist/test (denoised)"), (denoised.Name, denoised.Test.Name));
        Assert.Equal(717, denoised.Test.Features);
        foreach (var (original, masked) in new[] { (Mnist.Test, denoised.Test), (Mnist.Train, denoised.Train) })
        {
            Assert.Equal(original.Labels.ToArray(), masked.Labels.ToArray());
            int mismatches = 0;
            for (int i = 0; i < original.Count; i++)
            {
                var src = original.Row(i);
                var dst = masked.Row(i);
                for (int j = 0; j < dst.Length; j++)
                    if (BitConverter.SingleToInt32Bits(dst[j]) != BitConverter.SingleToInt32Bits(src[kept[j]])) mismatches++;
            }
            Assert.True(mismatches == 0, $"{masked.Name}: {mismatches} pixels differ from the original at Kept[j]");
        }
    }

    [Fact]
    public void NonzeroIndex_MatchesAPlainScanOfPixels()
    {
        foreach (var d in new[] { Mnist.Train, Mnist.Test })
        {
            var index = d.NonzeroIndex;
            Assert.Equal(d.Count + 1, index.RowStarts.Length);
            foreach (int i in new[] { 0, 1, 7, d.Count / 2, d.Count - 1 })
            {
                var row = d.Row(i).ToArray();
                var scan = Enumerable.Range(0, row.Length).Where(j => row[j] != 0f).Select(j => (ushort)j).ToArray();
                var csr = index.Columns[index.RowStarts[i]..index.RowStarts[i + 1]];
                Assert.Equal(scan, csr);
            }
            Assert.Equal(d.Density, index.RowStarts[^1] / (double)d.Pixels.Length, 12);
        }
    }

    [Fact]
    public void Pixels_AreBytesOver255_InUnitRange()
    {
        var row = Mnist.Train.Row(0);
        var levels = Enumerable.Range(0, 256).Select(b => b / 255f).ToHashSet();

        foreach (float v in row)
            Assert.Contains(v, levels);
        float max = 0f;
        foreach (float v in Mnist.Train.Pixels.Span) max = Math.Max(max, v);
        Assert.Equal(1f, max);
        Assert.InRange(Mnist.Train.Density, 0.18, 0.21);
    }
}
