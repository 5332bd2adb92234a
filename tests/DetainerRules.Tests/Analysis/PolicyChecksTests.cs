using DetainerRules.Analysis.Checks;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// What <c>detainer validate</c> warns about in a valid policy (<see cref="PolicyChecks"/>), on
/// policies written for the test: each finding's code, place, field and message where it applies,
/// and none where it does not.
/// </summary>
[TestFixture]
public class PolicyChecksTests
{
    private static string Rule(string id, string when, string then, int priority = 0, string cite = "src") => $$"""
          - id: {{id}}
            when: {{when}}
            then: {{then}}
            priority: {{priority}}
            because: b
            cite: {{cite}}

        """;

    private static IReadOnlyList<Diagnostic> Check(string rules, bool strict = false) =>
        PolicyChecks.Check(DelegatePolicy.Compile(DetainerRules.Yaml.PolicyLoader.Load(TestPolicies.Yaml(rules), "test.yaml"), (_, a) => throw new InvalidOperationException(a)), strict);

    /// <summary>Where a rule is written in the template's text: the line of <c>- id: NAME</c>, the column of <c>id</c>.</summary>
    private static string At(string rules, string id)
    {
        var lines = TestPolicies.Yaml(rules).Split('\n');
        var line = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("- id: " + id, StringComparison.Ordinal));
        Assert.That(line, Is.GreaterThanOrEqualTo(0), id);
        return $"test.yaml:{line + 1}:{lines[line].IndexOf("id:", StringComparison.Ordinal) + 1}";
    }

    private static IEnumerable<string> Texts(IEnumerable<Diagnostic> findings) => findings.Select(d => d.ToString());

    [Test]
    public void Check_EveryRuleFiresAndDecides_NoFinding()
    {
        var rules = Rule("felony", "any charge(level = felony)", "{ notify_ice: { value: required, at: [booking] } }")
            + Rule("dui", "any charge(category = dui)", "{ ice_jail_access: forbidden }");

        Assert.That(Check(rules), Is.Empty);
    }

    [Test]
    public void Check_RuleNoCaseMeets_NeverFiresAtTheRule()
    {
        var rules = Rule("r", "detainer.form = I-247A and not detainer", "{ ice_jail_access: permitted }");

        Assert.That(Texts(Check(rules)), Is.EqualTo(new[]
        {
            $"{At(rules, "r")}: warning DR401: when: rule `r` never fires: no case of the 6 the policy can tell apart meets `detainer.form = I-247A and not detainer`",
        }));
    }

    [Test]
    public void Check_TwoRulesNeverFire_InTheOrderWritten()
    {
        var rules = Rule("zeta", "detainer.form = I-247A and not detainer", "{ ice_jail_access: permitted }")
            + Rule("alpha", "any charge(level = felony) and no charge(level = felony)", "{ ice_jail_access: permitted }");

        var findings = Check(rules);

        Assert.That(findings.Select(d => (d.Code.Id, d.Span.ToString())), Is.EqualTo(new[] { ("DR401", At(rules, "zeta")), ("DR401", At(rules, "alpha")) }));
    }

    [Test]
    public void Check_RuleAlwaysOverridden_NeverDecidesAtTheRule()
    {
        var rules = Rule("shadowed", "any charge(level = felony)", "{ ask_immigration_status: permitted }")
            + Rule("always-forbid", "true", "{ ask_immigration_status: forbidden }", priority: 5);

        Assert.That(Texts(Check(rules)), Is.EqualTo(new[]
        {
            $"{At(rules, "shadowed")}: warning DR402: priority: rule `shadowed` fires but never decides anything: a rule of higher priority always overrides it",
        }));
    }

    [Test]
    public void Check_RulesDisagreeInSomeCases_ConflictWithCountAndExample()
    {
        var rules = Rule("notify-felony", "any charge(level = felony)", "{ notify_ice: { value: required, at: [booking] } }")
            + Rule("never-notify-dui", "any charge(category = dui)", "{ notify_ice: forbidden }");

        // The space: 4 levels by 4 categories (DUI, and the others as one); a felony DUI is the case where both fire.
        Assert.That(Texts(Check(rules)), Is.EqualTo(new[]
        {
            $"{At(rules, "never-notify-dui")}: warning DR403: notify_ice: rules `never-notify-dui` and `notify-felony` (priority 0) disagree on `notify_ice` in 4 of 16 cases, which leaves it unknown; e.g. a felony charge of DUI",
        }));
    }

    [Test]
    public void Check_RulesDisagreeEverywhere_EveryCaseAndNoNeverDecides()
    {
        // Rules that only ever conflict still count as deciding: their conflict is the answer.
        var rules = Rule("yes", "true", "{ transfer_to_ice: permitted }", priority: 2)
            + Rule("no", "true", "{ transfer_to_ice: forbidden }", priority: 2);

        var policy = DelegatePolicy.Compile(TestPolicies.Load(rules), (_, a) => throw new InvalidOperationException(a));
        var size = ScenarioSpace.For([policy]).Size;

        Assert.That(Texts(PolicyChecks.Check(policy, strict: false)), Is.EqualTo(new[]
        {
            $"{At(rules, "no")}: warning DR403: transfer_to_ice: rules `no` and `yes` (priority 2) disagree on `transfer_to_ice` in {size} of {size} cases, which leaves it unknown; e.g. every case",
        }));
    }

    [Test]
    public void Check_TwoConflicts_InTheOrderTheirFirstRulesAreWritten()
    {
        var rules = Rule("b-yes", "true", "{ ice_jail_access: permitted }")
            + Rule("b-no", "true", "{ ice_jail_access: forbidden }")
            + Rule("a-yes", "true", "{ notify_ice: { value: required, at: [booking] } }")
            + Rule("a-no", "true", "{ notify_ice: forbidden }");

        var findings = Check(rules);

        Assert.That(findings.Select(d => (d.Field, d.Span.ToString())), Is.EqualTo(new[] { ("ice_jail_access", At(rules, "b-no")), ("notify_ice", At(rules, "a-no")) }));
    }

    [Test]
    public void Check_Strict_DecisionsUnknownInEveryCase_AtThePolicyInDecisionOrder()
    {
        // notify_ice is set by a rule, ice_jail_access by its default; the other six are unknown throughout.
        var rules = Rule("notify", "true", "{ notify_ice: { value: required, at: [booking] } }", cite: "{ source: src, at: s1, quote: q, verified: primary }");
        var yaml = TestPolicies.Yaml(rules).Replace(
            "ice_jail_access: { value: unknown, because: silent }",
            "ice_jail_access: { value: forbidden, because: silent, cite: { source: src, at: s2, quote: q, verified: primary } }",
            StringComparison.Ordinal);
        var policy = DelegatePolicy.Compile(DetainerRules.Yaml.PolicyLoader.Load(yaml, "test.yaml"), (_, a) => throw new InvalidOperationException(a));

        var strict = PolicyChecks.Check(policy, strict: true);

        Assert.That(Texts(strict), Is.EqualTo(new[] { "delay_release", "release_if_ice_absent", "transfer_to_ice", "ask_immigration_status", "share_criminal_intelligence", "assist_civil_enforcement" }
            .Select(d => $"test.yaml:1:1: warning DR404: defaults.{d}: `{d}` is unknown in every case: no rule sets it and its default is `unknown`")));
        Assert.That(PolicyChecks.Check(policy, strict: false), Is.Empty);
    }

    [Test]
    public void Check_NotStrict_NoVerificationWarnings()
    {
        // The template's rules cite `src` without saying how it was verified.
        var rules = Rule("felony", "any charge(level = felony)", "{ notify_ice: { value: required, at: [booking] } }");

        Assert.That(Check(rules, strict: false), Is.Empty);
        Assert.That(Check(rules, strict: true).Select(d => d.Code.Id), Does.Contain("DR406"));
    }

    [Test]
    public void Verification_RulesBelowPrimary_InTheOrderWritten()
    {
        var rules = Rule("unstated", "any charge(level = felony)", "{ notify_ice: { value: required, at: [booking] } }")
            + Rule("read", "any charge(level = misdemeanor)", "{ notify_ice: forbidden }", cite: "{ source: src, at: s1, quote: q, verified: primary }")
            + Rule("reported", "any charge(category = dui)", "{ ice_jail_access: forbidden }", cite: "{ source: src, at: s1, verified: secondary }")
            + Rule("judged", "any charge(category = theft)", "{ transfer_to_ice: forbidden }", cite: "{ source: src, at: s1, verified: judgement, note: n }");

        var findings = PolicyChecks.Verification(TestPolicies.Load(rules));

        Assert.That(Texts(findings), Is.EqualTo(new[]
        {
            $"{At(rules, "unstated")}: warning DR406: cite: rule `unstated` does not say how its citations were verified, not on the provision's own text (`verified: primary` with `at` and `quote`)",
            $"{At(rules, "reported")}: warning DR406: cite: rule `reported` rests on `secondary` citations, not on the provision's own text (`verified: primary` with `at` and `quote`)",
            $"{At(rules, "judged")}: warning DR406: cite: rule `judged` rests on `judgement` citations, not on the provision's own text (`verified: primary` with `at` and `quote`)",
        }));
    }

    [Test]
    public void Verification_DefaultsOtherThanUnknownBelowPrimary_AtThePolicyInDecisionOrder()
    {
        var yaml = TestPolicies.Yaml(Rule("read", "true", "{ notify_ice: forbidden }", cite: "{ source: src, at: s1, quote: q, verified: primary }"))
            .Replace("assist_civil_enforcement: { value: unknown, because: silent }", "assist_civil_enforcement: { value: forbidden, because: silent, cite: src }", StringComparison.Ordinal)
            .Replace("delay_release: { value: unknown, because: silent }", "delay_release: { value: forbidden, because: silent, cite: { source: src, at: s2, verified: secondary } }", StringComparison.Ordinal)
            .Replace("ice_jail_access: { value: unknown, because: silent }", "ice_jail_access: { value: forbidden, because: silent, cite: { source: src, at: s2, quote: q, verified: primary } }", StringComparison.Ordinal);

        var findings = PolicyChecks.Verification(DetainerRules.Yaml.PolicyLoader.Load(yaml, "test.yaml"));

        Assert.That(Texts(findings), Is.EqualTo(new[]
        {
            "test.yaml:1:1: warning DR406: defaults.delay_release: the default for `delay_release` rests on `secondary` citations, not on the provision's own text",
            "test.yaml:1:1: warning DR406: defaults.assist_civil_enforcement: the default for `assist_civil_enforcement` does not say how its citations were verified, not on the provision's own text",
        }));
    }

    [Test]
    public void Check_TooManyCombinationsOfOffenses_TooLargeAtThePolicy()
    {
        // Sixteen categories tested one by one: every subset of them is a list of charges the policy tells apart.
        string[] categories = ["homicide", "robbery", "theft", "fraud", "dui", "arson", "burglary", "weapons", "gang", "escape", "traffic", "kidnapping", "terrorism", "child_abuse", "drug_trafficking", "drug_possession"];
        var rules = string.Concat(categories.Select(c => Rule("r-" + c.Replace('_', '-'), $"any charge(category = {c})", "{ ice_jail_access: permitted }")));

        Assert.That(Texts(Check(rules, strict: true)), Has.Exactly(1).EqualTo(
            "test.yaml:1:1: warning DR405: rules: charges: more than 20000 distinguishable combinations of offenses: rules that never fire or conflict were not looked for"));
        Assert.That(Check(rules).Select(d => d.Code.Id), Is.EqualTo(new[] { "DR405" }), "nothing else is looked for");
    }

    [Test]
    public void Check_MoreCasesThanAreChecked_TooLargeWithTheCount()
    {
        // Ten categories of charge and ten of conviction, each tested alone: 1,024 lists of charges by 1,025 of convictions.
        string[] categories = ["homicide", "robbery", "theft", "fraud", "dui", "arson", "burglary", "weapons", "gang", "escape"];
        var rules = string.Concat(categories.Select(c => Rule("c-" + c, $"any charge(category = {c})", "{ ice_jail_access: permitted }")))
            + string.Concat(categories.Select(c => Rule("p-" + c, $"any conviction(category = {c})", "{ ice_jail_access: permitted }")));
        var policy = DelegatePolicy.Compile(TestPolicies.Load(rules), (_, a) => throw new InvalidOperationException(a));
        var size = ScenarioSpace.For([policy]).Size;

        Assert.That(size, Is.GreaterThan(PolicyChecks.MaxCases));
        Assert.That(Texts(PolicyChecks.Check(policy, strict: false)), Is.EqualTo(new[]
        {
            $"test.yaml:1:1: warning DR405: rules: the policy spans {size} cases, more than 500000: rules that never fire or conflict were not looked for",
        }));
    }
}
