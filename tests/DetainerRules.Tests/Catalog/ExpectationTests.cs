using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;
using DetainerRules.Analysis.Expectations;
using DetainerRules.Model.Expectations;
using DetainerRules.Model.Time;
using DetainerRules.Yaml.Expectations;

namespace DetainerRules.Tests.Catalog;

/// <summary>
/// Every shipped scenario against every shipped policy, with the answers written from each
/// policy's cited sources in tests/expectations/.
/// </summary>
[TestFixture]
public class ExpectationTests
{
    private static IEnumerable<ExpectationFile> Files() =>
        Directory.EnumerateFiles(Repository.Expectations, "*.yaml").Order(StringComparer.Ordinal).Select(f => ExpectationLoader.LoadFile(f));

    private static IEnumerable<TestCaseData> Cases() =>
        Files().SelectMany(f => f.Cases.Select(c => new TestCaseData(PolicyOf(f, c), c).SetName($"{PolicyOf(f, c)}: {c.ScenarioId}")));

    // A case may name its own policy (`policies:`); otherwise it is for the file's policy.
    private static string PolicyOf(ExpectationFile file, ExpectationCase c) => c.PolicyId.Length > 0 ? c.PolicyId : file.PolicyId!;

    // A case either refers to a shipped scenario or writes its scenario out.
    private static Scenario ScenarioOf(ExpectationCase c) => c.Inline ?? TestScenarios.Shipped(c.ScenarioId);

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_ShippedScenario_MatchesWhatTheSourcesSay(string policyId, ExpectationCase expected)
    {
        var scenario = ScenarioOf(expected);
        var verdict = TestPolicies.ShippedPolicyAt(policyId, scenario.BookedAt, expected.Bookings).Evaluate(scenario);

        var mismatches = ExpectationRunner.Compare(expected, verdict).Select(m => $"{m.What}: expected {m.Expected}, actual {m.Actual} ({m.Why})");

        Assert.That(mismatches, Is.Empty, $"{expected.Span}: {expected.Because}");
    }

    /// <summary>A case's zone reaches the policy it runs under: one that names none (the 287(g) task-force model, <c>time_zone: local</c>) is placed there, as <c>detainer test</c> places it.</summary>
    [Test]
    public void ShippedPolicyAt_AZone_PlacesAPolicyThatNamesNone()
    {
        var chicago = JurisdictionTime.OfBookings("America/Chicago", out _);
        var bookedAt = new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestPolicies.ShippedPolicyAt("287g-tfm", bookedAt, chicago).Policy.Time.ZoneId, Is.EqualTo("America/Chicago"));
            Assert.That(TestPolicies.ShippedPolicyAt("287g-tfm", bookedAt).Policy.Time.ZoneId, Is.Null, "without a zone the days are as written");
        }
    }

    [Test]
    public void Expectations_CoverEveryShippedPolicyAndScenario()
    {
        var files = Files().ToList();
        var scenarios = Repository.ScenarioFiles().Select(Path.GetFileNameWithoutExtension).ToList();
        var policies = Repository.PolicyFiles().Select(Path.GetFileNameWithoutExtension).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scenarios, Has.Count.GreaterThanOrEqualTo(12));
            Assert.That(files.Select(f => f.PolicyId), Is.EquivalentTo(policies), "one expectation file per policy in rules/");
            foreach (var file in files)
            {
                var shipped = file.Cases.Where(c => c.Inline is null && PolicyOf(file, c) == file.PolicyId);
                Assert.That(shipped.Select(c => c.ScenarioId), Is.EquivalentTo(scenarios), $"{file.Path}: a case for every scenario in seeds/scenarios");
                // The shipped scenarios are answered in full; a written-out case pins only what its source settles.
                Assert.That(shipped.Where(c => c.Decisions.Count != 8 || c.Outcome is null).Select(c => c.ScenarioId), Is.Empty, $"{file.Path}: every shipped-scenario case states all eight decisions and the outcome");
            }
        }
    }

    [Test]
    public void Expectations_MakeEveryRuleOfEveryPolicyFire()
    {
        foreach (var file in Files())
        {
            var policy = TestPolicies.ShippedPolicy(file.PolicyId!);
            var fired = file.Cases.Where(c => PolicyOf(file, c) == file.PolicyId).SelectMany(c => policy.Evaluate(ScenarioOf(c)).Fired).Select(r => r.Id).ToHashSet();
            var never = policy.Policy.Rules.Select(r => r.Id).Where(id => !fired.Contains(id));

            Assert.That(never, Is.Empty, $"rules of {file.PolicyId} that no case of its expectation file makes fire");
        }
    }

    [Test]
    public void ShippedScenarios_AllLoad()
    {
        foreach (var path in Repository.ScenarioFiles())
        {
            Assert.That(() => ScenarioLoader.LoadFile(path), Throws.Nothing, path);
        }
    }
}
