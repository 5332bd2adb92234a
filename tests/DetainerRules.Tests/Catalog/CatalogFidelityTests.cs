using DetainerRules.Cli;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Catalog;

/// <summary>
/// What keeps the catalog honest as it grows: every rule carries its law, every level is backed by
/// what a reader can check, every family's versions follow each other without a gap or an overlap,
/// and every policy says where (which state, which time zone) it applies.
/// </summary>
[TestFixture]
public class CatalogFidelityTests
{
    private static IEnumerable<TestCaseData> Catalog() => TestPolicies.CatalogIds().Select(id => new TestCaseData(id).SetName($"{{m}}({id})"));

    private static Policy Load(string id) => TestPolicies.ShippedPolicy(id).Policy;

    [TestCaseSource(nameof(Catalog))]
    public void Policy_EveryRuleAndDecidingDefault_CitesWhatItEncodes(string id)
    {
        var policy = Load(id);
        using (Assert.EnterMultipleScope())
        {
            foreach (var rule in policy.Rules)
            {
                Assert.That(rule.Cites, Is.Not.Empty, $"rule `{rule.Id}` cites nothing");
            }

            foreach (var (kind, fallback) in policy.Defaults.Where(d => d.Value.Effect.Value != Modality.Unknown))
            {
                Assert.That(fallback.Cites, Is.Not.Empty, $"the default for {kind} ({fallback.Effect.Value}) cites nothing");
            }
        }
    }

    /// <summary>
    /// Every day a bound policy was in force, each authority it names is one version of its family or
    /// none, never two the sources cannot tell apart: tried on the edges of the policy's own dates and
    /// of every version of every authority, a day either side.
    /// </summary>
    [TestCaseSource(nameof(Bound))]
    public void BoundPolicy_OnEveryEdgeOfItsAuthoritiesDates_OneVersionOrNoneBinds(string id)
    {
        var catalog = new DetainerRules.Yaml.PolicyCatalog([Repository.Rules]);
        var policy = catalog.Load(id);
        var authorities = policy.BoundBy.SelectMany(a => catalog.VersionsOf(catalog.Authority(policy, a))).ToList();
        var edges = authorities.Append(policy)
            .SelectMany(p => new[] { p.EffectiveFrom?.Earliest, p.EffectiveFrom?.Latest, p.EffectiveUntil?.Earliest, p.EffectiveUntil?.Latest })
            .OfType<DateOnly>()
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) })
            .Where(policy.MayBeInForceOn)
            .Distinct()
            .Order()
            .ToList();

        Assert.That(edges, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var day in edges)
            {
                var inForce = DetainerRules.Yaml.AuthoritiesInForce.On(catalog, day);
                foreach (var entry in policy.BoundBy)
                {
                    var bound = inForce.Authority(policy, entry);
                    Assert.That(bound.Absent is not null || bound.MayBeInForceOn(day), $"{id} on {day:yyyy-MM-dd}: `{entry}` resolved to {bound.Id}, not in force that day");
                }
            }
        }
    }

    private static IEnumerable<TestCaseData> Bound() =>
        TestPolicies.CatalogIds().Where(id => Load(id).BoundBy.Count > 0).Select(id => new TestCaseData(id).SetName($"{{m}}({id})"));

    [TestCaseSource(nameof(Catalog))]
    public void Policy_EveryCitation_BacksItsLevel(string id)
    {
        var cites = Load(id).Rules.SelectMany(r => r.Cites.Select(c => (Where: "rule " + r.Id, Cite: c)))
            .Concat(Load(id).Defaults.SelectMany(d => d.Value.Cites.Select(c => (Where: "default " + d.Key, Cite: c))));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (where, cite) in cites)
            {
                Assert.That(cite.Verified, Is.Not.EqualTo(Verification.Unstated), $"{where}: {cite.Text} does not say how it was verified");
                if (cite.Verified == Verification.Primary)
                {
                    Assert.That(cite.Pinpoint, Is.Not.Null, $"{where}: a primary citation needs its pinpoint");
                    Assert.That(cite.Quote, Is.Not.Null, $"{where}: a primary citation needs the provision's words");
                }

                if (cite.Verified == Verification.Judgement)
                {
                    Assert.That(cite.Note, Is.Not.Null, $"{where}: a judgement needs its reason");
                }
            }
        }
    }

    [TestCaseSource(nameof(Catalog))]
    public void Policy_SaysWhereItApplies(string id)
    {
        var policy = Load(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.State, Is.Not.Null, "name the state (`state: NV`, or `US` for federal policy)");
            Assert.That(policy.Time.Name, Is.Not.Null, "name the time zone (`time_zone: America/Los_Angeles`, or `local`)");
        }
    }

    private static IEnumerable<TestCaseData> Families() =>
        TestPolicies.CatalogIds().Select(Load).Where(p => p.Family is not null).GroupBy(p => p.Family!)
            .Select(g => new TestCaseData(g.Key).SetName($"{{m}}({g.Key})"));

    [TestCaseSource(nameof(Families))]
    public void Family_Versions_FollowEachOtherWithoutGapOrOverlap(string family)
    {
        var versions = TestPolicies.CatalogIds().Select(Load).Where(p => p.Family == family).ToList();
        Assert.That(versions.Select(v => v.EffectiveFrom), Is.All.Not.Null, "every version of a family says when it took effect");
        versions = [.. versions.OrderBy(v => v.EffectiveFrom!.Value.Earliest)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(versions.Select(v => (v.State, v.Time.Name)).Distinct().Count(), Is.EqualTo(1), "a family's versions share a state and a time zone");
            for (var i = 1; i < versions.Count; i++)
            {
                var (before, after) = (versions[i - 1], versions[i]);
                Assert.That(before.EffectiveUntil, Is.Not.Null, $"`{before.Id}` is followed by `{after.Id}`, so it needs an end date");
                if (before.EffectiveUntil is not { } until)
                {
                    continue;
                }

                // The sources may date a change only to the month or year: the versions fit if some
                // day can be both the day after the one ends and the day the other starts.
                var from = after.EffectiveFrom!.Value;
                var latestStart = from.Latest;
                var earliestStart = from.Earliest;
                Assert.That(
                    until.Earliest.AddDays(1) <= latestStart && earliestStart <= until.Latest.AddDays(1),
                    Is.True,
                    $"`{before.Id}` ends {until} and `{after.Id}` starts {from}: {(earliestStart > until.Latest.AddDays(1) ? "a gap" : "an overlap")} between versions");
            }
        }
    }

    [Test]
    public void Readme_CoverageMap_MatchesWhatTheCommandPrints()
    {
        const string Begin = "<!-- begin: detainer coverage -->\n";
        const string End = "<!-- end: detainer coverage -->";
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DetainerCli.Run(["coverage", "--rules", "rules"], output, error, Repository.Root);
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md needs the generated coverage map");
        start += Begin.Length;
        var stored = readme[start..readme.IndexOf(End, start, StringComparison.Ordinal)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error.ToString());
            Assert.That(stored, Is.EqualTo(output.ToString()), "README.md's coverage map is out of date: run `detainer coverage --update README.md`");
        }
    }
}
