using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// A booking is a set of instants; the offset a record happens to be written in is not part of the
/// law. Under a policy that names its time zone, the same instants written in any offsets must give
/// the same answers, byte for byte: look-backs, the hold clock's weekends and holidays, <c>hold_until</c>
/// and the version of a family in force.
/// </summary>
[TestFixture]
public class OffsetIndependenceTests
{
    // From the far west to the far east of the offsets in use, with the odd quarter hours.
    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(-12), TimeSpan.FromHours(-8), TimeSpan.Zero, new(5, 45, 0), TimeSpan.FromHours(14)];

    private static IEnumerable<TestCaseData> Zoned() =>
        TestPolicies.CatalogIds()
            .Where(id => TestPolicies.ShippedPolicy(id).Policy.Time.ZoneId is not null)
            .Select(id => new TestCaseData(id));

    [TestCaseSource(nameof(Zoned))]
    public void Evaluate_SameInstantsInAnyOffset_SameJson(string id)
    {
        var policy = TestPolicies.ShippedDelegate(id);
        foreach (var scenario in RandomScenarios.Generate(seed: 20261130, count: 150))
        {
            var expected = JsonReport.ToJson(policy.Evaluate(scenario));
            foreach (var offset in Offsets)
            {
                Assert.That(JsonReport.ToJson(policy.Evaluate(WrittenIn(scenario, offset))), Is.EqualTo(expected), $"{scenario.Id} written at {offset}");
            }
        }
    }

    [TestCaseSource(nameof(Zoned))]
    public void Evaluate_SameInstantsInAnyOffset_SameJsonOnTheRuleNetwork(string id)
    {
        var policy = TestPolicies.ShippedPolicy(id);
        foreach (var scenario in RandomScenarios.Generate(seed: 20261201, count: 25))
        {
            var expected = JsonReport.ToJson(policy.Evaluate(scenario));
            foreach (var offset in Offsets)
            {
                Assert.That(JsonReport.ToJson(policy.Evaluate(WrittenIn(scenario, offset))), Is.EqualTo(expected), $"{scenario.Id} written at {offset}");
            }
        }
    }

    [Test]
    public void FamilyVersion_BookingsAMinuteEitherSideOfLocalMidnight_PickedByTheJurisdictionsDayInAnyOffset()
    {
        var catalog = new PolicyCatalog([Repository.Rules]);
        var families = TestPolicies.CatalogIds().Select(id => TestPolicies.ShippedPolicy(id).Policy).Where(p => p.Family is not null).GroupBy(p => p.Family!).ToList();
        Assert.That(families, Is.Not.Empty, "the catalog has families of dated versions");

        foreach (var family in families)
        {
            var choice = PolicyChoice.Resolve(catalog, family.Key);
            foreach (var version in family.Where(v => v.EffectiveFrom is { } from && from.Earliest == from.Latest && v.Time.ZoneId is not null))
            {
                var from = version.EffectiveFrom!.Value.Earliest;
                var midnight = version.Time.StartOf(from, DateTimeOffset.UnixEpoch);
                var before = family.SingleOrDefault(v => v.MayBeInForceOn(from.AddDays(-1)));
                foreach (var offset in Offsets)
                {
                    Assert.That(choice.On(midnight.AddMinutes(1).ToOffset(offset)).Id, Is.EqualTo(version.Id), $"{family.Key}: a minute after {version.Id} took effect, written at {offset}");
                    if (before is not null)
                    {
                        Assert.That(choice.On(midnight.AddMinutes(-1).ToOffset(offset)).Id, Is.EqualTo(before.Id), $"{family.Key}: a minute before {version.Id} took effect, written at {offset}");
                    }
                }
            }
        }
    }

    /// <summary>The same booking with every instant written at <paramref name="offset"/>.</summary>
    private static Scenario WrittenIn(Scenario scenario, TimeSpan offset) => new()
    {
        Id = scenario.Id,
        Description = scenario.Description,
        BookedAt = scenario.BookedAt.ToOffset(offset),
        Person = scenario.Person,
        Charges = scenario.Charges,
        Convictions = scenario.Convictions,
        Detainer = scenario.Detainer is { } d ? d with { ReceivedAt = d.ReceivedAt?.ToOffset(offset) } : null,
        Custody = scenario.Custody with { ReleaseEligibleAt = scenario.Custody.ReleaseEligibleAt?.ToOffset(offset) },
        IcePresentAtRelease = scenario.IcePresentAtRelease,
        Requests = scenario.Requests,
    };
}
