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
    /// <remarks>
    /// Walking holds some 20 to 30 bytes a case (measured: each case's group, listed by case and by group, and the
    /// regions' bit sets): four catalog policies (7 million cases for <c>notify_ice</c>) take about 300 MB;
    /// eight (22 million) would take about 600 MB, so they are refused until cases are no longer stored one by one.
    /// </remarks>
    public const long MaxCasesPerSubject = 8_000_000;

    /// <summary>Compares the policies on every point of the space.</summary>
    /// <remarks>Each policy is asked once per point of the dimensions its own rules read, and a case reads its answer there (<see cref="ProjectedAnswers"/>).</remarks>
    /// <exception cref="SpaceTooLargeException">A subject's part of the space is too large; narrow it with <c>--where</c>.</exception>
    /// <exception cref="EvaluationException">A policy failed on a scenario.</exception>
    public static PolicyComparison OverSpace(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies, ScenarioSpace space, IReadOnlyList<Subject> subjects)
    {
        var results = new List<SubjectComparison>();
        foreach (var subject in subjects)
        {
            // Only the dimensions some compared policy reads are walked: along any other, no answer and so no
            // split changes, and each walked case stands for that many cases of the subject's part of the space
            // (a layer's three answers read a few dimensions of a space built for many policies).
            var read = policies.SelectMany(p => space.RelevantTo(subject, p.Policy)).ToHashSet();
            var dimensions = space.RelevantTo(subject).Where(read.Contains).ToList();
            var walked = dimensions.Aggregate(System.Numerics.BigInteger.One, (n, d) => n * space.Dimensions[d].Count);
            if (walked > MaxCasesPerSubject)
            {
                throw new SpaceTooLargeException($"`{subject.Name}` spans {walked} cases, more than {MaxCasesPerSubject}");
            }

            var multiplicity = (long)(space.SizeFor(subject) / walked);
            var grid = new GridPoints([.. dimensions.Select(d => space.Dimensions[d].Count)]);
            var answers = policies.Select(p => ProjectedAnswers.Of(p.Policy, subject, space, dimensions)).ToList();
            var groups = new AnswerGroups([.. answers.Select(a => a.Distinct)], grid.Count);
            var coordinates = new int[dimensions.Count];
            var tuple = new int[answers.Count];
            for (var i = 0; i < grid.Count; i++)
            {
                grid.At(i, coordinates);
                for (var p = 0; p < answers.Count; p++)
                {
                    tuple[p] = answers[p].At(coordinates);
                }

                groups.Add(tuple);
            }

            int[] PointOf(int i)
            {
                var at = new int[dimensions.Count];
                grid.At(i, at);
                var point = new int[space.Dimensions.Count];
                for (var k = 0; k < at.Length; k++)
                {
                    point[dimensions[k]] = at[k];
                }

                return point;
            }

            results.Add(Compare(subject, space, policies.Count, new Cases(groups, PointOf, _ => null, [.. dimensions], multiplicity)));
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
        var results = subjects.Select(subject =>
        {
            // Each policy's answers numbered in the order first met, as ProjectedAnswers numbers them.
            var distinct = policies.Select(_ => new List<Answer>()).ToList();
            var ids = policies.Select(_ => new Dictionary<Answer, int>()).ToList();
            var groups = new AnswerGroups(distinct);
            var tuple = new int[policies.Count];
            foreach (var verdict in verdicts)
            {
                for (var p = 0; p < policies.Count; p++)
                {
                    var answer = subject.AnswerIn(verdict[p]);
                    if (!ids[p].TryGetValue(answer, out var id))
                    {
                        id = distinct[p].Count;
                        ids[p][answer] = id;
                        distinct[p].Add(answer);
                    }

                    tuple[p] = id;
                }

                groups.Add(tuple);
            }

            return Compare(subject, space, policies.Count, new Cases(groups, i => inside[i].Point!, i => inside[i].Scenario, null, 1));
        }).ToList();
        return new PolicyComparison([.. policies.Select(p => p.Label)], space, scenarios.Count, scenarios.Count - inside.Count, results);
    }

    /// <remarks>Over scenario files, only the scenarios seen bound a region; over the space, every point does.</remarks>
    private static SubjectComparison Compare(Subject subject, ScenarioSpace space, int policyCount, Cases cases)
    {
        var dimensions = cases.Walked ?? [.. space.RelevantTo(subject)];
        var groups = cases.Groups;

        // Counted per group, not per case: every case of a group agrees on the same pairs.
        var agreeing = new long[policyCount, policyCount];
        var answersOf = Enumerable.Range(0, groups.Count).Select(groups.Answers).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            for (var a = 0; a < policyCount; a++)
            {
                for (var b = 0; b < policyCount; b++)
                {
                    agreeing[a, b] += answersOf[g][a] == answersOf[g][b] ? groups.CasesIn(g) * cases.Multiplicity : 0;
                }
            }
        }

        var members = groups.Members();
        var splits = Enumerable.Range(0, groups.Count)
            .Where(g => answersOf[g].Distinct().Count() > 1)
            .OrderByDescending(groups.CasesIn)
            .ThenBy(g => string.Join("\u0001", answersOf[g].Select(a => a.Text)), StringComparer.Ordinal)
            .ToList();

        // Over the whole space, a split is drawn on only the dimensions its cases change along (SplitGrid);
        // the index over every case is built only if some split changes along all of them.
        var depends = cases.WholeGrid ? SplitGrid.Dependence(groups.GroupOf, groups.Count, [.. dimensions.Select(d => space.Dimensions[d].Count)]) : null;
        var whole = new Lazy<(AxisLayout Layout, IReadOnlyList<int[]> Points, IBoxIndex Index)>(() =>
        {
            var layout = new AxisLayout(space, dimensions);
            var points = new AxisPoints(layout, cases.PointOf, groups.Cases);
            return (layout, (IReadOnlyList<int[]>)points, cases.WholeGrid ? layout.Index() : new PointIndex(layout.Sizes, points));
        });
        var described = new Split[splits.Count];
        Parallel.For(0, splits.Count, i =>
        {
            var g = splits[i];
            if (depends is not null && (cases.Multiplicity > 1 || !depends[g].All(d => d)))
            {
                var grid = SplitGrid.Of(space, dimensions, depends[g], members[g]);
                described[i] = Describe(subject, space, (grid.Layout, grid.Points, grid.Index), grid.Members, grid.Multiplicity * cases.Multiplicity, grid.PointOf, _ => null, answersOf[g], groups.CasesIn(g) * cases.Multiplicity, [], i);
                return;
            }

            var memberSet = new ulong[whole.Value.Index.Words];
            foreach (var m in members[g])
            {
                memberSet[m >> 6] |= 1UL << (m & 63);
            }

            described[i] = Describe(subject, space, whole.Value, memberSet, 1, cases.PointOf, cases.ScenarioOf, answersOf[g], groups.CasesIn(g), cases.WholeGrid ? [] : members[g], i);
        });
        return new SubjectComparison(subject, groups.Cases * cases.Multiplicity, described.Sum(s => s.Cases), space.RelevantTo(subject), agreeing, described);
    }

    /// <param name="grid">The grid the regions are drawn on, with <paramref name="memberSet"/> the split's points of it.</param>
    /// <param name="multiplicity">How many compared cases each point of the grid stands for.</param>
    /// <param name="cases">How many compared cases answer this way.</param>
    /// <param name="members">The split's cases, by position among the compared ones, when they are scenario files; empty over the space.</param>
    private static Split Describe(
        Subject subject,
        ScenarioSpace space,
        (AxisLayout Layout, IReadOnlyList<int[]> Points, IBoxIndex Index) grid,
        ulong[] memberSet,
        long multiplicity,
        Func<int, int[]> pointOf,
        Func<int, Scenario?> scenarioOf,
        Answer[] answers,
        long cases,
        int[] members,
        int number)
    {
        var regions = new List<Region>();
        foreach (var (box, covered) in Regions.Cover(grid.Index, grid.Points, memberSet))
        {
            var (restrictions, description) = grid.Layout.Describe(box);
            var id = $"{subject.Name}-{number + 1}-{regions.Count + 1}";
            var first = covered[0];
            var example = scenarioOf(first) ?? space.Build(pointOf(first), id, description);
            regions.Add(new Region(restrictions, description, covered.Count * multiplicity, example));
        }

        var ids = members.Select(scenarioOf).OfType<Scenario>().Select(s => s.Id).ToList();
        return new Split(answers, cases, regions, ids);
    }

    /// <summary>The compared cases: their groups by answers, each case's point of the space, and the scenario file it is, if any.</summary>
    /// <param name="Walked">Over the space: the dimensions walked, whose every point is a case, in grid order (<see cref="GridPoints"/>); null over scenario files.</param>
    /// <param name="Multiplicity">How many cases of the subject's part of the space each compared case stands for.</param>
    private sealed record Cases(AnswerGroups Groups, Func<int, int[]> PointOf, Func<int, Scenario?> ScenarioOf, int[]? Walked, long Multiplicity)
    {
        public bool WholeGrid => Walked is not null;
    }
}
