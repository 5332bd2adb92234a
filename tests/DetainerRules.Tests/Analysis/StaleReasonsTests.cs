using DetainerRules.Analysis.Checks;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// Inherited rules whose <c>because</c> still names an entry a later variant took out of a list
/// (<see cref="StaleReasons"/>), on a chain <c>base</c>, <c>middle</c>, <c>variant</c> written for
/// the test: which rules are named, how an entry may be written, and the warning's place and words.
/// </summary>
[TestFixture]
public class StaleReasonsTests
{
    private static readonly SourceSpan Removed = new("variant.yaml", 9, 15);

    private static PolicyRule Rule(string id, string? origin, string because) =>
        TestPolicies.Load($$"""
              - id: {{id}}
                when: true
                then: { notify_ice: forbidden }
                because: x
                cite: src
            """).Rules.Single() with { Origin = origin, Because = because };

    /// <summary>The variant, its entry <paramref name="entry"/> taken out of a list by <paramref name="by"/>.</summary>
    private static Policy Variant(string entry, string by, params PolicyRule[] rules) =>
        TestPolicies.Load("""
              - id: placeholder
                when: true
                then: { notify_ice: forbidden }
                because: x
                cite: src
            """) with
        {
            Id = "variant",
            Lineage = ["base", "middle", "variant"],
            Rules = rules,
            Removals = [new ListRemoval(entry, "offense_lists:notifiable", by, Removed)],
        };

    [Test]
    public void Check_InheritedRuleNamesTheEntry_WarnsAtTheRemoval()
    {
        var policy = Variant("burglary", "variant", Rule("notify-listed", "base", "ICE is told of burglaries and thefts  \n"));

        var finding = StaleReasons.Check(policy).Single();

        Assert.That(finding.ToString(), Is.EqualTo(
            "variant.yaml:9:15: warning DR407: because: `variant` takes `burglary` out of `notifiable`, but rule `notify-listed` (from `base`) still gives it as a reason: \"ICE is told of burglaries and thefts\"; restate the rule under `replace_rules` with a reason that fits"));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void Check_OnlyRulesFromPoliciesBeforeTheRemover()
    {
        var policy = Variant(
            "burglary",
            "middle",
            Rule("from-base", "base", "burglary"),
            Rule("from-middle", "middle", "burglary"),
            Rule("from-variant", "variant", "burglary"),
            Rule("own", null, "burglary"),
            Rule("from-base-silent", "base", "theft"));

        Assert.That(StaleReasons.Check(policy).Select(d => d.Message), Is.EqualTo(new[]
        {
            "`middle` takes `burglary` out of `notifiable`, but rule `from-base` (from `base`) still gives it as a reason: \"burglary\"; restate the rule under `replace_rules` with a reason that fits",
        }));
    }

    [Test]
    public void Check_RemovedByTheLastVariant_EveryEarlierRule()
    {
        var policy = Variant("burglary", "variant", Rule("from-base", "base", "burglary"), Rule("from-middle", "middle", "burglary"), Rule("own", null, "burglary"));

        Assert.That(StaleReasons.Check(policy).Select(d => d.Message), Has.Exactly(1).Contains("rule `from-base` (from `base`)").And.Exactly(1).Contains("rule `from-middle` (from `middle`)"));
        Assert.That(StaleReasons.Check(policy), Has.Count.EqualTo(2));
    }

    [Test]
    public void Check_NoRemoval_NoFinding()
    {
        var policy = Variant("burglary", "variant", Rule("from-base", "base", "burglary")) with { Removals = [] };

        Assert.That(StaleReasons.Check(policy), Is.Empty);
    }

    [Test]
    public void Check_ConditionList_NamedAfterTheColon()
    {
        var policy = Variant("assault_on_officer", "variant", Rule("notify-assault", "base", "assault on an officer")) with
        {
            Removals = [new ListRemoval("assault_on_officer", "conditions:assaultive_charge", "variant", Removed)],
        };

        Assert.That(StaleReasons.Check(policy).Single().Message, Does.StartWith("`variant` takes `assault_on_officer` out of `assaultive_charge`, but rule `notify-assault`"));
    }

    private static IEnumerable<TestCaseData> Namings()
    {
        yield return new TestCaseData("burglary", "a burglary charge", true).SetName("Naming_AsWritten");
        yield return new TestCaseData("burglary", "ICE is told of Burglaries", true).SetName("Naming_PluralOfAWordInY");
        yield return new TestCaseData("burglary", "BURGLARY", true).SetName("Naming_AnyCase");
        yield return new TestCaseData("theft", "thefts and DUIs", true).SetName("Naming_PluralInS");
        yield return new TestCaseData("dui", "thefts and DUIs", true).SetName("Naming_PluralOfAnAbbreviation");
        yield return new TestCaseData("fraud", "frauds", true).SetName("Naming_PluralOfAWordNotInY");
        yield return new TestCaseData("assault_on_officer", "assault on an officer", true).SetName("Naming_WordsWithAnArticle");
        yield return new TestCaseData("assault_on_officer", "assault on the officers", true).SetName("Naming_WordsWithTheAndAPlural");
        yield return new TestCaseData("assault_on_officer", "assault_on_officer", true).SetName("Naming_Underscores");
        yield return new TestCaseData("assault_on_officer", "assault-on-officer", true).SetName("Naming_Hyphens");
        yield return new TestCaseData("drug-trafficking", "drug trafficking", true).SetName("Naming_EntryWithHyphens");
        yield return new TestCaseData("burglary", "theft", false).SetName("Naming_OtherWords");
        yield return new TestCaseData("burglary", "burglarystuff", false).SetName("Naming_NotPartOfALongerWord");
        yield return new TestCaseData("theft", "antitheft", false).SetName("Naming_NotTheEndOfALongerWord");
        yield return new TestCaseData("burglary", "burglar", false).SetName("Naming_NotAShorterWord");
        yield return new TestCaseData("assault_on_officer", "assault officer", false).SetName("Naming_NotWithAWordMissing");
        yield return new TestCaseData("assault_on_officer", "assault on one officer", false).SetName("Naming_OnlyArticlesBetween");
    }

    [TestCaseSource(nameof(Namings))]
    public void Check_HowAnEntryMayBeNamed(string entry, string because, bool named)
    {
        var policy = Variant(entry, "variant", Rule("r", "base", because));

        Assert.That(StaleReasons.Check(policy), named ? Has.Count.EqualTo(1) : Is.Empty);
    }
}
