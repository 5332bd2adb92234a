using DetainerRules.Tests.Support;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// The catalog's index (<see cref="CatalogIndex"/>) answers the family scan for a file only while the file's text is the
/// text it was written from. Several tests forge an entry (keep its length and hash, change its keys) so that an index
/// believed and an index ignored answer differently: `zq` is a policy, and `old` says it is of family `zq`.
/// </summary>
[TestFixture]
public class CatalogIndexTests
{
    private const string Rules = TestSupport.PolicyTemplate.FelonyNotice;

    private const string OldsLine = "old.yaml\t";

    private string _dir = null!;

    [SetUp]
    public void MakeFolder()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-index-").FullName;
        Write("zq", string.Empty);
        Write("other", string.Empty);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Index => Path.Combine(_dir, CatalogIndex.FileName);

    private string Write(string id, string extra, string? text = null)
    {
        var path = Path.Combine(_dir, id + ".yaml");
        File.WriteAllText(path, text ?? PolicyTemplate.Yaml(id, "policy " + id, Rules, extra));
        return path;
    }

    private string WriteOld() => Write("old", "family: zq\neffective: { from: 2019-01-01, until: 2022-12-31 }");

    /// <summary>Rewrites the index's entry for <c>old.yaml</c> to say it has neither <c>family</c> nor <c>extends</c>, keeping its length and hash.</summary>
    private void ForgeOld() => ForgeOldKeys(string.Empty);

    /// <summary>Rewrites the keys of the index's entry for <c>old.yaml</c> (written as <c>family=p:zq</c>), keeping its length and hash.</summary>
    private void ForgeOldKeys(string keys)
    {
        var lines = File.ReadAllLines(Index);
        var at = Array.FindIndex(lines, l => l.StartsWith(OldsLine, StringComparison.Ordinal));
        Assert.That(lines[at], Does.EndWith("\tfamily=p:zq"), "the entry as written");
        lines[at] = lines[at][..(lines[at].LastIndexOf('\t') + 1)] + keys;
        File.WriteAllLines(Index, lines);
    }

    /// <summary>
    /// Keys the index never writes, on an entry whose length and hash still match: the whole index is then no index, and
    /// the file is read. Each, if it were believed, would say <c>old</c> is not of family <c>zq</c>.
    /// </summary>
    [TestCase("family=p:other family=p:other")]
    [TestCase("extends=p:other extends=p:other")]
    [TestCase("colour=p:zq")]
    [TestCase("family=x:other")]
    [TestCase("family")]
    [TestCase("family*x")]
    public void AnEntryWithKeysTheIndexNeverWrites_MakesItNoIndex(string keys)
    {
        WriteOld();
        CatalogIndex.Write(_dir);
        ForgeOldKeys(keys);

        Assert.That(IsFamily(), Is.True);
    }

    /// <summary>A quoted value keeps its style through the index: a quoted <c>~</c> is the text, not the null a plain one is.</summary>
    [Test]
    public void AQuotedValue_ReadsBackQuoted()
    {
        var quoted = Write("quoted-tilde", "family: \"~\"");
        CatalogIndex.Write(_dir);

        Assert.That(CatalogIndex.Of(_dir)!.TryKeys(quoted, File.ReadAllText(quoted), out var keys), Is.True);
        Assert.That((keys!["family"]!.Value, keys["family"]!.Style, keys["family"]!.IsQuotedImplicit), Is.EqualTo(("~", YamlDotNet.Core.ScalarStyle.DoubleQuoted, true)));
    }

    /// <summary>One character changed anywhere in a text, the last few included (which the hash reads one at a time), changes the hash.</summary>
    [Test]
    public void AnyOneCharacterChanged_ChangesTheHash()
    {
        for (var length = 1; length <= 11; length++)
        {
            var text = new string('a', length);
            for (var at = 0; at < length; at++)
            {
                var changed = text[..at] + 'b' + text[(at + 1)..];
                Assert.That(CatalogIndex.Hash(changed), Is.Not.EqualTo(CatalogIndex.Hash(text)), $"length {length}, at {at}");
            }

            Assert.That(CatalogIndex.Hash(text + '\0'), Is.Not.EqualTo(CatalogIndex.Hash(text)), $"a NUL added to length {length}");
        }
    }

    /// <summary>An index longer than any file the tool reads is not read.</summary>
    [Test]
    public void AnIndexLongerThanAFileMayBe_IsNoIndex()
    {
        WriteOld();
        CatalogIndex.Write(_dir);
        ForgeOld();
        // A line the index reads (an entry for a file that is not there), so only the index's length is against it.
        File.AppendAllText(Index, new string('a', InputLimits.MaxFileLength) + "\t1\t0\t\n");

        Assert.That(IsFamily(), Is.True);
    }

    private bool IsFamily() => PolicyChoice.Resolve(new PolicyCatalog([_dir]), "zq").IsFamily;

    [Test]
    public void WithoutAnIndex_OrWithATrueOne_TheFamilyIsFound()
    {
        WriteOld();
        var without = IsFamily();
        CatalogIndex.Write(_dir);

        Assert.That((without, IsFamily()), Is.EqualTo((true, true)));
    }

    [Test]
    public void AnEntryWhoseFileIsUnchanged_IsBelieved()
    {
        WriteOld();
        CatalogIndex.Write(_dir);
        ForgeOld();

        Assert.That(IsFamily(), Is.False, "the forged entry answered, so the index was read");
    }

