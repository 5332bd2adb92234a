using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// A comparison as <c>compare</c> and <c>POST /v1/compare</c> run it (<see cref="ComparisonRun"/>), with
/// a bound policy's layers compared to its authority (<see cref="LayerComparer"/>), on policies written
/// for the test.
/// </summary>
[TestFixture]
public class ComparisonRunTests
{
    // The county tells ICE of the foreign-born (at release too for a robbery) and forbids notice for
    // U.S.-born felons; the state forbids notice for every felony and says nothing otherwise.
    private static readonly string County = TestPolicies.Yaml("""
          - id: foreign-born
            when: person.foreign_born
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
          - id: foreign-born-robbery
            when: person.foreign_born and any charge(category = robbery)
            then: { notify_ice: { value: required, at: [booking, release] } }
            priority: 1
            because: b
            cite: src
          - id: us-born-felon
            when: not person.foreign_born and any charge(level = felony)
            then: { notify_ice: forbidden }
            because: b
            cite: src
          - id: ask
            when: true
            then: { ask_immigration_status: permitted }
            because: b
            cite: src
        """).Replace("id: test-policy", "id: county\nbound_by: [state]", StringComparison.Ordinal);

    private static readonly string State = TestPolicies.Yaml("""
          - id: no-notice-for-felonies
            when: any charge(level = felony)
            then: { notify_ice: forbidden }
            because: b
            cite: src
        """).Replace("id: test-policy", "id: state", StringComparison.Ordinal);

    private static Model.Policies.Policy Load(string id) => PolicyLoader.Load(id == "county" ? County : State, id + ".yaml");

    private static readonly DelegatePolicy Bound = DelegatePolicy.Compile(Load("county"), (_, id) => Load(id));

    private static readonly DelegatePolicy Free = DelegatePolicy.Compile(Load("state"), (_, id) => Load(id));

    private static readonly Subject[] Subjects = [Subject.Of(DecisionKind.NotifyIce), Subject.Of(DecisionKind.AskImmigrationStatus), Subject.Outcome];

    private static PolicyComparison Run(IReadOnlyList<Scenario>? scenarios = null, params (string, IPolicyEvaluator)[] policies) =>
        ComparisonRun.Of(policies.Length > 0 ? policies : [("county", Bound)], Subjects, SpaceFilter.None, null, scenarios);

    [Test]
    public void Of_SameLabelTwice_NumberedByPosition()
    {
        var comparison = Run(null, ("state", Free), ("county", Bound), ("state", Free));

        Assert.That(comparison.Policies, Is.EqualTo(new[] { "state#1", "county", "state#3" }));
        Assert.That(comparison.Layers.Select(l => l.Policy), Is.EqualTo(new[] { "county" }), "only the bound policy has layers");
    }

    [Test]
    public void Layers_OwnRulesAuthorityAndInForce()
    {
        var layer = Run().Layers.Single();

        Assert.That((layer.Policy, layer.Authority), Is.EqualTo(("county", "state")));
        Assert.That(layer.Findings.Policies, Is.EqualTo(new[] { "county (own rules)", "state", "county (in force)" }));
        Assert.That(layer.Findings.Subjects.Select(s => s.Subject.Name), Is.EqualTo(new[] { "notify_ice", "ask_immigration_status" }), "decisions only: an authority has no outcome of its own to compare");
        Assert.That(layer.Findings.OverSpace, Is.True);
    }

    [Test]
    public void Layers_OnlyWhereBothAnswerAndDiffer()
    {
        var notify = Run().Layers.Single().Findings.Subjects.Single(s => s.Subject.Name == "notify_ice");

        // A foreign-born felon: required (at booking, or also at release for a robbery) against forbidden.
        // Not kept: the state silent (no felony), the county silent, both forbidding a U.S.-born felon.
        Assert.That(notify.Splits.Select(s => (s.Answers[0].Text, s.Answers[1].Value)), Is.EquivalentTo(new[] { ("required (booking)", "forbidden"), ("required (booking, release)", "forbidden") }));
        Assert.That(notify.Splits.Select(s => s.Cases), Is.All.GreaterThan(0));
        Assert.That(notify.Differing, Is.EqualTo(notify.Splits.Sum(s => s.Cases)));
        Assert.That(notify.Differing, Is.LessThan(notify.Cases));
    }

    [Test]
    public void Layers_AuthoritySilent_NoDisagreement()
    {
        var ask = Run().Layers.Single().Findings.Subjects.Single(s => s.Subject.Name == "ask_immigration_status");

        Assert.That(ask.Splits, Is.Empty);
        Assert.That(ask.Differing, Is.Zero);
    }

    [Test]
    public void Of_Scenarios_ComparedOnThemLayersToo()
    {
        var felonAbroad = TestScenarios.Arrest();
        var felonAtHome = TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: false, citizenship: us_citizen }
            charges:
              - { offense: x, level: felony, category: theft }
            """);

        var comparison = Run([felonAbroad, felonAtHome]);
        var layer = comparison.Layers.Single().Findings;

        Assert.That(comparison.ScenarioCount, Is.EqualTo(2));
        Assert.That(layer.ScenarioCount, Is.EqualTo(2));
        Assert.That(layer.Subjects.Single(s => s.Subject.Name == "notify_ice").Differing, Is.EqualTo(1), "the foreign-born felon only");
    }
}
