using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// The one lookup of policy ids (README, "Where policies are found"): beside the naming file, the
/// <c>--rules</c> folders in order, <c>DETAINER_RULES</c>, the nearest <c>rules/</c> folder, the
/// shipped catalog; the first place holding an id answers, and a family's versions come from one place.
/// </summary>
/// <remarks>Every place is a temporary folder and the environment variable's value is passed in: nothing here reads or changes the process's environment.</remarks>
[TestFixture]
public class CatalogSearchPathTests
{
    /// <summary>The places, nearest first, as the lookup order names them.</summary>
    private static readonly string[] Steps = ["beside", "rules-a", "rules-b", "env-a", "env-b", "nearest", "shipped"];

    private const string Notify = TestSupport.PolicyTemplate.FelonyNotice;

    private string _dir = null!;

    [SetUp]
    public void MakeFolders()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-search-").FullName;
        foreach (var step in Steps.Skip(1).Where(s => s != "nearest"))
        {
            Directory.CreateDirectory(Path.Combine(_dir, step));
        }

        // The working directory is work/deep/er; the nearest rules/ folder is work/rules.
        Directory.CreateDirectory(Path.Combine(_dir, "work", "rules"));
        Directory.CreateDirectory(Path.Combine(_dir, "work", "deep", "er"));
        Directory.CreateDirectory(Path.Combine(_dir, "drafts"));
    }

    [TearDown]
    public void RemoveFolders() => Directory.Delete(_dir, recursive: true);

    private string Folder(string step) => step switch
    {
        "beside" => Path.Combine(_dir, "drafts"),
        "nearest" => Path.Combine(_dir, "work", "rules"),
        _ => Path.Combine(_dir, step),
    };

    private string WorkingDirectory => Path.Combine(_dir, "work", "deep", "er");

    private CatalogSearchPath StandardPath() => CatalogSearchPath.Standard(
        [Folder("rules-a"), "../../../rules-b"],
        "--rules",
        string.Join(Path.PathSeparator, Folder("env-a"), string.Empty, Folder("env-b")),
        WorkingDirectory,
        Folder("shipped"));

    /// <summary>Writes policy <paramref name="id"/> into a place, titled by the place so a test can tell which answered.</summary>
    private void Write(string step, string id, string extra = "") =>
        File.WriteAllText(Path.Combine(Folder(step), id + ".yaml"), TestPolicies.Yaml(Notify, extra)
            .Replace("id: test-policy", $"id: {id}", StringComparison.Ordinal)
            .Replace("title: Test policy", $"title: from {step}", StringComparison.Ordinal));

    private string Draft(string extends) => WriteDraft($"id: draft\nextends: {extends}\namendment: a draft that changes nothing\n");

    private string WriteDraft(string text)
    {
        var path = Path.Combine(Folder("beside"), "draft.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Standard_PlacesComeInTheDocumentedOrder_EachNamedByWhatPutItThere()
    {
        var places = StandardPath().Places;

        Assert.That(places.Select(p => (p.Folder, p.Origin)), Is.EqualTo(new[]
        {
            (Folder("rules-a"), "--rules"),
            (Folder("rules-b"), "--rules"),
            (Folder("env-a"), CatalogSearchPath.Variable),
            (Folder("env-b"), CatalogSearchPath.Variable),
            (Folder("nearest"), CatalogSearchPath.NearestOrigin),
            (Folder("shipped"), CatalogSearchPath.ShippedOrigin),
        }));
    }

    /// <summary>An id held by this place and every farther one is answered by this place: each step is found, and wins over all after it.</summary>
    [TestCase("beside")]
    [TestCase("rules-a")]
    [TestCase("rules-b")]
    [TestCase("env-a")]
    [TestCase("env-b")]
    [TestCase("nearest")]
    [TestCase("shipped")]
    public void Extends_TheNearestPlaceHoldingTheIdAnswers(string step)
    {
        foreach (var farther in Steps.SkipWhile(s => s != step))
        {
            Write(farther, "base");
        }

        var draft = Draft("base");
        var policy = new PolicyCatalog(StandardPath()).Load(draft);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Title, Is.EqualTo($"from {step}"));
            Assert.That(policy.Files.Select(f => f.Path), Is.EqualTo(new[] { Path.Combine(Folder(step), "base.yaml"), draft }));
        }
    }

    [TestCase("rules-a")]
    [TestCase("env-b")]
    [TestCase("nearest")]
    [TestCase("shipped")]
    public void BoundBy_TheNearestPlaceHoldingTheIdAnswers(string step)
    {
        foreach (var farther in Steps.SkipWhile(s => s != step))
        {
            Write(farther, "state");
        }

        var draft = WriteDraft(TestPolicies.Yaml(Notify, "bound_by: [state]").Replace("id: test-policy", "id: draft", StringComparison.Ordinal));
        var catalog = new PolicyCatalog(StandardPath());
        var policy = catalog.Load(draft);

        Assert.That(catalog.Authority(policy, "state").Title, Is.EqualTo($"from {step}"));
    }

    [TestCase("rules-a")]
    [TestCase("env-a")]
    [TestCase("nearest")]
    [TestCase("shipped")]
    public void PolicyId_TheNearestPlaceHoldingItAnswers(string step)
    {
        foreach (var farther in Steps.Skip(1).SkipWhile(s => s != step))
        {
            Write(farther, "named");
        }

        var catalog = new PolicyCatalog(StandardPath());

        Assert.That(catalog.Load("named").Title, Is.EqualTo($"from {step}"));
    }

    [Test]
    public void Extends_ACatalogPolicysOwnBaseIsTheOneBesideIt_NotANearerPlacesFileOfThatId()
    {
        Write("shipped", "root");
        File.WriteAllText(Path.Combine(Folder("shipped"), "middle.yaml"), "id: middle\nextends: root\namendment: the shipped chain\n");
        Write("rules-a", "root");

        var policy = new PolicyCatalog(StandardPath()).Load(Draft("middle"));

        Assert.That(policy.Title, Is.EqualTo("from shipped"), "the shipped chain is read whole from its own place");
    }

    [Test]
    public void Extends_NoPlaceHoldsTheId_NamesEveryPlaceSearched()
    {
        var draft = Draft("nowhere");

        var error = Assert.Throws<InvalidInputException>(() => new PolicyCatalog(StandardPath()).Load(draft))!.Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Reference));
            Assert.That(error.Message, Does.StartWith("no policy `nowhere` to extend beside this file or in the catalog (searched --rules ("));
            Assert.That(error.Message, Does.Contain($"{CatalogSearchPath.Variable} ({Folder("env-b")})"));
            Assert.That(error.Message, Does.Contain($"the shipped catalog ({Folder("shipped")})"));
        }
    }

    [TestCase("--rules")]
    [TestCase(CatalogSearchPath.Variable)]
    public void Standard_AFolderThatDoesNotExist_IsRefusedNamingWhereItWasGiven(string origin)
    {
        var missing = Path.Combine(_dir, "missing");

        var error = Assert.Throws<CatalogPathException>(() => CatalogSearchPath.Standard(
            origin == "--rules" ? [missing] : [], "--rules", origin == "--rules" ? null : missing, WorkingDirectory, Folder("shipped")))!;

        Assert.That(error.Message, Is.EqualTo($"{origin}: `{missing}` is not a folder"));
    }

    [Test]
    public void Standard_NoShippedCatalogAndNoRulesAbove_IsEmpty()
    {
        var path = CatalogSearchPath.Standard([], "--rules", null, Folder("drafts"), Path.Combine(_dir, "no-such-program", "rules"));

        Assert.That(path.Places, Is.Empty);
    }

    [Test]
    public void Standard_RunFromTheProgramsOwnFolder_TheShippedCatalogIsNotTakenForTheNearestRulesFolder()
    {
        // A test assembly's folder holds the shipped catalog as rules/; the project's own rules/ is above it.
        var program = Path.Combine(_dir, "work", "bin");
        Directory.CreateDirectory(Path.Combine(program, "rules"));

        var places = CatalogSearchPath.Standard([], "--rules", null, program, Path.Combine(program, "rules")).Places;

        Assert.That(places.Select(p => (p.Folder, p.Origin)), Is.EqualTo(new[]
        {
            (Folder("nearest"), CatalogSearchPath.NearestOrigin),
            (Path.Combine(program, "rules"), CatalogSearchPath.ShippedOrigin),
        }));
    }

    [Test]
    public void Standard_AFolderGivenTwice_KeepsItsFirstPlace()
    {
        var places = CatalogSearchPath.Standard([Folder("shipped"), Folder("rules-a")], "--rules", Folder("rules-a"), Folder("drafts"), Folder("shipped")).Places;

        Assert.That(places.Select(p => (p.Folder, p.Origin)), Is.EqualTo(new[] { (Folder("shipped"), "--rules"), (Folder("rules-a"), "--rules") }));
    }

    [Test]
    public void Family_VersionsComeFromTheNearestPlaceHoldingAny_NeverMixedWithFartherOnes()
    {
        Write("shipped", "fam-2019", "family: fam\neffective: { from: 2019-01-01, until: 2022-12-31 }");
        Write("shipped", "fam-2023", "family: fam\neffective: { from: 2023-01-01 }");
        Write("rules-a", "fam-2025", "family: fam\neffective: { from: 2025-01-01 }");
        var choice = PolicyChoice.Resolve(new PolicyCatalog(StandardPath()), "fam");

        var error = Assert.Throws<InvalidInputException>(() => choice.On(new DateOnly(2020, 6, 1)))!.Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(choice.On(new DateOnly(2026, 1, 1)).Title, Is.EqualTo("from rules-a"));
            Assert.That(error.Message, Does.Contain($"versions (all in {Folder("rules-a")}): `fam-2025`"));
            Assert.That(error.Message, Does.Not.Contain("fam-2019"));
        }
    }

    [Test]
    public void Family_OnlyInAFartherPlace_IsFoundThere()
    {
        Write("rules-a", "unrelated");
        Write("nearest", "fam-2019", "family: fam\neffective: { from: 2019-01-01, until: 2022-12-31 }");
        Write("nearest", "fam-2023", "family: fam\neffective: { from: 2023-01-01 }");

        var choice = PolicyChoice.Resolve(new PolicyCatalog(StandardPath()), "fam");

        Assert.That(choice.On(new DateOnly(2020, 6, 1)).Id, Is.EqualTo("fam-2019"));
    }
}
