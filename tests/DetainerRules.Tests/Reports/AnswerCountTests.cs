using System.Text.Json;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Reports;

/// <summary>
/// What the catalog's tables count at each verification level: every rule, and every default that
/// gives an answer (not <c>unknown</c>), each at the level of the weakest source it rests on; on
/// policies written for the test.
/// </summary>
[TestFixture]
public class AnswerCountTests
{
    private const string Quote = "at: \"(1)\", quote: \"may tell\", verified: primary";

    /// <summary>No rules; notice permitted by default on a quoted provision, a hold forbidden on a judgement, transfer answered on a citation that does not say how it was verified; the rest unknown.</summary>
    private static Policy DefaultsOnly() => Load(TestPolicies.Yaml("  []")
        .Replace("notify_ice: { value: unknown, because: silent }", $"notify_ice: {{ value: permitted, at: [booking], because: the law bars no notice, cite: [{{ source: src, {Quote} }}] }}", StringComparison.Ordinal)
        .Replace("delay_release: { value: unknown, because: silent }", "delay_release: { value: forbidden, because: read so, cite: [{ source: src, verified: judgement, note: open text }] }", StringComparison.Ordinal)
        .Replace("transfer_to_ice: { value: unknown, because: silent }", "transfer_to_ice: { value: permitted, because: nothing bars it, cite: src }", StringComparison.Ordinal)
        .Replace("ask_immigration_status: { value: unknown, because: silent }", $"ask_immigration_status: {{ value: unknown, because: the law is silent, cite: [{{ source: src, {Quote} }}] }}", StringComparison.Ordinal));

    /// <summary>One rule on a quoted provision; every default unknown.</summary>
    private static Policy OneRule() => Load(TestPolicies.Yaml($$"""
          - id: hold
            when: detainer.form = I-247A
            then:
              notify_ice: { value: required, at: [release] }
            because: detainers are honoured
            cite: [{ source: src, {{Quote}} }]
        """).Replace("id: test-policy", "id: one-rule", StringComparison.Ordinal));

    private static Policy Load(string yaml) => DetainerRules.Yaml.PolicyLoader.Load(yaml, "test.yaml");

    [Test]
    public void DefaultsThatAnswer_AreCountedAtTheirLevel_UnknownOnesAreNot()
    {
        var policy = DefaultsOnly();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Rules, Is.Empty);
            Assert.That(PolicyText.AnsweringDefaults(policy), Is.EqualTo(3));
            Assert.That(PolicyText.AnswersByLevel(policy), Is.EqualTo(new[]
            {
                (Verification.Primary, 1), (Verification.Secondary, 0), (Verification.Judgement, 1), (Verification.Unstated, 1),
            }));
            Assert.That(PolicyText.Verification(policy), Is.EqualTo("1 primary, 1 judgement, 1 unstated (3 defaults)"));
        }
    }

    [Test]
    public void RulesAndDefaults_AreCountedTogether_AndApart()
    {
        var rule = OneRule();
        var text = new StringWriter();

        PolicyList.Write(text, [rule, DefaultsOnly()]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PolicyText.Verification(rule), Is.EqualTo("1 primary (1 rule)"));
            Assert.That(text.ToString(), Does.Match(@"one-rule +- +- +\? to now +- +1 +0 +1 +0 +0 +0 +Test policy"));
            Assert.That(text.ToString(), Does.Match(@"test-policy +- +- +\? to now +- +0 +3 +1 +0 +1 +1 +Test policy"));
        }
    }

    [Test]
    public void APolicyThatAnswersNothing_SaysSo()
    {
        var silent = Load(TestPolicies.Yaml("  []"));

        Assert.That(PolicyText.Verification(silent), Is.EqualTo("no rules, and no default that answers"));
    }

    [Test]
    public void CoverageMap_CountsAStatesRulesAndAnsweringDefaults()
    {
        var map = CoverageMap.Markdown([OneRule() with { State = "NV" }, DefaultsOnly() with { State = "NV" }, DefaultsOnly() with { State = "UT" }]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(map, Does.Contain("of its 1 rules and 6 answering defaults, 3 rest on the provision's own text (`primary`)"));
            Assert.That(map, Does.Contain("| Nevada (NV) | `one-rule`, `test-policy` | 1 | 3 | 2 | 0 | 1 | 1 |"));
            Assert.That(map, Does.Contain("| Utah (UT) | `test-policy` | 0 | 3 | 1 | 0 | 1 | 1 |"));
            Assert.That(map, Does.Contain("| Alaska (AK) | none yet | | | "));
        }
    }

    [Test]
    public void CatalogJson_KeepsRulesApart_AndGivesTheAnswersByLevel()
    {
        using var json = JsonDocument.Parse(PolicyCatalogJson.ListToJson([DefaultsOnly()], []));
        var policy = json.RootElement.GetProperty("policies")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.GetProperty("rules_count").GetInt32(), Is.Zero);
            Assert.That(policy.GetProperty("rules_verified").GetProperty("primary").GetInt32(), Is.Zero);
            Assert.That(policy.GetProperty("answering_defaults_count").GetInt32(), Is.EqualTo(3));
            Assert.That(policy.GetProperty("answers_verified").GetProperty("judgement").GetInt32(), Is.EqualTo(1));
        }
    }
}
