using System.Text;
using DetainerRules.Model.Decisions;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// A decision with as many writers as fill one word of the fired set (64), and more: the twin keeps a
/// bit per writer in 64-bit words, so the rule at index 63 and the one at 64 sit on either side of a
/// word's end, and a decision with exactly 64 writers has no word for a 65th bit.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class ManyWritersTests(EngineKind engine)
{
    /// <summary>Rule <c>r{i}</c> fires on a charge named <c>o{i}</c>; the even ones require notice, the odd forbid it; priority rises with the index.</summary>
    private static string Writers(int count)
    {
        var rules = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var then = i % 2 == 0 ? "{ notify_ice: { value: required, at: [booking] } }" : "{ notify_ice: forbidden }";
            rules.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                  - id: r{i}
                    when: any charge(offense = "o{i}")
                    then: {then}
                    priority: {i}
                    because: writer {i}
                    cite: src

                """);
        }

        return rules.ToString();
    }

    private static Model.Scenarios.Scenario Charged(params int[] rules) => TestScenarios.Parse($$"""
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges:
        {{string.Concat(rules.Select(i => $"  - {{ offense: o{i}, level: felony, category: robbery }}\n"))}}
        """);

    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    [TestCase(128)]
    public void Evaluate_EachWriterAlone_DecidesAlone(int count)
    {
        var policy = TestPolicies.Compile(engine, Writers(count));

        using (Assert.EnterMultipleScope())
        {
            foreach (var i in new[] { 0, 1, 62, 63, 64, count - 1 }.Where(i => i < count).Distinct())
            {
                var notify = Engines.Evaluate(policy, Charged(i))[DecisionKind.NotifyIce];
                Assert.That(notify.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { $"r{i}" }), $"{count} writers, charge o{i}");
                Assert.That(notify.Value, Is.EqualTo(i % 2 == 0 ? Modality.Required : Modality.Forbidden), $"{count} writers, charge o{i}");
            }
        }
    }

    [TestCase(64)]
    [TestCase(65)]
    [TestCase(128)]
    public void Evaluate_WritersAcrossAWordsEnd_TheHighestWinsAndTheOthersAreOverridden(int count)
    {
        var policy = TestPolicies.Compile(engine, Writers(count));
        int[] fired = [.. new[] { 2, 62, 63, 64, count - 1 }.Where(i => i < count).Distinct()];

        var notify = Engines.Evaluate(policy, Charged(fired))[DecisionKind.NotifyIce];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notify.Deciding.Select(a => a.Rule.Id), Is.EqualTo(new[] { $"r{fired.Max()}" }));
            Assert.That(notify.Overridden.Select(a => a.Rule.Id), Is.EquivalentTo(fired.Where(i => i != fired.Max()).Select(i => $"r{i}")));
        }
    }

    [Test]
    public void Evaluate_NoWriterFires_TheDefault()
    {
        var policy = TestPolicies.Compile(engine, Writers(64));

        var notify = Engines.Evaluate(policy, Charged(999))[DecisionKind.NotifyIce];

        Assert.That((notify.Default is not null, notify.Deciding.Count), Is.EqualTo((true, 0)));
    }
}
