using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Engine;

/// <summary>A policy bound by higher authorities (<c>bound_by</c>), evaluated on both engines: each decision composed with theirs.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class LayerEngineTests(EngineKind engine)
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["county"] = Policy("county", "[state]", """
              - id: hold-on-detainer
                when: detainer
                then: { delay_release: { value: required, limit: h48 } }
                because: the county honors detainers
                cite: src
              - id: tell-ice
                when: person.foreign_born
                then: { notify_ice: { value: permitted, at: [release] } }
                because: the county may tell ICE
                cite: src
            """),
        ["state"] = Policy("state", "[federal]", """
              - id: no-holds
                when: detainer.warrant != judicial
                then: { delay_release: forbidden }
                because: the state bans holds without a judge's warrant
                cite: src
            """),
        ["federal"] = Policy("federal", "[]", """
              - id: must-notify
                when: detainer.form = I-247A
                then: { notify_ice: { value: required, at: [booking] } }
                because: the federal layer requires notice
                cite: src
            """),
        ["city"] = Policy("city", "[state, rival]", """
              - id: access
                when: "true"
                then: { ice_jail_access: permitted }
                because: the city lets ICE in
                cite: src
            """),
        ["rival"] = Policy("rival", "[]", """
              - id: holds-required
                when: detainer
                then: { delay_release: { value: required, limit: clock48 } }
                because: a rival authority demands holds
                cite: src
            """),
        ["loop-a"] = Policy("loop-a", "[loop-b]", "  - { id: r, when: 'true', then: { ice_jail_access: permitted }, because: x, cite: src }"),
        ["loop-b"] = Policy("loop-b", "[loop-a]", "  - { id: r, when: 'true', then: { ice_jail_access: permitted }, because: x, cite: src }"),
    };

    private static string Policy(string id, string boundBy, string rules) =>
        TestPolicies.Yaml(rules).Replace("id: test-policy", $"id: {id}\nbound_by: {boundBy}", StringComparison.Ordinal);

    private static Policy Load(string id) => PolicyLoader.Load(Texts[id], id + ".yaml");

    private IPolicyEvaluator Compile(string id) => Engines.Compile(engine, Load(id), (_, named) => Load(named));

    [Test]
    public void Evaluate_AuthorityForbidsWhatThePolicyRequires_ForbiddenAndTheDisagreementReported()
    {
        var verdict = Engines.Evaluate(Compile("county"), TestScenarios.Arrest(extra: "detainer: { form: I-247N, warrant: administrative }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Forbidden));
            Assert.That(verdict.Layers[DecisionKind.DelayRelease], Is.EqualTo("state"));
            Assert.That(verdict.Own[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Required));
            Assert.That(verdict.Disagreements.Select(d => (d.Decision, d.Authority, d.Effective)), Is.EqualTo(new[] { (DecisionKind.DelayRelease, "state", Modality.Forbidden) }));
        }
    }

    [Test]
    public void Evaluate_AuthorityOfAnAuthority_ItsAnswerReachesThePolicy()
    {
        var verdict = Engines.Evaluate(Compile("county"), TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Answer.Of(verdict[DecisionKind.NotifyIce]).Text, Is.EqualTo("required (booking)"), "the federal layer, through the state");
            Assert.That(verdict.Layers[DecisionKind.NotifyIce], Is.EqualTo("state"));
            Assert.That(Answer.Of(verdict[DecisionKind.DelayRelease]).Text, Does.StartWith("required (48 hours"), "a judge's warrant: the state does not object");
            Assert.That(verdict.AuthorityVerdicts.Single().AuthorityVerdicts.Single().Policy.Id, Is.EqualTo("federal"));
        }
    }

    [Test]
    public void Evaluate_TwoAuthoritiesForbidAndRequire_UnknownNeverSettledSilently()
    {
        var verdict = Engines.Evaluate(Compile("city"), TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Unknown));
            Assert.That(verdict.Layers[DecisionKind.DelayRelease], Is.EqualTo("conflict between state and rival"));
            Assert.That(verdict[DecisionKind.IceJailAccess].Value, Is.EqualTo(Modality.Permitted), "the city's own rule, where no authority speaks");
        }
    }

    [Test]
    public void WithoutAuthorities_OwnRulesOnly()
    {
        var own = Compile("county").WithoutAuthorities();

        var verdict = Engines.Evaluate(own, TestScenarios.Arrest(extra: "detainer: { form: I-247N, warrant: administrative }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(own.Authorities, Is.Empty);
            Assert.That(verdict[DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Required));
            Assert.That(verdict.Layers, Is.Empty);
        }
    }

    [Test]
    public void Compile_AuthoritiesBindEachOther_RefusedWithTheCycle()
    {
        var error = Assert.Throws<EvaluationException>(() => Compile("loop-a"));

        Assert.That(error.Message, Does.Contain("loop-a -> loop-b -> loop-a"));
    }
}
