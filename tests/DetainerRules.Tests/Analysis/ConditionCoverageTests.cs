using DetainerRules.Analysis.Expectations;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// Which conditions of which rules <c>detainer test</c>'s cases showed to matter, with them true and
/// with them false (<see cref="ConditionCoverage"/>), on a policy and an authority written for the
/// test, each count worked out below by flipping one condition with the others held.
/// </summary>
[TestFixture]
public class ConditionCoverageTests
{
    // Rules written out of id order: coverage is in policy, rule id, then condition order.
    private static readonly string County = TestPolicies.Yaml("""
          - id: moot
            when: any charge(category = theft) or true
            then: { transfer_to_ice: permitted }
            because: b
            cite: src
          - id: either
            when: any charge(category = dui) or not person.foreign_born
            then: { ask_immigration_status: permitted }
            because: b
            cite: src
          - id: both
            when: felon and person.foreign_born
            then: { ice_jail_access: permitted }
            because: b
            cite: src
          - id: chained
            when: decision.ice_jail_access = permitted
            then: { share_criminal_intelligence: permitted }
            because: b
            cite: src
        """, "conditions:\n  felon: any charge(level = felony)\n").Replace("id: test-policy", "id: county\nbound_by: [state]", StringComparison.Ordinal);

    private static readonly string State = TestPolicies.Yaml("""
          - id: notice
            when: person.foreign_born
            then: { notify_ice: forbidden }
            because: b
            cite: src
        """).Replace("id: test-policy", "id: state", StringComparison.Ordinal);

    private static readonly DelegatePolicy Policy = DelegatePolicy.Compile(
        PolicyLoader.Load(County, "county.yaml"),
        (_, id) => id == "state" ? PolicyLoader.Load(State, "state.yaml") : throw new InvalidOperationException(id));

    private static Scenario Booking(string level, string category, bool foreignBorn) => TestScenarios.Charged(level, category, foreignBorn);

    // A felony robbery by a foreign-born person; a misdemeanor DUI by one; a felony robbery by a U.S.-born person.
    private static readonly Scenario FelonyAbroad = Booking("felony", "robbery", true);
    private static readonly Scenario DuiAbroad = Booking("misdemeanor", "dui", true);
    private static readonly Scenario FelonyAtHome = Booking("felony", "robbery", false);

    private static IReadOnlyList<ConditionCoverage> Of(params Scenario[] scenarios) =>
        ConditionCoverage.Of(scenarios.Select(Policy.Evaluate), new ConditionTracer());

    [Test]
    public void Of_ThreeCases_EachConditionShownAsWorkedOut()
    {
        var coverage = Of(FelonyAbroad, DuiAbroad, FelonyAtHome);

        Assert.That(coverage, Is.EqualTo(new[]
        {
            // felon and foreign-born: both true decide (first case); a misdemeanor alone keeps it false (second); U.S.-born alone (third).
            new ConditionCoverage("county", "both", "any charge(level = felony)", true, true),
            new ConditionCoverage("county", "both", "person.foreign_born", true, true),

            // ice_jail_access is permitted in the first case only: the decision test is shown true there and false in the others.
            new ConditionCoverage("county", "chained", "decision.ice_jail_access = permitted", true, true),

            // DUI or U.S.-born: no DUI and foreign-born keep it false (first); a DUI alone makes it true (second); U.S.-born alone (third).
            new ConditionCoverage("county", "either", "any charge(category = dui)", true, true),
            new ConditionCoverage("county", "either", "person.foreign_born", true, true),

            // `or true`: theft never matters; `true` matters only as true.
            new ConditionCoverage("county", "moot", "any charge(category = theft)", false, false),
            new ConditionCoverage("county", "moot", "true", true, false),

            // state's notice: foreign-born flips it (first case), U.S.-born flips it back (third).
            new ConditionCoverage("state", "notice", "person.foreign_born", true, true),
        }));
    }

    [Test]
    public void Of_TwoCases_SomeConditionsShownOneWayOnly()
    {
        var coverage = Of(FelonyAbroad, DuiAbroad).ToDictionary(c => (c.Policy, c.Rule, c.Condition));

        Assert.That(coverage[("county", "both", "any charge(level = felony)")].Covered, Is.True);
        Assert.That(coverage[("county", "both", "person.foreign_born")], Is.EqualTo(new ConditionCoverage("county", "both", "person.foreign_born", true, false)));
        Assert.That(coverage[("county", "both", "person.foreign_born")].Covered, Is.False);
        Assert.That(coverage[("county", "either", "any charge(category = dui)")].Covered, Is.True);
        Assert.That(coverage[("county", "either", "person.foreign_born")], Is.EqualTo(new ConditionCoverage("county", "either", "person.foreign_born", true, false)));
        Assert.That(coverage[("state", "notice", "person.foreign_born")], Is.EqualTo(new ConditionCoverage("state", "notice", "person.foreign_born", true, false)));
    }

    [Test]
    public void Of_OneCase_OnlyWhatItShows()
    {
        var coverage = Of(DuiAbroad).ToDictionary(c => (c.Policy, c.Rule, c.Condition));

        // Misdemeanor DUI, foreign-born: `both` is false and only the felony test would flip it.
        Assert.That(coverage[("county", "both", "any charge(level = felony)")], Is.EqualTo(new ConditionCoverage("county", "both", "any charge(level = felony)", false, true)));
        Assert.That(coverage[("county", "both", "person.foreign_born")], Is.EqualTo(new ConditionCoverage("county", "both", "person.foreign_born", false, false)));
        Assert.That(coverage[("county", "either", "any charge(category = dui)")], Is.EqualTo(new ConditionCoverage("county", "either", "any charge(category = dui)", true, false)));
        Assert.That(coverage[("county", "either", "person.foreign_born")], Is.EqualTo(new ConditionCoverage("county", "either", "person.foreign_born", false, false)));
        Assert.That(coverage[("county", "chained", "decision.ice_jail_access = permitted")], Is.EqualTo(new ConditionCoverage("county", "chained", "decision.ice_jail_access = permitted", false, true)));
    }

    [Test]
    public void Of_NoVerdicts_Nothing()
    {
        Assert.That(ConditionCoverage.Of([], new ConditionTracer()), Is.Empty);
    }

    [Test]
    public void Covered_OnlyWhenShownBothWays()
    {
        Assert.That(new ConditionCoverage("p", "r", "c", true, true).Covered, Is.True);
        Assert.That(new ConditionCoverage("p", "r", "c", true, false).Covered, Is.False);
        Assert.That(new ConditionCoverage("p", "r", "c", false, true).Covered, Is.False);
        Assert.That(new ConditionCoverage("p", "r", "c", false, false).Covered, Is.False);
    }
}
