using DetainerRules.Model.Diagnostics;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// A name that is a policy id may also name a family (<see cref="PolicyChoice.Resolve"/>). The catalog's files are
/// first told apart by their text (<see cref="FamilyScan.CannotBeOf"/>), so every way a file can join a family
/// without the family's name written plainly in it must still be found, and a broken file must still count exactly
/// where it counted when every file was loaded.
/// </summary>
[TestFixture]
public class FamilyOfAnIdTests
{
    private const string Rules = TestSupport.PolicyTemplate.FelonyNotice;

    private string _dir = null!;

    [SetUp]
    public void MakeFolder()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-family-").FullName;

        // `zq` is a policy of no family; the catalog has another policy beside it.
        Write("zq", string.Empty);
        Write("other", string.Empty);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string id, string extra, string? text = null)
    {
        var path = Path.Combine(_dir, id + ".yaml");
        File.WriteAllText(path, text ?? PolicyTemplate.Yaml(id, "policy " + id, Rules, extra));
        return path;
    }

    private PolicyChoice Resolve(string name) => PolicyChoice.Resolve(new PolicyCatalog([_dir]), name);

    [Test]
    public void IdOfNoFamily_IsOnePolicy_WhateverElseIsBroken()
    {
        Write("broken", string.Empty, "id: broken\n  : [unclosed");

        var choice = Resolve("zq");

        Assert.That((choice.IsFamily, choice.Undated!.Id), Is.EqualTo((false, "zq")));
    }

    [Test]
    public void FamilyWrittenWithAnEscape_IsStillFound()
    {
        Write("old", "family: \"z\\x71\"\neffective: { from: 2019-01-01, until: 2022-12-31 }");
        Write("zq", "family: zq\neffective: { from: 2023-01-01 }");

        var choice = Resolve("zq");

        Assert.That(choice.Timeline.Select(v => v.Id), Is.EqualTo(new[] { "old", "zq" }));
    }

    [Test]
    public void FamilyTakenFromABase_ByAVariantThatNeverNamesIt_IsStillFound()
    {
        Write("base", "family: zq\neffective: { from: 2019-01-01, until: 2022-12-31 }");
        File.WriteAllText(Path.Combine(_dir, "variant.yaml"), """
            id: variant
            extends: base
            amendment: a later version
            effective: { from: 2023-01-01 }
            """);

        var choice = Resolve("zq");

        Assert.That((choice.IsFamily, choice.On(new DateOnly(2024, 1, 1)).Id), Is.EqualTo((true, "variant")));
    }

    [Test]
    public void BrokenFileThatSaysItIsAVersion_StopsTheLookup()
    {
        Write("broken", string.Empty, "id: broken\nfamily: zq\nrules: not a list\n");

        var error = Assert.Throws<InvalidInputException>(() => Resolve("zq"))!;

        Assert.That(error.Diagnostics.Select(d => d.Span.File), Has.Some.EndsWith("broken.yaml"));
    }

    [Test]
    public void BrokenFileTooBrokenToTell_StopsTheLookupBesideAVersion()
    {
        Write("old", "family: zq\neffective: { from: 2019-01-01, until: 2022-12-31 }");
        Write("broken", string.Empty, "id: broken\n  : [unclosed");

        var error = Assert.Throws<InvalidInputException>(() => Resolve("zq"))!;

        Assert.That(error.Diagnostics.Select(d => d.Span.File), Has.Some.EndsWith("broken.yaml"));
    }

    [Test]
    public void CannotBeOf_OnlyATextThatNeitherNamesTheFamilyNorExtendsNorEscapes()
    {
        var plain = Write("plain", string.Empty);
        var naming = Write("naming", "family: zq");
        var extending = Write("extending", string.Empty, "id: extending\nextends: other\namendment: x\n");
        var escaping = Write("escaping", "family: \"\\x41\"");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(FamilyScan.CannotBeOf(plain, "zq"), Is.True);
            Assert.That(FamilyScan.CannotBeOf(naming, "zq"), Is.False);
            Assert.That(FamilyScan.CannotBeOf(extending, "zq"), Is.False);
            Assert.That(FamilyScan.CannotBeOf(escaping, "zq"), Is.False);
            Assert.That(FamilyScan.CannotBeOf(plain, "z q"), Is.False, "not an id: folding could make it");
            Assert.That(FamilyScan.CannotBeOf(Path.Combine(_dir, "missing.yaml"), "zq"), Is.False, "unreadable");
        }
    }
    [Test]
    public void PlainlyNotOf_OnlyWhereTheTopLevelKeysSaySo_AndNeverForTheFamilyOrWhatItCannotRead()
    {
        Write("base-other", "family: other-family");
        Write("base-zq", "family: zq");
        var ofAnother = Write("of-another", "family: other-family");
        var ofNone = Write("of-none", string.Empty);
        var onAnotherBase = Write("on-another", string.Empty, "id: on-another\nextends: base-other\namendment: x\n");
        var named = Write("named", "family: \"zq\"");
        var onTheFamilysBase = Write("on-zq", string.Empty, "id: on-zq\nextends: base-zq\namendment: x\n");
        var nullFamily = Write("null-family", "family: ~");
        var anchoredFamily = Write("anchored-family", "family: &f other-family");
        var listFamily = Write("list-family", "family: [other-family]");
        var twice = Write("twice", "family: other-family\nfamily: zq");
        var extendsNothingKnown = Write("on-nothing", string.Empty, "id: on-nothing\nextends: no-such-policy\namendment: x\n");
        var broken = Write("broken", string.Empty, "id: broken\nfamily: other-family\n  : [unclosed");
        var notAMapping = Write("not-a-mapping", string.Empty, "- id: listed\n");
        var skimmed = new FamilyKeys();
        bool Plainly(string path) => FamilyScan.PlainlyNotOf(CatalogSearchPath.Of([_dir]), path, File.ReadAllText(path), "zq", skimmed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plainly(ofAnother), Is.True, "another family");
            Assert.That(Plainly(ofNone), Is.True, "no family, nothing extended");
            Assert.That(Plainly(onAnotherBase), Is.True, "a base of another family");
            Assert.That(Plainly(named), Is.False, "names the family");
            Assert.That(Plainly(onTheFamilysBase), Is.False, "a base of the family");
            Assert.That(Plainly(nullFamily), Is.False, "a null family");
            Assert.That(Plainly(anchoredFamily), Is.False, "an anchor, which the long way refuses");
            Assert.That(Plainly(listFamily), Is.False, "no scalar");
            Assert.That(Plainly(twice), Is.False, "a duplicate key");
            Assert.That(Plainly(extendsNothingKnown), Is.False, "a base found nowhere");
            Assert.That(Plainly(notAMapping), Is.False, "no mapping");
        }

        // The keys of a file whose later text does not parse are not trusted either.
        Assert.That(Plainly(broken), Is.False);
    }
}
