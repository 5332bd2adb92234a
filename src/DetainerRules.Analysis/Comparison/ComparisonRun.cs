using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Comparison;

/// <summary>One comparison from start to end, as <c>detainer compare</c> and <c>POST /v1/compare</c> both run it, so the two answer alike by construction.</summary>
public static class ComparisonRun
{
    /// <summary>Where <paramref name="policies"/> answer differently: over the space they tell apart (narrowed by <paramref name="filter"/>), or over <paramref name="scenarios"/> when given; with each policy's layers compared to it.</summary>
    /// <param name="summary">Over the space, count the cases without drawing regions (<see cref="SummaryComparer"/>): no bound on the space's size.</param>
    /// <exception cref="SpaceTooLargeException">The space is too large to walk (or, in a summary, to count).</exception>
    /// <exception cref="ArgumentException">A summary was asked of scenario files.</exception>
    public static PolicyComparison Of(
        IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies,
        IReadOnlyList<Subject> subjects,
        SpaceFilter filter,
        DateOnly? at,
        IReadOnlyList<Scenario>? scenarios,
        bool summary = false)
    {
        if (summary && scenarios is not null)
        {
            throw new ArgumentException("a summary counts the space's cases; scenario files are compared in full", nameof(summary));
        }

        var compared = Labelled(policies);
        var space = ScenarioSpace.For([.. compared.Select(p => p.Policy)], subjects, filter, at);
        if (summary)
        {
            // One policy's layers are compared while another's are, all on the answers asked for the comparison itself.
            var answers = new PolicyAnswers(space);
            return SummaryComparer.OverSpace(compared, space, subjects, answers) with
            {
                Layers = [.. InParallel.Map(compared, p => LayerComparer.Compare(p.Label, p.Policy, space, subjects, null, answers)).SelectMany(l => l)],
            };
        }

        var comparison = scenarios is not null ? PolicyComparer.OverScenarios(compared, space, scenarios, subjects)
            : PolicyComparer.OverSpace(compared, space, subjects);
        return comparison with
        {
            Layers = [.. compared.SelectMany(p => LayerComparer.Compare(p.Label, p.Policy, space, subjects, scenarios))],
        };
    }

    /// <summary>Policy ids and agency ids as labels; a label used twice (the same id from two files) gets its position appended.</summary>
    private static List<(string Label, IPolicyEvaluator Policy)> Labelled(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> picked) =>
        [.. picked.Select((p, i) => picked.Count(q => q.Label == p.Label) > 1 ? ($"{p.Label}#{i + 1}", p.Policy) : p)];
}
