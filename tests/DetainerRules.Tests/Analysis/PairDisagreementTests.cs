using DetainerRules.Analysis.Batch;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Analysis;

/// <summary>Where the policies of a batch run disagree, pair by pair, on policies and records written for the test.</summary>
[TestFixture]
public class PairDisagreementTests
{
    private static readonly string[] Records =
    [
        // Released at 18:00 but for the detainer: held 48 hours, 24 hours, or not at all.
        """{"id": "held", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "detainer": {"form": "I-247A", "warrant": "administrative"}, "custody": {"release_eligible_at": "2025-01-17T18:00:00-08:00"}}""",

        // No detainer: no policy's rule fires.
        """{"id": "none", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "custody": {"release_eligible_at": "2025-01-17T18:00:00-08:00"}}""",

        // A detainer without a release time: the holds have no computable end.
        """{"id": "open", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "felony", "category": "robbery"}], "detainer": {"form": "I-247A", "warrant": "administrative"}}""",

        // A record with problems: answered by no policy, so in no pair.
        """{"id": "broken", "booked_at": "never"}""",
    ];

    private static DelegatePolicy Policy(string id, string delay) => DelegatePolicy.Compile(
        DetainerRules.Yaml.PolicyLoader.Load(
            TestPolicies.Yaml($$"""
              - id: hold
                when: detainer.form = I-247A
                then:
                  delay_release: {{delay}}
                because: b
                cite: src
            """).Replace("id: test-policy", "id: " + id, StringComparison.Ordinal).Replace("clock48: { hours: 48 }", "clock48: { hours: 48 }\n  day: { hours: 24 }", StringComparison.Ordinal),
            id + ".yaml"),
        (_, a) => throw new InvalidOperationException(a));

    private static BatchSummary Run()
    {
        using var reader = new StringReader(string.Join("\n", Records));
        var policies = new (string, IPolicyEvaluator)[]
        {
            ("long", Policy("long", "{ value: required, limit: clock48 }")),
            ("none", Policy("none", "{ value: forbidden }")),
            ("short", Policy("short", "{ value: required, limit: day }")),
        };
        return BatchEvaluator.Run(ScenarioRecords.Jsonl(reader, "records.jsonl"), policies, _ => { }, null, CancellationToken.None);
    }

    [Test]
    public void Pairs_EveryPairInTheOrderGiven()
    {
        var summary = Run();

        Assert.That(summary.Pairs.Select(p => (summary.Policies[p.First], summary.Policies[p.Second])), Is.EqualTo(new[] { ("long", "none"), ("long", "short"), ("none", "short") }));
    }

    [Test]
    public void LongerHold_ExtraHoursAreTheDifferenceInHoldUntil()
    {
        var summary = Run();
        var (longNone, longShort, noneShort) = (summary.Pairs[0], summary.Pairs[1], summary.Pairs[2]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(longNone.Records, Is.EqualTo(3), "the broken record is in no pair");
            Assert.That(longNone.FirstExtra, Is.EqualTo(TimeSpan.FromHours(48)));
            Assert.That((longNone.FirstLonger, longNone.SecondLonger, longNone.SecondExtra), Is.EqualTo((1L, 0L, TimeSpan.Zero)));
            Assert.That(longShort.FirstExtra, Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(noneShort.SecondExtra, Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(noneShort.SecondLonger, Is.EqualTo(1));

            // The open-ended holds are counted apart, never as zero hours.
            Assert.That((longNone.Unmeasured, longShort.Unmeasured, noneShort.Unmeasured), Is.EqualTo((1L, 1L, 1L)));
        }
    }

    [Test]
    public void Differ_CountsRecordsPerDecisionByAnswer()
    {
        var summary = Run();
        var (longNone, longShort) = (summary.Pairs[0], summary.Pairs[1]);

        using (Assert.EnterMultipleScope())
        {
            // Required against forbidden where there is a detainer; the two limits' words differ there too.
            Assert.That(longNone.Differ(DecisionKind.DelayRelease), Is.EqualTo(2));
            Assert.That(longShort.Differ(DecisionKind.DelayRelease), Is.EqualTo(2));
            Assert.That(longNone.Differ(DecisionKind.NotifyIce), Is.Zero);
            Assert.That(longNone.OutcomeDiffers, Is.EqualTo(2));
            Assert.That(longShort.OutcomeDiffers, Is.Zero, "both hold for ICE");
        }
    }
}
