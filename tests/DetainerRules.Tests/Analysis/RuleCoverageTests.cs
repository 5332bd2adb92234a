using DetainerRules.Analysis.Expectations;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Analysis;

/// <summary>Which rules <c>detainer test</c>'s cases made fire, per policy, authorities included (<see cref="RuleCoverage"/>), on policies written for the test.</summary>
[TestFixture]
public class RuleCoverageTests
{
    private static readonly string Local = TestPolicies.Yaml("""
          - id: zeta-felony
            when: any charge(level = felony)
            then: { ice_jail_access: permitted }
            because: b
            cite: src
          - id: alpha-dui
            when: any charge(category = dui)
            then: { transfer_to_ice: permitted }
            because: b
            cite: src
          - id: mid-never
            when: any charge(category = homicide)
            then: { ask_immigration_status: permitted }
            because: b
            cite: src
        """).Replace("id: test-policy", "id: city\nbound_by: [commonwealth]", StringComparison.Ordinal);

    private static readonly string Authority = TestPolicies.Yaml("""
          - id: born-abroad
            when: person.foreign_born
            then: { notify_ice: forbidden }
            because: b
            cite: src
        """).Replace("id: test-policy", "id: commonwealth", StringComparison.Ordinal);

    private static readonly DelegatePolicy Policy = DelegatePolicy.Compile(
        PolicyLoader.Load(Local, "city.yaml"),
        (_, id) => id == "commonwealth" ? PolicyLoader.Load(Authority, "commonwealth.yaml") : throw new InvalidOperationException(id));

    private static Scenario Booking(string level, string category, bool foreignBorn) => TestScenarios.Charged(level, category, foreignBorn);

    [Test]
    public void Of_FiredAcrossCases_PerPolicyInIdOrder()
    {
        var verdicts = new[] { Booking("felony", "robbery", false), Booking("misdemeanor", "dui", false) }.Select(Policy.Evaluate);

        var coverage = RuleCoverage.Of(verdicts);

        Assert.That(coverage.Select(c => c.Policy), Is.EqualTo(new[] { "city", "commonwealth" }));
        Assert.That(coverage[0].Fired, Is.EqualTo(new[] { "alpha-dui", "zeta-felony" }));
        Assert.That(coverage[0].NeverFired, Is.EqualTo(new[] { "mid-never" }));
        Assert.That(coverage[1].Fired, Is.Empty);
        Assert.That(coverage[1].NeverFired, Is.EqualTo(new[] { "born-abroad" }));
    }

    [Test]
    public void Of_AuthorityRuleFires_CountedForTheAuthority()
    {
        var coverage = RuleCoverage.Of([Policy.Evaluate(Booking("misdemeanor", "theft", true))]);

        Assert.That(coverage.Single(c => c.Policy == "commonwealth").Fired, Is.EqualTo(new[] { "born-abroad" }));
        Assert.That(coverage.Single(c => c.Policy == "city").Fired, Is.Empty);
        Assert.That(coverage.Single(c => c.Policy == "city").NeverFired, Is.EqualTo(new[] { "alpha-dui", "mid-never", "zeta-felony" }));
    }

    [Test]
    public void Of_NoVerdicts_Nothing()
    {
        Assert.That(RuleCoverage.Of([]), Is.Empty);
    }
}
