using ResearchKit.Tests.Data;

namespace ResearchKit.Tests.Io;

public class AtomicFileTests
{
    [Fact]
    public void WriteAllText_CreatesTheFolderAndWritesUtf8WithoutBom()
    {
        using var tmp = new TempDir();
        string path = Path.Combine(tmp.Path, "a", "b.txt");
        AtomicFile.WriteAllText(path, "héllo\n");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal("héllo\n"u8.ToArray(), bytes);
    }

    [Fact]
    public void WriteAllText_ReplacesAnExistingFileAndLeavesNoTempFile()
    {
        using var tmp = new TempDir();
        string path = tmp.File("x.csv");
        File.WriteAllText(path, "old, and longer than the new text");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["x.csv"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllText_IntoAFolderPath_FailsAndLeavesNoTempFile()
    {
        using var tmp = new TempDir();
        string path = tmp.SubDir("taken");
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }
}
