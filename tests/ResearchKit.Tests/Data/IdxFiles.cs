using System.Buffers.Binary;
using System.IO.Compression;

namespace ResearchKit.Tests.Data;

/// <summary>Crafts IDX files (valid or deliberately broken) for the reader tests.</summary>
internal static class IdxFiles
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>Big-endian int32 header words followed by the payload.</summary>
    public static byte[] Bytes(int[] header, byte[] payload)
    {
        var bytes = new byte[4 * header.Length + payload.Length];
        for (int i = 0; i < header.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i), header[i]);
        payload.CopyTo(bytes, 4 * header.Length);
        return bytes;
    }

    public static byte[] Images(int count, int rows, int cols, byte[] pixels) =>
        Bytes([ImagesMagic, count, rows, cols], pixels);

    public static byte[] Labels(byte[] labels) => Bytes([LabelsMagic, labels.Length], labels);

    public static byte[] Gzip(byte[] raw)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(raw);
        return ms.ToArray();
    }

    /// <summary>Writes raw bytes, or gzipped bytes to path + ".gz"; returns the path written.</summary>
    public static string Write(string pathWithoutGz, byte[] raw, bool gzip)
    {
        string path = gzip ? pathWithoutGz + ".gz" : pathWithoutGz;
        File.WriteAllBytes(path, gzip ? Gzip(raw) : raw);
        return path;
    }

    /// <summary>Deterministic pixels with zeros, 255s and everything between: (13*i + 7) mod 256, every 4th zero.</summary>
    public static byte[] Pixels(int n)
    {
        var p = new byte[n];
        for (int i = 0; i < n; i++)
            p[i] = i % 4 == 0 ? (byte)0 : (byte)((13 * i + 7) % 256);
        return p;
    }

    /// <summary>
    /// The standard four files of a tiny rows x cols dataset in dir (train: trainCount, test: testCount);
    /// labels are i mod 10.
    /// </summary>
    public static void WriteLayout(string dir, int rows, int cols, int trainCount, int testCount, bool gzip)
    {
        Write(Path.Combine(dir, "train-images-idx3-ubyte"), Images(trainCount, rows, cols, Pixels(trainCount * rows * cols)), gzip);
        Write(Path.Combine(dir, "train-labels-idx1-ubyte"), Labels(LabelsFor(trainCount)), gzip);
        Write(Path.Combine(dir, "t10k-images-idx3-ubyte"), Images(testCount, rows, cols, Pixels(testCount * rows * cols)), gzip);
        Write(Path.Combine(dir, "t10k-labels-idx1-ubyte"), Labels(LabelsFor(testCount)), gzip);
    }

    public static byte[] LabelsFor(int n) => Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray();
}
