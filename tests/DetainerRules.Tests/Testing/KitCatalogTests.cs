using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Testing;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Testing;

/// <summary>The testing kit looks policies up as the command does: <see cref="Policies.UseRules"/> folders first, then the rest of the one lookup, so a draft written inline extends or is bound by a catalog policy by id.</summary>
[TestFixture]
public class KitCatalogTests
{
    // Changes one default of a catalog policy; what it sets is the draft's own, not a legal fact.
    private const string Draft = """
        id: draft
        extends: lvmpd-2023
        amendment: a test draft in which officers must ask about status
        sources:
          - { id: draft-note, title: The draft's own note, citation: none }
        defaults:
          ask_immigration_status: { value: required, because: the draft says so, cite: draft-note }
        """;

    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-kit-").FullName;

    [TearDown]
    public void Reset()
    {
        Policies.UseRules();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void Parse_ADraftExtendingACatalogId_IsThatPolicyWithTheDraftsChange()
    {
        var draft = Policies.Parse(Draft);
        var catalog = Policies.Load("lvmpd-2023");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(draft.Policy.Files.Select(f => Path.GetFileName(f.Path)), Is.EqualTo(new[] { "lvmpd-2019.yaml", "lvmpd-2023.yaml", "inline.yaml" }));
            Assert.That(draft.Versus(catalog).On(DecisionKind.NotifyIce), Answers.Agree);
            Assert.That(draft.Versus(catalog).On(DecisionKind.AskImmigrationStatus), Answers.Differ);
            Assert.That(draft, Always.Requires(DecisionKind.AskImmigrationStatus));
        }
    }

    [Test]
    public void Parse_ADraftBoundByACatalogId_IsCompiledWithThatAuthority()
    {
        var draft = Policies.Parse(Draft.Replace("extends: lvmpd-2023", "extends: lvmpd-2023\nbound_by: [ice-detainer-request]", StringComparison.Ordinal));

        Assert.That(draft.Network.Authorities.Select(a => a.Policy.Id), Is.EqualTo(new[] { "ice-detainer-request" }));
    }

    [Test]
    public void UseRules_AFolderOfFixtures_IsSearchedBeforeTheCatalog()
    {
        File.WriteAllText(Path.Combine(_dir, "lvmpd-2023.yaml"), Support.TestPolicies.Yaml("""
              - id: notify-felony
                when: any charge(level = felony)
                then: { notify_ice: { value: required, at: [release] } }
                because: felonies are reported
                cite: src
            """).Replace("id: test-policy", "id: lvmpd-2023", StringComparison.Ordinal));

        Policies.UseRules(_dir);
        var draft = Policies.Parse(Draft);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Policies.Catalog.SearchPath.Places[0], Is.EqualTo(new CatalogPlace(_dir, nameof(Policies.UseRules))));
            Assert.That(draft.Policy.Files.Select(f => f.Path).First(), Is.EqualTo(Path.Combine(_dir, "lvmpd-2023.yaml")));
            Assert.That(Policies.Load("lvmpd-2023").Policy.Title, Is.EqualTo("Test policy"));
        }
    }

    [Test]
    public void UseRules_AFolderThatDoesNotExist_IsRefusedThere()
    {
        var missing = Path.Combine(_dir, "missing");

        var error = Assert.Throws<CatalogPathException>(() => Policies.UseRules(missing))!;

        Assert.That(error.Message, Is.EqualTo($"UseRules: `{missing}` is not a folder"));
    }

    [Test]
    public void Parse_ABrokenDraft_ItsExceptionPrintsEveryDiagnostic_NotATypeName()
    {
        var error = Assert.Throws<InvalidInputException>(() => Policies.Parse("id: draft\nextends: nowhere-at-all\namendment: x\ncolour: red\n"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Diagnostics, Has.Count.EqualTo(2));
            Assert.That(error.Message, Is.EqualTo(string.Join("\n", error.Diagnostics)));
            Assert.That(error.Message, Does.Contain("inline.yaml:2:10: error DR202: extends: no policy `nowhere-at-all`"));
            Assert.That(error.Diagnostics.ToString(), Is.EqualTo("2 problems, one a line in the message"));
        }
    }
}
