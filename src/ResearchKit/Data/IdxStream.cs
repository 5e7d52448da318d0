using System.Buffers.Binary;
using System.IO.Compression;

namespace ResearchKit;

/// <summary>A file stream, decompressed when it starts with the gzip magic; errors name the file.</summary>
internal sealed class IdxStream : IDisposable
{
    private readonly string path;
    private readonly FileStream file;
    private readonly Stream stream;
    private readonly bool gzip;
    private long decompressed; // bytes delivered so far (after decompression, when gzip)

    private IdxStream(string path, FileStream file, Stream stream, bool gzip)
    {
        this.path = path;
        this.file = file;
        this.stream = stream;
        this.gzip = gzip;
    }

    public static IdxStream Open(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IdxFormatException(path, "file not found", e);
        }

        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (!gzip && path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            file.Dispose();
            string found = got == 0 ? "an empty file" : Convert.ToHexString(magic[..got]).ToLowerInvariant();
            throw new IdxFormatException(path, $"not a gzip stream: expected magic bytes 1f8b, found {found}");
        }
        Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        return new IdxStream(path, file, stream, gzip);
    }

    /// <summary>Reads the magic number first, so a wrong kind of file is named as such even when short.</summary>
    public void ReadHeader(Span<byte> header, int expectedMagic, string kind)
    {
        int got = Fill(header[..4]);
        if (got == 4)
        {
            int actual = BinaryPrimitives.ReadInt32BigEndian(header);
            if (actual != expectedMagic)
                throw new IdxFormatException(path,
                    $"wrong magic number for {kind}: expected 0x{expectedMagic:X8}, got 0x{actual:X8}" + MagicHint(actual));
            got += Fill(header[4..]);
        }
        if (got < header.Length)
            throw new IdxFormatException(path, $"truncated header: expected {header.Length} bytes, got {got}");
    }

    /// <summary>Reads exactly length bytes and checks nothing follows them.</summary>
    public byte[] ReadPayload(int length, string what)
    {
        CheckRawSize(length, what);
        var payload = new byte[length];
        int got = Fill(payload);
        if (got < length)
            throw Truncated(length, what, got);
        CheckEnd(length, what);
        return payload;
    }

    /// <summary>Reads exactly length bytes as pixels x / 255f, converting 64 KB at a time so that the
    /// bytes are never held whole beside the floats (full MNIST: 47 MB less at the peak).</summary>
    public float[] ReadPayloadAsUnitFloats(int length, string what)
    {
        CheckRawSize(length, what);
        var pixels = GC.AllocateUninitializedArray<float>(length);
        var chunk = new byte[1 << 16];
        int done = 0;
        while (done < length)
        {
            int want = Math.Min(chunk.Length, length - done);
            int got = Fill(chunk.AsSpan(0, want));
            Idx.ToUnitFloats(chunk.AsSpan(0, got), pixels.AsSpan(done, got));
            done += got;
            if (got < want) throw Truncated(length, what, done);
        }
        CheckEnd(length, what);
        return pixels;
    }

    /// <summary>Reads <paramref name="count"/> images of <paramref name="features"/> bytes straight into their
    /// nonzero pixels (x / 255f), a few hundred images at a time: the dense float buffer is never built.</summary>
    public SparseRows ReadPayloadAsSparseRows(int count, int features, string what)
    {
        long length = (long)count * features;
        CheckRawSize((int)length, what);
        var starts = new int[count + 1];
        // a header can announce anything: start modestly and let the lists grow with what actually arrives
        int capacity = (int)Math.Min((long)count * features / 4, 1 << 24);   // a quarter nonzero, at most 96 MB
        var columns = new List<ushort>(capacity);
        var values = new List<float>(capacity);
        int perChunk = Math.Max(1, (1 << 16) / features);
        var chunk = new byte[perChunk * features];
        Span<float> unit = stackalloc float[256];
        for (int b = 0; b < 256; b++) unit[b] = b / 255f;   // the same x / 255f as the dense reader
        for (int image = 0; image < count; image += perChunk)
        {
            int images = Math.Min(perChunk, count - image), want = images * features;
            int got = Fill(chunk.AsSpan(0, want));
            if (got < want) throw Truncated((int)length, what, (long)image * features + got);
            for (int i = 0; i < images; i++)
            {
                var row = chunk.AsSpan(i * features, features);
                for (int j = 0; j < features; j++)
                    if (row[j] != 0) { columns.Add((ushort)j); values.Add(unit[row[j]]); }
                starts[image + i + 1] = columns.Count;
            }
        }
        CheckEnd((int)length, what);
        return new SparseRows(starts, columns.ToArray(), values.ToArray());
    }

    // a raw file shows its size up front: do not allocate what a lying header announces
    private void CheckRawSize(int length, string what)
    {
        if (!gzip && file.Length - file.Position < length)
            throw Truncated(length, what, file.Length - file.Position);
    }

    private void CheckEnd(int length, string what)
    {
        Span<byte> extra = stackalloc byte[1];
        if (Fill(extra) != 0)
            throw new IdxFormatException(path,
                $"trailing data: more than the {length} payload bytes ({what}) the header announces");
        if (gzip) CheckGzipTrailer();
    }

    private IdxFormatException Truncated(int expected, string what, long got) =>
        new(path, $"truncated payload: expected {expected} bytes ({what}) after the header, got {got}");

    /// <summary>
    /// GZipStream verifies the CRC only when the 8-byte trailer (CRC32, ISIZE) is present and ends
    /// quietly when the file is cut inside it; so compare ISIZE (size mod 2^32, little-endian) with
    /// what was decompressed.
    /// </summary>
    private void CheckGzipTrailer()
    {
        Span<byte> isize = stackalloc byte[4];
        if (file.Length >= 18) // 10-byte gzip header + 8-byte trailer at least
        {
            file.Position = file.Length - 4;
            file.ReadExactly(isize);
        }
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(isize);
        if (expected != (uint)decompressed)
            throw new IdxFormatException(path,
                $"truncated gzip stream: the trailer's size field says {expected} bytes (mod 2^32) but {decompressed} were decompressed");
    }

    private int Fill(Span<byte> buffer)
    {
        try
        {
            int got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            decompressed += got;
            return got;
        }
        catch (InvalidDataException e) when (gzip)
        {
            throw new IdxFormatException(path, $"corrupt gzip stream: {e.Message}", e);
        }
    }

    private static string MagicHint(int actual) => actual switch
    {
        Idx.ImagesMagic => " (this is an images file)",
        Idx.LabelsMagic => " (this is a labels file)",
        _ => "",
    };

    public void Dispose()
    {
        if (gzip) stream.Dispose();
        file.Dispose();
    }
}
