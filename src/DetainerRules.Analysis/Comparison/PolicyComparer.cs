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
    /// Walking holds a byte a case (its group; two past 256 groups) and, while a batch of splits' regions is
    /// drawn, a bit a case for each of up to 64 MB of marks; the rest is each policy's answers on its own
    /// points and the regions found. Measured on 2 December 2026: eight catalog policies (22.3 million cases
    /// for <c>notify_ice</c>) peak at 370 to 510 MB under load and take half a minute; sixteen (104 million, 4.7
    /// times as many) are refused until the cases need not be walked one by one.
    /// </remarks>
    public const long MaxCasesPerSubject = 24_000_000;

    /// <summary>The most memory the marks of a batch of splits' cases may take (<see cref="DescribeOverGrid"/>).</summary>
    private const long MarkedBytes = 64L << 20;

    /// <summary>Compares the policies on every point of the space.</summary>
    /// <remarks>Each policy is asked once per combination of its own classes of the dimensions its rules read, and a case reads the answer of the own classes that hold its values (<see cref="ProjectedAnswers"/>).</remarks>
    /// <exception cref="SpaceTooLargeException">A subject's part of the space is too large; narrow it with <c>--where</c>.</exception>
    /// <exception cref="EvaluationException">A policy failed on a scenario.</exception>
    public static PolicyComparison OverSpace(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies, ScenarioSpace space, IReadOnlyList<Subject> subjects)
    {
        var results = new List<SubjectComparison>();

        // Each policy's own space, built once for every subject: its classes are the ones the policy is asked on (ProjectedAnswers).
        var own = policies.Select(p => new Lazy<ScenarioSpace>(() => ScenarioSpace.For([p.Policy], space.Subjects, space.Filter, space.Booking.Day))).ToList();
        foreach (var subject in subjects)
        {
            var (dimensions, walked, multiplicity) = Walked(policies, space, subject);
            if (walked > MaxCasesPerSubject)
            {
                throw new SpaceTooLargeException($"`{subject.Name}` spans {walked} cases, more than {MaxCasesPerSubject}");
            }

            var grid = new GridPoints([.. dimensions.Select(d => space.Dimensions[d].Count)]);
            var answers = policies.Select((p, i) => ProjectedAnswers.Of(p.Policy, subject, space, dimensions, own[i].Value)).ToList();
            var groups = Group(answers, [.. dimensions.Select(d => space.Dimensions[d].Count)], grid.Count);

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

            results.Add(Compare(subject, space, policies.Count, new Cases(groups, PointOf, _ => null, [.. dimensions], (long)multiplicity)));
        }

        return new PolicyComparison([.. policies.Select(p => p.Label)], space, null, 0, results);
    }

    /// <summary>The compared dimensions of a subject, in the space's order, and how many cases of its part of the space each of their points stands for.</summary>
    /// <remarks>
    /// Only the dimensions some compared policy reads: along any other, no answer and so no split
    /// changes, and each point stands for that many cases of the subject's part of the space (a
    /// layer's three answers read a few dimensions of a space built for many policies).
    /// </remarks>
    internal static (List<int> Dimensions, System.Numerics.BigInteger Points, System.Numerics.BigInteger Multiplicity) Walked(IReadOnlyList<(string Label, IPolicyEvaluator Policy)> policies, ScenarioSpace space, Subject subject)
    {
        var read = policies.SelectMany(p => space.RelevantTo(subject, p.Policy)).ToHashSet();
        var dimensions = space.RelevantTo(subject).Where(read.Contains).ToList();
        var points = dimensions.Aggregate(System.Numerics.BigInteger.One, (n, d) => n * space.Dimensions[d].Count);
        return (dimensions, points, space.SizeFor(subject) / points);
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

    /// <summary>Groups every case of the grid over <paramref name="sizes"/> (in grid order) by the policies' answers.</summary>
    /// <remarks>The cases are walked as an odometer, so each policy's point moves by a stride at each step instead of being worked out from the case's values.</remarks>
    private static AnswerGroups Group(List<ProjectedAnswers> answers, int[] sizes, int count)
    {
        var groups = new AnswerGroups([.. answers.Select(a => a.Distinct)], count, fixedAnswers: true);
        var strides = answers.Select(a => Enumerable.Range(0, sizes.Length).Select(a.Stride).ToArray()).ToArray();
        var coordinates = new int[sizes.Length];
        var positions = new int[answers.Count];
        var tuple = new int[answers.Count];
        for (var i = 0; i < count; i++)
        {
            for (var p = 0; p < answers.Count; p++)
            {
                tuple[p] = answers[p].AnswerAt(positions[p]);
            }

            groups.Add(tuple);
            for (var k = sizes.Length - 1; k >= 0; k--)
            {
                if (++coordinates[k] < sizes[k])
                {
                    for (var p = 0; p < positions.Length; p++)
                    {
                        positions[p] += strides[p][k];
                    }

                    break;
                }

                coordinates[k] = 0;
                for (var p = 0; p < positions.Length; p++)
                {
                    positions[p] -= (sizes[k] - 1) * strides[p][k];
                }
            }
        }

        return groups;
    }

    /// <remarks>Over scenario files, only the scenarios seen bound a region; over the space, every point does.</remarks>
    private static SubjectComparison Compare(Subject subject, ScenarioSpace space, int policyCount, Cases cases)
    {
        var dimensions = cases.Walked ?? [.. space.RelevantTo(subject)];
        var groups = cases.Groups;

        var answersOf = Enumerable.Range(0, groups.Count).Select(groups.Answers).ToList();
        var agreeing = GroupCounts.Agreeing(answersOf, groups.CasesIn, cases.Multiplicity, policyCount);
        var splits = GroupCounts.Splits(answersOf, groups.CasesIn);
        var described = cases.WholeGrid
            ? DescribeOverGrid(subject, space, cases, dimensions, answersOf, splits)
            : DescribeOverScenarios(subject, space, cases, dimensions, answersOf, splits);
        return new SubjectComparison(subject, groups.Cases * cases.Multiplicity, described.Sum(s => s.Cases), space.RelevantTo(subject), agreeing, described);
    }

    /// <summary>Each split's regions over scenario files: drawn on the points the files fall on.</summary>
    private static Split[] DescribeOverScenarios(Subject subject, ScenarioSpace space, Cases cases, IReadOnlyList<int> dimensions, List<Answer[]> answersOf, List<int> splits)
    {
        var groups = cases.Groups;
        var members = groups.Members();
        var layout = new AxisLayout(space, [.. dimensions]);
        var points = new AxisPoints(layout, cases.PointOf, groups.Cases);
        var index = new PointIndex(layout.Sizes, points);
        var described = new Split[splits.Count];
        Parallel.For(0, splits.Count, i =>
        {
            var g = splits[i];
            var memberSet = new ulong[index.Words];
            foreach (var m in members[g])
            {
                memberSet[m >> 6] |= 1UL << (m & 63);
            }

            described[i] = Describe(subject, space, (layout, points, index), memberSet, 1, cases.PointOf, cases.ScenarioOf, answersOf[g], groups.CasesIn(g), members[g], i);
        });
        return described;
    }

    /// <summary>Each split's regions over the whole space.</summary>
    /// <remarks>
    /// A split is drawn on only the dimensions its cases change along (<see cref="SplitGrid"/>), or on the
    /// whole grid when it changes along all of them and each case stands for one. The splits' cases are
    /// marked on their grids a batch at a time, a batch holding at most <see cref="MarkedBytes"/> of marks,
    /// each batch in one walk of the cases, so no list of cases is kept and the marks of a split are held
    /// only while its regions are drawn.
    /// </remarks>
    private static Split[] DescribeOverGrid(Subject subject, ScenarioSpace space, Cases cases, IReadOnlyList<int> dimensions, List<Answer[]> answersOf, List<int> splits)
    {
        var groups = cases.Groups;
        var sizes = dimensions.Select(d => space.Dimensions[d].Count).ToArray();
        var depends = SplitGrid.Dependence(groups.Column, groups.Count, sizes);
        var whole = new Lazy<(AxisLayout Layout, IReadOnlyList<int[]> Points, IBoxIndex Index)>(() =>
        {
            var layout = new AxisLayout(space, [.. dimensions]);
            return (layout, new AxisPoints(layout, cases.PointOf, groups.Cases), layout.Index());
        });
        var grids = splits.Select(g => cases.Multiplicity > 1 || !depends[g].All(d => d) ? SplitGrid.Of(space, [.. dimensions], depends[g]) : null).ToList();
        var wholeProjection = SplitGrid.Strides(sizes);
        long Words(int i) => grids[i]?.Index.Words ?? whole.Value.Index.Words;

        var described = new Split[splits.Count];
        var next = 0;
        while (next < splits.Count)
        {
            var batch = new List<int> { next++ };
            var bytes = Words(batch[0]) * 8;
            while (next < splits.Count && bytes + (Words(next) * 8) <= MarkedBytes)
            {
                bytes += Words(next) * 8;
                batch.Add(next++);
            }

            var wanted = new (int[] Projection, ulong[] Set)?[groups.Count];
            foreach (var i in batch)
            {
                wanted[splits[i]] = (grids[i]?.Projection ?? wholeProjection, new ulong[Words(i)]);
            }

            SplitGrid.Mark(groups.Column, sizes, wanted);
            Parallel.ForEach(batch, i =>
            {
                var g = splits[i];
                var memberSet = wanted[g]!.Value.Set;
                wanted[g] = null;
                described[i] = grids[i] is { } grid
                    ? Describe(subject, space, (grid.Layout, grid.Points, grid.Index), memberSet, grid.Multiplicity * cases.Multiplicity, grid.PointOf, _ => null, answersOf[g], groups.CasesIn(g) * cases.Multiplicity, [], i)
                    : Describe(subject, space, whole.Value, memberSet, 1, cases.PointOf, cases.ScenarioOf, answersOf[g], groups.CasesIn(g), [], i);
            });
        }

        return described;
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
