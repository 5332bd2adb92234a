using DetainerRules.Analysis.Space;
using DetainerRules.Engine;

namespace DetainerRules.Analysis.Comparison;

/// <summary>Compares several policies over the whole space without walking its cases or drawing regions: the counts, the agreement of each pair and every way they split, as <see cref="PolicyComparer.OverSpace"/> finds them.</summary>
/// <remarks>
/// Each policy's answers on its own classes become a decision diagram (<see cref="AnswerDiagram"/>), and
/// the cases of every tuple of answers are summed over the product of the diagrams (<see cref="ProductWalk"/>),
/// whose states stay few where the cases run to billions: so the whole catalog can be compared at once.
/// What it cannot give is regions, which are drawn on the cases themselves; its splits have none.
/// </remarks>
public static class SummaryComparer
{
    /// <summary>Compares the policies on every point of the space, counting without walking.</summary>
    /// <param name="answers">The policies' answers over <paramref name="space"/> as far as the run has asked them, shared with the run's other comparisons (its layers); null to ask afresh.</param>
    /// <exception cref="SpaceTooLargeException">A subject's part of the space has more cases than a count holds.</exception>
    /// <exception cref="EvaluationException">A policy failed on a scenario.</exception>
    /// <exception cref="ArgumentException"><paramref name="answers"/> are over another space.</exception>
    public static PolicyComparison OverSpace(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies, ScenarioSpace space, IReadOnlyList<Subject> subjects, PolicyAnswers? answers = null)
    {
        answers ??= new PolicyAnswers(space);
        if (!ReferenceEquals(answers.Space, space))
        {
            throw new ArgumentException("the answers were asked over another space", nameof(answers));
        }

        var results = new List<SubjectComparison>();
        foreach (var subject in subjects)
        {
            var (dimensions, points, multiplicity) = PolicyComparer.Walked(policies, space, subject);
            if (points * multiplicity > long.MaxValue)
            {
                throw new SpaceTooLargeException($"`{subject.Name}` spans {points * multiplicity} cases, more than {long.MaxValue} can be counted");
            }

            // Several policies asked at once: each asks its own points in parallel, but most have too few to keep the cores busy.
            var diagrams = InParallel.Map(policies, p => AnswerDiagram.Of(answers.Of(p.Policy, subject), dimensions));
            var walk = ProductWalk.Over(diagrams, [.. dimensions.Select(d => space.Dimensions[d].Count)]);
            var answersOf = walk.Groups.Select(g => g.Answers).ToList();
            long CasesIn(int g) => walk.Groups[g].Cases;
            var splits = GroupCounts.Splits(answersOf, CasesIn)
                .Select(g => new Split(answersOf[g], CasesIn(g) * (long)multiplicity, [], []))
                .ToList();
            var agreeing = GroupCounts.Agreeing(answersOf, CasesIn, (long)multiplicity, policies.Count);
            results.Add(new SubjectComparison(subject, (long)(points * multiplicity), splits.Sum(s => s.Cases), space.RelevantTo(subject), agreeing, splits));
        }

        return new PolicyComparison([.. policies.Select(p => p.Label)], space, null, 0, results) { Summary = true };
    }
}
