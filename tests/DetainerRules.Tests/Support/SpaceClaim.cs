using DetainerRules.Analysis;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Support;

/// <summary>
/// The claim the scenario space rests on: every scenario gets, from every compared policy, the
/// answers its point's representative gets. If it holds, policies that agree on the whole space
/// agree on every scenario.
/// </summary>
internal static class SpaceClaim
{
    /// <returns>How many scenarios were checked.</returns>
    public static int AssertRepresentativesAgree(IReadOnlyList<IPolicyEvaluator> policies, IEnumerable<Scenario> scenarios, Func<Scenario, string>? describe = null)
    {
        var space = ScenarioSpace.For(policies);
        var checkedScenarios = 0;
        foreach (var scenario in scenarios)
        {
            var point = space.Project(scenario);
            Assert.That(point, Is.Not.Null, $"{scenario.Id} falls outside an unnarrowed space");
            var representative = space.Build(point!, "representative");
            foreach (var policy in policies)
            {
                foreach (var subject in Subject.All)
                {
                    var expected = subject.AnswerFrom(policy, scenario);
                    var actual = subject.AnswerFrom(policy, representative);
                    if (actual != expected)
                    {
                        Assert.Fail($"""
                            {policy.Policy.Id} answers {subject} on {scenario.Id} with {expected}, but its point's representative gets {actual}
                            point: {space.Describe(point!, space.RelevantTo(subject))}
                            {describe?.Invoke(scenario)}
                            """);
                    }
                }
            }

            checkedScenarios++;
        }

        return checkedScenarios;
    }
}
