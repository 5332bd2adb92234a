using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// What an explanation shows for each kind of condition part: whether it held, the values it read,
/// each offense of a list in turn, and, for a policy bound by an authority, the rules of each
/// layer traced in the layer they belong to.
/// </summary>
[TestFixture]
public class TraceTests
{
    private const string Booking = """
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges:
          - { offense: assault, level: felony, category: aggravated_assault }
          - { offense: driving, level: misdemeanor, category: traffic }
        convictions:
          - { offense: burglary, level: felony, category: burglary, convicted_on: 2016-03-04, released_on: 2021-06-30 }
        """;

    private static readonly ConditionTracer Tracer = new();

    private static TraceNode Trace(string when, string scenario = Booking, string extra = "") => Trace(when, TestScenarios.Parse(scenario), extra);

    private static TraceNode Trace(string when, Scenario scenario, string extra = "")
    {
        var policy = TestPolicies.Compile($$"""
              - id: probe
                when: "{{when}}"
                then: { ice_jail_access: permitted }
                because: probe
                cite: src
              - id: notice
                when: "true"
                then: { notify_ice: { value: required, at: [booking] } }
                because: always
                cite: src
            """, extra);
        var verdict = policy.Evaluate(scenario);
        var rule = policy.Policy.Rules.Single(r => r.Id == "probe");
        var decisions = new Modality[Enum.GetValues<DecisionKind>().Length];
        foreach (var d in verdict.Decisions)
        {
            decisions[(int)d.Kind] = d.Value;
        }

        return Tracer.Trace(rule.When, verdict.Scenario, decisions);
    }

