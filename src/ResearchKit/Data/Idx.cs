using System.Buffers.Binary;
using System.Numerics;

namespace ResearchKit;

/// <summary>
/// Reader for the IDX format of MNIST (and Fashion-MNIST): a big-endian header, then unsigned bytes.
/// Images: magic 0x00000803, count, rows, cols. Labels: magic 0x00000801, count.
/// Files may be gzip-compressed (recognised by the magic bytes 1f 8b) or raw.
/// Every problem surfaces as an <see cref="IdxFormatException"/> naming the file.
/// </summary>
public static class Idx
{
    internal const int ImagesMagic = 0x00000803; // 00 00 | 08 = unsigned byte | 03 dimensions
    internal const int LabelsMagic = 0x00000801; // 00 00 | 08 = unsigned byte | 01 dimension

    /// <summary>Reads an idx3-ubyte image file; pixels become x / 255f, row-major, count*rows*cols values.</summary>
    public static (float[] pixels, int count, int rows, int cols) ReadImages(string path)
    {
        var (stream, full, count, rows, cols) = OpenImages(path);
        using (stream)
        {
            long size = (long)count * rows * cols;
            if (size > Array.MaxLength)
                throw new IdxFormatException(full, $"{count} images of {rows}x{cols} = {size} pixels exceed the largest array ({Array.MaxLength})");
            return (stream.ReadPayloadAsUnitFloats((int)size, $"{count} images of {rows}x{cols}"), count, rows, cols);
        }
    }

    /// <summary>Reads an idx3-ubyte image file into each image's nonzero pixels (x / 255f): the form training
    /// reads, without the dense buffer (MNIST: 56 MB instead of 188 MB). Images of more than 65,536 pixels do
    /// not fit the index; use <see cref="ReadImages"/>.</summary>
    public static (SparseRows nonzeros, int count, int rows, int cols) ReadImagesSparse(string path)
    {
        var (stream, full, count, rows, cols) = OpenImages(path);
        using (stream)
        {
            long features = (long)rows * cols;
            if (features > ushort.MaxValue + 1)
                throw new IdxFormatException(full, $"images of {rows}x{cols} = {features} pixels exceed the nonzero index's 65536 columns");
            if (features * count > Array.MaxLength)
                throw new IdxFormatException(full, $"{count} images of {rows}x{cols} exceed the largest array ({Array.MaxLength})");
            return (stream.ReadPayloadAsSparseRows(count, (int)features, $"{count} images of {rows}x{cols}"), count, rows, cols);
        }
    }

    /// <summary>The image file's count, rows and cols, from its header alone.</summary>
    internal static (int Count, int Rows, int Cols) ReadImageHeader(string path)
    {
        var (stream, _, count, rows, cols) = OpenImages(path);
        stream.Dispose();
        return (count, rows, cols);
    }

    // Opens an image file and reads its header: magic number, then count, rows and cols.
    private static (IdxStream Stream, string Full, int Count, int Rows, int Cols) OpenImages(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        var stream = IdxStream.Open(full);
        try
        {
            Span<byte> header = stackalloc byte[16];
            stream.ReadHeader(header, ImagesMagic, "images");
            return (stream, full, Dimension(full, header, 1, "image count", min: 0),
                Dimension(full, header, 2, "rows", min: 1), Dimension(full, header, 3, "cols", min: 1));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads an idx1-ubyte label file; every label must lie in 0..classes-1.</summary>
    public static byte[] ReadLabels(string path, int classes = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (classes is <= 0 or > 256)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"classes ({classes}) must be in 1..256");
        string full = System.IO.Path.GetFullPath(path);
        using var stream = IdxStream.Open(full);

        Span<byte> header = stackalloc byte[8];
        stream.ReadHeader(header, LabelsMagic, "labels");
        int count = Dimension(full, header, 1, "label count", min: 0);

        byte[] labels = stream.ReadPayload(count, $"{count} labels");
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classes)
                throw new IdxFormatException(full, $"label at index {i} is {labels[i]}, outside 0..{classes - 1}");
        return labels;
    }

    /// <summary>dst[i] = src[i] / 255f. Vector path; <see cref="ToUnitFloatsScalar"/> is its reference.</summary>
    /// <remarks>Division, not multiplication by 1f/255f: the two differ in the last bit for some bytes.</remarks>
    internal static void ToUnitFloats(ReadOnlySpan<byte> src, Span<float> dst)
    {
        System.Diagnostics.Debug.Assert(src.Length == dst.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int n = Vector<float>.Count;
            var d255 = new Vector<float>(255f);
            for (; i <= src.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                // byte -> ushort -> uint -> float: four float vectors per byte vector
                Vector.Widen(new Vector<byte>(src[i..]), out Vector<ushort> lo, out Vector<ushort> hi);
                Vector.Widen(lo, out Vector<uint> a, out Vector<uint> b);
                Vector.Widen(hi, out Vector<uint> c, out Vector<uint> d);
                (Vector.ConvertToSingle(a) / d255).CopyTo(dst[i..]);
                (Vector.ConvertToSingle(b) / d255).CopyTo(dst[(i + n)..]);
                (Vector.ConvertToSingle(c) / d255).CopyTo(dst[(i + 2 * n)..]);
                (Vector.ConvertToSingle(d) / d255).CopyTo(dst[(i + 3 * n)..]);
            }
        }
        ToUnitFloatsScalar(src[i..], dst[i..]);
    }

    /// <summary>Plain-loop twin of <see cref="ToUnitFloats"/>.</summary>
    internal static void ToUnitFloatsScalar(ReadOnlySpan<byte> src, Span<float> dst)
    {
        for (int i = 0; i < src.Length; i++)
            dst[i] = src[i] / 255f;
    }

    private static int Dimension(string path, ReadOnlySpan<byte> header, int index, string what, int min)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(header[(4 * index)..]);
        if (value < min)
            throw new IdxFormatException(path, $"invalid {what} in header: {value} (must be >= {min})");
        return value;
    }
}
