namespace ResearchKit;

/// <summary>The MNIST four-file layout: file resolution, cross-file checks, dataset names.</summary>
internal static class IdxLayout
{
    internal const string TrainImages = "train-images-idx3-ubyte";
    internal const string TrainLabels = "train-labels-idx1-ubyte";
    internal const string TestImages = "t10k-images-idx3-ubyte";
    internal const string TestLabels = "t10k-labels-idx1-ubyte";

    internal static DataSplits Load(string directory, string? name, (int Rows, int Cols)? requiredShape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"IDX directory not found: '{dir}'");
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));

        var train = LoadSplit(dir, TrainImages, TrainLabels, $"{name}/train", requiredShape);
        var test = LoadSplit(dir, TestImages, TestLabels, $"{name}/test", requiredShape);
        if (train.Shape != test.Shape)
            throw new IdxFormatException(test.ImagesPath,
                $"test images are {test.Shape.Rows}x{test.Shape.Cols} but the train images ('{train.ImagesPath}') are {train.Shape.Rows}x{train.Shape.Cols}");
        return new DataSplits(name, train.Data, test.Data);
    }

    private static (Dataset Data, (int Rows, int Cols) Shape, string ImagesPath) LoadSplit(
        string dir, string imagesBase, string labelsBase, string splitName, (int Rows, int Cols)? requiredShape)
    {
        string imagesPath = Resolve(dir, imagesBase);
        string labelsPath = Resolve(dir, labelsBase);
        var (_, rows, cols) = Idx.ReadImageHeader(imagesPath);
        if (requiredShape is { } shape && (rows, cols) != shape)
            throw new IdxFormatException(imagesPath,
                $"expected {shape.Rows}x{shape.Cols} images, got {rows}x{cols}");
        // the nonzero form when its 16-bit column index can hold the image, the dense one otherwise
        bool sparse = (long)rows * cols <= ushort.MaxValue + 1;
        SparseRows? nonzeros = null;
        float[]? pixels = null;
        int count;
        if (sparse) (nonzeros, count, _, _) = Idx.ReadImagesSparse(imagesPath);
        else (pixels, count, _, _) = Idx.ReadImages(imagesPath);
        byte[] labels = Idx.ReadLabels(labelsPath);
        if (labels.Length != count)
            throw new IdxFormatException(labelsPath,
                $"image/label count mismatch: '{imagesPath}' has {count} images but '{labelsPath}' has {labels.Length} labels");
        var data = sparse ? new Dataset(splitName, nonzeros!, labels, rows * cols, classes: 10) : new Dataset(splitName, pixels!, labels, rows * cols);
        return (data, (rows, cols), imagesPath);
    }

    /// <summary>"&lt;base&gt;.gz" if present, else raw "&lt;base&gt;".</summary>
    private static string Resolve(string dir, string fileBase)
    {
        string gz = Path.Combine(dir, fileBase + ".gz");
        if (File.Exists(gz)) return gz;
        string raw = Path.Combine(dir, fileBase);
        if (File.Exists(raw)) return raw;
        throw new IdxFormatException(gz, $"file not found: neither '{fileBase}.gz' nor '{fileBase}' is in '{dir}'",
            new FileNotFoundException($"'{gz}' not found", gz));
    }
}
