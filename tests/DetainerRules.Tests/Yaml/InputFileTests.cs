using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// <see cref="InputFile.Read"/> reads up to <see cref="InputLimits.MaxFileLength"/> characters into a buffer that starts at
/// the size the file says and grows: every file must read whole, and the bound must hold, whatever the size says.
/// </summary>
[TestFixture]
public class InputFileTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-input-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [TestCase("")]
    [TestCase("a")]
    [TestCase("id: x\nsummary: \"é ü 😀 — 日本\"\n")]
    public void SmallFile_ReadsWhole(string text) =>
        Assert.That(InputFile.Read(Write($"small-{text.Length}.yaml", text)), Is.EqualTo(text));

    [Test]
    public void FileOfExactlyTheBound_ReadsWhole()
    {
        var text = new string('x', InputLimits.MaxFileLength - 1) + "\n";

        Assert.That(InputFile.Read(Write("bound.yaml", text)), Is.EqualTo(text));
    }

    [Test]
    public void OneCharacterOverTheBound_IsRefused()
    {
        var path = Write("over.yaml", new string('x', InputLimits.MaxFileLength + 1));

        var error = Assert.Throws<InvalidInputException>(() => InputFile.Read(path))!;

        Assert.That(error.Diagnostics.Single().Message, Does.Contain($"longer than the limit of {InputLimits.MaxFileLength} characters"));
    }

    [Test]
    public void FileThatSaysItIsEmpty_IsStillReadWhole()
    {
        // /proc files report a length of 0 and hold more.
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            Assert.Ignore("no /proc here");
        }

        Assert.That(InputFile.Read(path), Does.StartWith("Name:").And.Contain("\nPid:"));
    }
}