    [Test]
    public void Trace_EveryCharge_EachTracedInTurnWithItsLevelAndCategory()
    {
        var node = Trace("any charge(level = felony)");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Holds, Is.True);
            Assert.That(node.Values, Is.Null);
            Assert.That(node.Parts.Select(p => p.Condition), Is.EqualTo(new[] { "charge 1: assault (felony, aggravated_assault)", "charge 2: driving (misdemeanor, traffic)" }));
            Assert.That(node.Parts.Select(p => p.Holds), Is.EqualTo(new[] { true, false }));
            Assert.That(node.Parts.Select(p => p.Values), Is.EqualTo(new[] { "level is felony", "level is misdemeanor" }));
        }
    }

    [Test]
    public void Trace_LookBackFromRelease_ShowsTheConvictionReleaseAndBookingDays()
    {
        var node = Trace("any conviction(within 5 years of release)");

        var conviction = node.Parts.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Holds, Is.True);
            Assert.That(conviction.Condition, Is.EqualTo("conviction 1: burglary (felony, burglary, 2016-03-04)"));
            Assert.That(conviction.Holds, Is.True);
            Assert.That(conviction.Values, Is.EqualTo("convicted 2016-03-04, released 2021-06-30; booked 2025-01-17"));
        }
    }

    [Test]
    public void Trace_LookBackOnAConvictionWithoutRelease_NoReleaseShown()
    {
        var node = Trace("any conviction(within 5 years)", Booking.Replace(", released_on: 2021-06-30", string.Empty, StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Holds, Is.False);
            Assert.That(node.Parts.Single().Values, Is.EqualTo("convicted 2016-03-04; booked 2025-01-17"));
        }
    }

    [TestCase("any conviction(level = felony)", "no convictions")]
    [TestCase("every charge(level = felony)", "no charges")]
    public void Trace_EmptyList_SaysSo(string when, string values)
    {
        // No loader builds an arrest without charges; code can, and the trace must still say what it saw.
        var node = Trace(when, new Scenario { Id = "empty", BookedAt = DateTimeOffset.UnixEpoch, Charges = [] });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Values, Is.EqualTo(values));
            Assert.That(node.Parts, Is.Empty);
            Assert.That(node.Holds, Is.EqualTo(when.StartsWith("every", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void Trace_DecisionRead_ShowsTheSettledValue()
    {
        var node = Trace("decision.notify_ice = required");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Holds, Is.True);
            Assert.That(node.Values, Is.EqualTo("decision.notify_ice is required"));
        }
    }

    [Test]
    public void Trace_NotOrAndNamedCondition_EachPartTracedUnderItsParent()
    {
        var node = Trace("not (detainer or abroad)", extra: """
            conditions:
              abroad: person.foreign_born
            """);

        var or = node.Parts.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Condition, Is.EqualTo("not (detainer or abroad)"));
            Assert.That(node.Holds, Is.False);
            Assert.That(or.Holds, Is.True);
            Assert.That(or.Parts.Select(p => (p.Condition, p.Holds)), Is.EqualTo(new[] { ("detainer", false), ("abroad", true) }));
            Assert.That(or.Parts[1].Parts.Single().Condition, Is.EqualTo("person.foreign_born"), "a named condition shows its body");
            Assert.That(or.Parts[1].Parts.Single().Values, Is.EqualTo("person.foreign_born is true"));
        }
    }

    [Test]
    public void Trace_Constant_HoldsWithNoValuesAndNoParts()
    {
        var node = Trace("true");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(node.Condition, Is.EqualTo("true"));
            Assert.That(node.Holds, Is.True);
            Assert.That(node.Values, Is.Null);
            Assert.That(node.Parts, Is.Empty);
        }
    }

    [Test]
    public void Of_RuleOfAnAuthority_TracedInTheAuthoritysOwnVerdict()
    {
        var loaded = new Dictionary<string, DetainerRules.Model.Policies.Policy>(StringComparer.Ordinal)
        {
            ["city"] = Bound("city", "[state]", """
                  - id: city-tells
                    when: person.foreign_born
                    then: { notify_ice: { value: permitted, at: [release] } }
                    because: the city may tell ICE
                    cite: src
                """),
            ["state"] = Bound("state", "[]", """
                  - id: state-requires
                    when: person.foreign_born
                    then: { notify_ice: { value: required, at: [booking] } }
                    because: the state requires notice
                    cite: src
                """),
        };
        var policy = PolicyCompiler.Compile(loaded["city"], (_, id) => loaded[id]);

        var verdict = policy.Evaluate(TestScenarios.Arrest());
        var notify = DecisionExplanation.Of(verdict, Tracer)[DecisionKind.NotifyIce];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict.Layers[DecisionKind.NotifyIce], Is.EqualTo("state"));
            Assert.That(notify.Deciding.Select(t => (t.Policy, t.Rule.Id, t.When.Holds)), Is.EqualTo(new[] { ("state", "state-requires", true) }));
        }
    }
    /// <summary>The rule that decided belongs to the second of two authorities: the trace names it, not the first authority nor the policy itself, on both engines.</summary>
    [TestCase(EngineKind.RuleNetwork)]
    [TestCase(EngineKind.CompiledNetwork)]
    [TestCase(EngineKind.Delegates)]
    public void Of_RuleOfTheSecondOfTwoAuthorities_TracedInThatAuthoritysVerdict(EngineKind engine)
    {
        var loaded = new Dictionary<string, DetainerRules.Model.Policies.Policy>(StringComparer.Ordinal)
        {
            ["city"] = Bound("city", "[county, state]", """
                  - id: city-tells
                    when: person.foreign_born
                    then: { notify_ice: { value: permitted, at: [release] } }
                    because: the city may tell ICE
                    cite: src
                """),
            ["county"] = Bound("county", "[]", """
                  - id: county-opens-the-jail
                    when: person.foreign_born
                    then: { ice_jail_access: permitted }
                    because: the county lets ICE in
                    cite: src
                """),
            ["state"] = Bound("state", "[]", """
                  - id: state-requires
                    when: person.foreign_born and not decision.ice_jail_access = forbidden
                    then: { notify_ice: { value: required, at: [booking] } }
                    because: the state requires notice
                    cite: src
                """),
        };
        var policy = Engines.Compile(engine, loaded["city"], (_, id) => loaded[id]);

        var verdict = policy.Evaluate(TestScenarios.Arrest());
        var explanations = DecisionExplanation.Of(verdict, Tracer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict.Layers[DecisionKind.NotifyIce], Is.EqualTo("state"));
            Assert.That(explanations[DecisionKind.NotifyIce].Deciding.Select(t => (t.Policy, t.Rule.Id, t.When.Holds)), Is.EqualTo(new[] { ("state", "state-requires", true) }));
            Assert.That(explanations[DecisionKind.NotifyIce].Deciding.Single().When.Parts[1].Parts.Single().Values, Is.EqualTo("decision.ice_jail_access is unknown"), "read in the state's own decisions, where the county's answer is not");
            Assert.That(explanations[DecisionKind.IceJailAccess].Deciding.Select(t => (t.Policy, t.Rule.Id)), Is.EqualTo(new[] { ("county", "county-opens-the-jail") }));
        }
    }

    /// <summary>A rule that reads another decision is traced against that decision's settled value, not a blank one, on both engines.</summary>
    [TestCase(EngineKind.RuleNetwork)]
    [TestCase(EngineKind.CompiledNetwork)]
    [TestCase(EngineKind.Delegates)]
    public void Of_RuleReadingADecision_TracedAgainstTheSettledValue(EngineKind engine)
    {
        var policy = Bound("solo", "[]", """
              - id: notice
                when: person.foreign_born
                then: { notify_ice: { value: forbidden } }
                because: the policy forbids notice
                cite: src
              - id: no-notice-no-entry
                when: decision.notify_ice = forbidden
                then: { ice_jail_access: forbidden }
                because: without notice there is no entry
                cite: src
            """);
        var compiled = Engines.Compile(engine, policy);

        var verdict = compiled.Evaluate(TestScenarios.Arrest());
        var access = DecisionExplanation.Of(verdict, Tracer)[DecisionKind.IceJailAccess].Deciding.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(access.Rule.Id, Is.EqualTo("no-notice-no-entry"));
            Assert.That(access.When.Holds, Is.True);
            Assert.That(access.When.Values, Is.EqualTo("decision.notify_ice is forbidden"));
        }
    }

    /// <summary>A fixture policy named <paramref name="id"/>, bound by the authorities listed (YAML list syntax).</summary>
    private static DetainerRules.Model.Policies.Policy Bound(string id, string boundBy, string rules) => DetainerRules.Yaml.PolicyLoader.Load(
        TestPolicies.Yaml(rules).Replace("id: test-policy", $"id: {id}\nbound_by: {boundBy}", StringComparison.Ordinal), id + ".yaml");
}
