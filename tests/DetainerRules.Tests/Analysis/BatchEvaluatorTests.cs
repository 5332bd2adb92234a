using DetainerRules.Analysis.Batch;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Analysis;

/// <summary><c>batch</c> on the rule network (<c>--engine nrules</c>), which answers through whole verdicts, against the delegate twin's answers on the same records.</summary>
[TestFixture]
public class BatchEvaluatorTests
{
    private const string Rules = """
          - id: notify
            when: any charge(level = felony)
            then: { notify_ice: { value: required, at: [booking, release] } }
            because: b
            cite: src
          - id: hold
            when: detainer.form = I-247A
            then: { delay_release: { value: required, limit: clock48 } }
            because: b
            cite: src
          - id: no-jail
            when: not person.foreign_born
            then: { ice_jail_access: forbidden }
            because: b
            cite: src
        """;

    private static readonly string[] Records =
    [
        """{"id": "held", "booked_at": "2025-01-17T09:30:00-08:00", "person": {"foreign_born": true}, "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "detainer": {"form": "I-247A", "warrant": "administrative"}, "custody": {"release_eligible_at": "2025-01-17T18:00:00-08:00"}}""",
        """{"id": "citizen", "booked_at": "2025-01-17T09:30:00-08:00", "person": {"foreign_born": false}, "charges": [{"offense": "x", "level": "misdemeanor", "category": "dui"}]}""",
    ];

    [Test]
    public void Run_RuleNetwork_AnswersAsTheTwin()
    {
        var results = new List<BatchResult>();
        using var reader = new StringReader(string.Join("\n", Records));
        var policies = new (string, IPolicyEvaluator)[] { ("network", TestPolicies.Compile(Rules)), ("twin", DelegatePolicy.From(TestPolicies.Compile(Rules))) };

        BatchEvaluator.Run(ScenarioRecords.Jsonl(reader, "records.jsonl"), policies, results.Add, null, CancellationToken.None);

        Assert.That(results, Has.Count.EqualTo(2));
        foreach (var result in results)
        {
            var (network, twin) = (result.Answers![0], result.Answers[1]);
            Assert.That(network.Decisions, Has.None.Null, result.Record.ToString());
            Assert.That(network.Decisions.Select(Answer.Of), Is.EqualTo(twin.Decisions.Select(Answer.Of)), result.Record.ToString());
            Assert.That((network.Outcome, network.HoldUntil), Is.EqualTo((twin.Outcome, twin.HoldUntil)), result.Record.ToString());
        }

        Assert.That(results[0].Answers![0].Decisions[(int)DecisionKind.DelayRelease].Value, Is.EqualTo(Modality.Required));
        Assert.That(results[1].Answers![0].Decisions[(int)DecisionKind.IceJailAccess].Value, Is.EqualTo(Modality.Forbidden));
    }
}
