using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Comparison;

/// <summary>Finds, for a policy bound by higher authorities, every case where its own rules and an authority disagree.</summary>
/// <remarks>
/// Disagreement is what <see cref="Model.Decisions.LayerComposition"/> reports for one scenario: both
/// layers answer (neither is <c>unknown</c>) and the answers differ. Here it is found over every case
/// of the space, or every scenario file, with the answer in force alongside.
/// </remarks>
public static class LayerComparer
{
    /// <param name="scenarios">Scenario files to compare on; null for the whole space.</param>
    /// <param name="summary">Over the whole space, count without drawing regions (<see cref="SummaryComparer"/>), with the answers the run has asked so far: the policy in force is among them when it was compared itself.</param>
    public static IReadOnlyList<LayerComparison> Compare(string label, IPolicyEvaluator policy, ScenarioSpace space, IReadOnlyList<Subject> subjects, IReadOnlyList<Scenario>? scenarios, PolicyAnswers? summary = null)
    {
        var decisions = subjects.Where(s => s.Decision is not null).ToList();
        var own = policy.WithoutAuthorities();
        var layers = new List<LayerComparison>();
        foreach (var authority in policy.Authorities)
        {
            IReadOnlyList<(string, IPolicyEvaluator)> three = [($"{label} (own rules)", own), (authority.Policy.Id, authority), ($"{label} (in force)", policy)];
            var comparison = scenarios is not null ? PolicyComparer.OverScenarios(three, space, scenarios, decisions)
                : summary is not null ? SummaryComparer.OverSpace(three, space, decisions, summary)
                : PolicyComparer.OverSpace(three, space, decisions);
            var kept = comparison.Subjects.Select(s =>
            {
                var splits = s.Splits.Where(Disagree).ToList();
                return s with { Differing = splits.Sum(x => x.Cases), Splits = splits };
            }).ToList();
            layers.Add(new LayerComparison(label, authority.Policy.Id, comparison with { Subjects = kept }));
        }

        return layers;
    }

    private static bool Disagree(Split split) =>
        split.Answers[0].Value != "unknown" && split.Answers[1].Value != "unknown" && split.Answers[0].Value != split.Answers[1].Value;
}
