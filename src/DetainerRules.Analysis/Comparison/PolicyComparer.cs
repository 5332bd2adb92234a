using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Comparison;

/// <summary>Evaluates several policies on the same cases and finds, subject by subject, where they split and how to describe it.</summary>
/// <remarks>Answers come from whichever evaluator the caller passes: the rule network, or its delegate twin for speed.</remarks>
public static class PolicyComparer
{
    /// <summary>The most points one subject may need before the comparison asks for a narrower space.</summary>
    public const long MaxCasesPerSubject = 2_000_000;

    /// <summary>Compares the policies on every point of the space.</summary>
    /// <exception cref="SpaceTooLargeException">A subject's part of the space is too large; narrow it with <c>--where</c>.</exception>
    /// <exception cref="EvaluationException">A policy failed on a scenario.</exception>
    public static PolicyComparison OverSpace(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies, ScenarioSpace space, IReadOnlyList<Subject> subjects)
    {
        var results = new List<SubjectComparison>();
        foreach (var subject in subjects)
        {
            if (space.SizeFor(subject) > MaxCasesPerSubject)
            {
                throw new SpaceTooLargeException($"`{subject.Name}` spans {space.SizeFor(subject)} cases, more than {MaxCasesPerSubject}");
            }

            var points = space.Points(subject).ToList();
            var cases = new Case[points.Count];
            Parallel.For(0, points.Count, i =>
            {
                var scenario = space.Build(points[i], "space-point");
                cases[i] = new Case(points[i], [.. policies.Select(p => subject.AnswerFrom(p.Policy, scenario))], null);
            });
            results.Add(Compare(subject, space, policies.Count, [.. cases]));
        }

        return new PolicyComparison([.. policies.Select(p => p.Label)], space, null, 0, results);
    }

    /// <summary>Compares the policies on the given scenarios; regions describe them over the space's dimensions.</summary>
    /// <exception cref="EvaluationException">A policy failed on a scenario.</exception>
    public static PolicyComparison OverScenarios(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies, ScenarioSpace space, IReadOnlyList<Scenario> scenarios, IReadOnlyList<Subject> subjects)
    {
        var inside = scenarios.Select(s => (Scenario: s, Point: space.Project(s))).Where(p => p.Point is not null).ToList();
        var verdicts = new Verdict[inside.Count][];
        Parallel.For(0, inside.Count, i => verdicts[i] = [.. policies.Select(p => p.Policy.Evaluate(inside[i].Scenario))]);
        var results = subjects.Select(subject => Compare(
            subject,
            space,
            policies.Count,
            [.. inside.Select((s, i) => new Case(s.Point!, [.. verdicts[i].Select(subject.AnswerIn)], s.Scenario))])).ToList();
        return new PolicyComparison([.. policies.Select(p => p.Label)], space, scenarios.Count, scenarios.Count - inside.Count, results);
    }

    private static string Key(int[] point) => string.Join(",", point);

    /// <remarks>Over scenario files, only the scenarios seen bound a region; over the space, every point does.</remarks>
    private static SubjectComparison Compare(Subject subject, ScenarioSpace space, int policyCount, List<Case> cases)
    {
        var dimensions = space.RelevantTo(subject).ToArray();
        var agreeing = new long[policyCount, policyCount];
        var groups = new Dictionary<string, (Answer[] Answers, List<int> Cases)>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var answers = cases[i].Answers;
            for (var a = 0; a < policyCount; a++)
            {
                for (var b = 0; b < policyCount; b++)
                {
                    agreeing[a, b] += answers[a] == answers[b] ? 1 : 0;
                }
            }

            var key = string.Join("\u0001", answers.Select(x => x.Text));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (answers, []);
                groups[key] = group;
            }

            group.Cases.Add(i);
        }

        var layout = new AxisLayout(space, dimensions);
        var points = cases.Select(c => layout.Axes(c.Point)).ToList();
        var index = new PointIndex(layout.Sizes, points);
        var splits = groups.Values
            .Where(g => g.Answers.Distinct().Count() > 1)
            .OrderByDescending(g => g.Cases.Count)
            .ThenBy(g => string.Join("\u0001", g.Answers.Select(a => a.Text)), StringComparer.Ordinal)
            .ToList();
        var described = new Split[splits.Count];
        Parallel.For(0, splits.Count, i => described[i] = Describe(subject, space, layout, index, points, cases, splits[i].Answers, splits[i].Cases, i));
        return new SubjectComparison(subject, cases.Count, described.Sum(s => s.Cases), dimensions, agreeing, described);
    }

    private static Split Describe(Subject subject, ScenarioSpace space, AxisLayout layout, PointIndex index, List<int[]> points, List<Case> cases, Answer[] answers, List<int> members, int number)
    {
        var memberSet = new ulong[index.Words];
        foreach (var m in members)
        {
            memberSet[m >> 6] |= 1UL << (m & 63);
        }

        var regions = new List<Region>();
        foreach (var (box, covered) in Regions.Cover(index, points, memberSet))
        {
            var (restrictions, description) = layout.Describe(box);
            var id = $"{subject.Name}-{number + 1}-{regions.Count + 1}";
            var first = cases[covered[0]];
            var example = first.Scenario ?? space.Build(first.Point, id, description);
            regions.Add(new Region(restrictions, description, covered.Count, example));
        }

        var ids = members.Select(m => cases[m].Scenario).OfType<Scenario>().Select(s => s.Id).ToList();
        return new Split(answers, members.Count, regions, ids);
    }

    private sealed record Case(int[] Point, Answer[] Answers, Scenario? Scenario);
}
