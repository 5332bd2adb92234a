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
        yield return new TestCaseData("burglary", "a burglary charge", true, "as written");
        yield return new TestCaseData("burglary", "ICE is told of Burglaries", true, "plural of a word in y");
        yield return new TestCaseData("burglary", "BURGLARY", true, "any case");
        yield return new TestCaseData("theft", "thefts and DUIs", true, "plural in s");
        yield return new TestCaseData("dui", "thefts and DUIs", true, "plural of an abbreviation");
        yield return new TestCaseData("fraud", "frauds", true, "plural of a word not in y");
        yield return new TestCaseData("assault_on_officer", "assault on an officer", true, "words with an article");
        yield return new TestCaseData("assault_on_officer", "assault on the officers", true, "words with the and a plural");
        yield return new TestCaseData("assault_on_officer", "assault_on_officer", true, "underscores");
        yield return new TestCaseData("assault_on_officer", "assault-on-officer", true, "hyphens");
        yield return new TestCaseData("drug-trafficking", "drug trafficking", true, "entry with hyphens");
        yield return new TestCaseData("burglary", "theft", false, "other words");
        yield return new TestCaseData("burglary", "burglarystuff", false, "not part of a longer word");
        yield return new TestCaseData("theft", "antitheft", false, "not the end of a longer word");
        yield return new TestCaseData("burglary", "burglar", false, "not a shorter word");
        yield return new TestCaseData("assault_on_officer", "assault officer", false, "not with a word missing");
        yield return new TestCaseData("assault_on_officer", "assault on one officer", false, "only articles between");
    }

    /// <param name="naming">What the case shows: an argument, not a SetName, which the mutation runner cannot ask NUnit for again.</param>
    [TestCaseSource(nameof(Namings))]
    public void Check_HowAnEntryMayBeNamed(string entry, string because, bool named, string naming)
    {
        var policy = Variant(entry, "variant", Rule("r", "base", because));

        Assert.That(StaleReasons.Check(policy), named ? Has.Count.EqualTo(1) : Is.Empty, naming);
    }
}