    [TestCase("policy old", "policy olD")]
    [TestCase("rules:", "# edited\nrules:")]
    public void AnEntryWhoseFileChanged_IsIgnored(string before, string after)
    {
        var old = WriteOld();
        CatalogIndex.Write(_dir);
        ForgeOld();
        var text = File.ReadAllText(old);
        File.WriteAllText(old, text.Replace(before, after, StringComparison.Ordinal));
        Assert.That(File.ReadAllText(old), Is.Not.EqualTo(text));

        Assert.That(IsFamily(), Is.True);
    }

    [Test]
    public void AFileAddedAfterTheIndex_IsRead()
    {
        CatalogIndex.Write(_dir);
        WriteOld();

        Assert.That(IsFamily(), Is.True);
    }

    [Test]
    public void AFileRemovedAfterTheIndex_CountsForNothing()
    {
        var old = WriteOld();
        CatalogIndex.Write(_dir);
        File.Delete(old);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PolicyChoice.NoFileCanBeOf(new PolicyCatalog([_dir]), "zq"), Is.True, "only the folder's files are asked about");
            Assert.That(IsFamily(), Is.False);
        }
    }

    [TestCase("not an index")]
    [TestCase("detainer-catalog-index/1 x\nold.yaml\t12\tzz\t")]
    [TestCase("detainer-catalog-index/1 x\nold.yaml\t12\t00\tcolour=p:red")]
    public void AnIndexThatDoesNotRead_IsNoIndex(string index)
    {
        WriteOld();
        File.WriteAllText(Index, index);

        Assert.That(IsFamily(), Is.True);
    }

    /// <summary>Under this build's own header, a line that does not read (a hash that is no number, a line short of a field) makes the whole index no index.</summary>
    [TestCase("zq.yaml\t12\tzz\t")]
    [TestCase("zq.yaml\t12\t00")]
    [TestCase("zq.yaml\tten\t00\t")]
    public void ALineThatDoesNotRead_MakesItNoIndex(string line)
    {
        WriteOld();
        CatalogIndex.Write(_dir);
        ForgeOld();
        File.AppendAllText(Index, line + "\n");

        Assert.That(IsFamily(), Is.True);
    }

    /// <summary>
    /// An index records what this build's reader made of each text; one written by another build (a catalog folder copied
    /// with its index, read by a later tool) is no index, though every entry's length and hash still match.
    /// </summary>
    [Test]
    public void AnIndexWrittenByAnotherBuild_IsNoIndex()
    {
        WriteOld();
        CatalogIndex.Write(_dir);
        ForgeOld();
        var lines = File.ReadAllLines(Index);
        var fields = lines[0].Split(' ');
        Assert.That(fields[1], Has.Length.EqualTo(32), "the header names the build that wrote it");
        lines[0] = string.Join(' ', [fields[0], new string('0', 32), .. fields[2..]]);
        File.WriteAllLines(Index, lines);

        Assert.That(IsFamily(), Is.True);
    }

    /// <summary>A named pipe where the index would be is no index, and is never opened (opening it would wait for a writer for ever).</summary>
    [Test]
    public void AFifoNamedAsTheIndex_IsNoIndex()
    {
        WriteOld();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Index]))
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
        }

        var asked = Task.Run(IsFamily);
        var cameBack = asked.Wait(TimeSpan.FromSeconds(30));
        if (!cameBack)
        {
            // Unblock the reader stuck on the pipe, so the test ends and its folder can be removed.
            File.WriteAllText(Index, string.Empty);
        }

        Assert.That(cameBack, Is.True, "the family question came back without opening the pipe");
        Assert.That(asked.Result, Is.True);
    }

    /// <summary>Every file the index holds reads back as the parser's events say, the odd ones included: the index is a record of <see cref="TopLevelKeys.Read"/> and nothing else.</summary>
    [Test]
    public void KeysReadBack_AsTheTextSays_ForTheCatalogAndOddFiles()
    {
        foreach (var file in PolicyCatalog.PolicyFilesIn(Repository.Rules))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)), overwrite: true);
        }

        Write("quoted", "family: \"with\\ttab and 100% = space\"\nextends: 'z q'");
        Write("null-family", "family: ~");
        Write("anchored", "family: &f other-family");
        Write("listed", "family: [zq]");
        Write("broken", string.Empty, "id: broken\nfamily: other-family\n  : [unclosed");
        Write("not-a-mapping", string.Empty, "- id: listed\n");
        Write("odd name %\t", "family: é");
        var files = PolicyCatalog.PolicyFilesIn(_dir).ToList();

        Assert.That(CatalogIndex.Write(_dir), Is.EqualTo(files.Count));
        var index = CatalogIndex.Of(_dir);
        Assert.That(index, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                Assert.That(index!.TryKeys(file, text, out var keys), Is.True, file);
                Assert.That(Describe(keys), Is.EqualTo(Describe(TopLevelKeys.Read(text, CatalogIndex.Keys))), file);
            }
        }

        // The rule FamilyOfAnIdTests states holds through the index: a file whose later text does not parse is not read plainly.
        Assert.That(index!.TryKeys(Path.Combine(_dir, "broken.yaml"), File.ReadAllText(Path.Combine(_dir, "broken.yaml")), out var broken) && broken is null, Is.True);
    }

    private static string Describe(Dictionary<string, YamlDotNet.Core.Events.Scalar?>? keys) =>
        keys is null ? "?" : string.Join(", ", keys.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => k.Value is { } s ? $"{k.Key}={(s.Style == YamlDotNet.Core.ScalarStyle.Plain ? "plain" : "quoted")}:{s.Value}" : k.Key + "*"));
}
