using DetainerRules.Model.Decisions;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Reports;

/// <summary>The sources under a decision in the text report: each with its level, a line said once.</summary>
[TestFixture]
public class TextSourcesTests
{
    private static string Report(string cites)
    {
        var policy = TestPolicies.Compile(EngineKind.Delegates, $$"""
              - id: hold
                when: detainer
                then: { delay_release: { value: required, limit: h48 } }
                because: detainers are honoured
                cite:
            {{cites}}
            """);
        var verdict = Engines.Evaluate(policy, TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: judicial }"));
        using var text = new StringWriter();
        TextReport.Write(text, verdict);
        return text.ToString();
    }

    private static string[] SourceLines(string report) =>
        report.Split('\n').Where(l => l.TrimStart().StartsWith("Source: ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();

    [Test]
    public void Sources_OnePassageQuotedAndJudged_TwoLinesEachWithItsLevel()
    {
        var report = Report("""
                  - { source: src, at: (b), quote: the words, verified: primary }
                  - { source: src, at: (b), verified: judgement, note: our mapping }
            """);

        Assert.That(SourceLines(report), Is.EqualTo(new[]
        {
            "Source: Test source (Test Code 1.1), (b) [primary]",
            "Source: Test source (Test Code 1.1), (b) [judgement]",
        }));
    }

    [Test]
    public void Sources_OnePassageTwiceAtOneLevel_OneLine()
    {
        var report = Report("""
                  - { source: src, at: (b), quote: the first words, verified: secondary }
                  - { source: src, at: (b), quote: the next words, verified: secondary }
                  - { source: src, at: (c), quote: other words, verified: secondary }
            """);

        Assert.That(SourceLines(report), Is.EqualTo(new[]
        {
            "Source: Test source (Test Code 1.1), (b) [secondary]",
            "Source: Test source (Test Code 1.1), (c) [secondary]",
        }));
    }
}
