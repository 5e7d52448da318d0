using System.Text;

namespace ResearchKit;

/// <summary>
/// Writes that either happen completely or not at all: the text goes to a temp file in the same folder
/// (same volume, so the final rename cannot turn into a copy), then one <see cref="File.Move(string, string, bool)"/>
/// replaces the target. A reader sees the old file or the new one, never half of either.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/>, creating the folder if needed.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        Directory.CreateDirectory(folder);
        string temp = TempSibling(full);
        try
        {
            WriteDurably(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>"path.tmp-&lt;guid&gt;": a name next to <paramref name="path"/> that no one else will use.</summary>
    public static string TempSibling(string path) => path + ".tmp-" + Guid.NewGuid().ToString("N");

    /// <summary>Writes and flushes to the disk before returning, so a rename after it never exposes an empty file.</summary>
    internal static void WriteDurably(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        byte[] bytes = Utf8NoBom.GetBytes(text);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
