using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>A rule stands at the level of the weakest citation it rests on; context citations do not lower it.</summary>
[TestFixture]
public class CitationLevelTests
{
    private const string Primary = """{ source: src, at: "(a)", quote: "shall notify", verified: primary }""";

    private static string Rule(params string[] cites) => $$"""
          - id: notify
            when: person.foreign_born
            then:
              notify_ice: { value: required, at: [booking] }
            because: reason
            cite: [{{string.Join(", ", cites)}}]
        """;

    private static PolicyRule LoadRule(params string[] cites) => TestPolicies.Load(Rule(cites)).Rules.Single();

    [Test]
    public void Level_StatuteReadInDigestBesideFormReadInFull_IsSecondary()
    {
        var rule = LoadRule(Primary, """{ source: src, at: digest, verified: secondary }""");

        Assert.That(rule.Verified, Is.EqualTo(Verification.Secondary));
    }

    [Test]
    public void Level_ReportGivenOnlyAsContext_LeavesThePrimaryLevel()
    {
        var rule = LoadRule(Primary, """{ source: src, at: para. 3, verified: secondary, role: context }""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.Verified, Is.EqualTo(Verification.Primary));
            Assert.That(rule.Cites.Select(c => c.Role), Is.EqualTo(new[] { CitationRole.Basis, CitationRole.Context }));
        }
    }

    [Test]
    public void Level_JudgementInTheBasis_IsJudgementWhateverElseIsPrimary()
    {
        var rule = LoadRule(Primary, """{ source: src, at: (b), verified: judgement, note: the text is open }""");

        Assert.That(rule.Verified, Is.EqualTo(Verification.Judgement));
    }

    [Test]
    public void Level_UnstatedCitationInTheBasis_IsUnstated()
    {
        Assert.That(LoadRule(Primary, "src").Verified, Is.EqualTo(Verification.Unstated));
    }

    [Test]
    public void Load_EveryCitationContext_RefusedAtTheCite()
    {
        var error = Assert.Throws<InvalidInputException>(() => LoadRule("""{ source: src, verified: secondary, role: context }"""))!.Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Completeness));
            Assert.That(error.Field, Is.EqualTo("rules[0].cite"));
            Assert.That(error.Message, Does.Contain("must rest on at least one source"));
        }
    }

    [Test]
    public void Load_UnknownRole_NamesTheWordsAllowed()
    {
        var error = Assert.Throws<InvalidInputException>(() => LoadRule(Primary, """{ source: src, verified: secondary, role: background }"""))!.Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Field));
            Assert.That(error.Field, Is.EqualTo("rules[0].cite[1].role"));
            Assert.That(error.Message, Does.Contain("basis").And.Contain("context"));
        }
    }

    [Test]
    public void Reports_ShowTheRoleOfAContextCitation()
    {
        var policy = TestPolicies.Load(Rule(Primary, """{ source: src, at: para. 3, verified: secondary, role: context }"""));
        var text = new StringWriter();
        PolicyText.Write(text, policy);
        var verdict = PolicyCompiler.Compile(policy).Evaluate(TestScenarios.Arrest());
        var json = JsonReport.ToJson(verdict);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.ToString(), Does.Contain("para. 3 [secondary, context]").And.Contain("(a) [primary]"));
            Assert.That(json, Does.Contain("\"role\": \"context\"").And.Contain("\"role\": \"basis\""));
        }
    }
}
