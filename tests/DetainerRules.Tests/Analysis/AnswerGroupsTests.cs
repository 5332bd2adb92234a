using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Grid;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// A comparison over the space keeps no list of cases: each case's group sits in a <see cref="GroupColumn"/>,
/// a tuple of answers is looked up as one number, and splits' cases are marked on their grids in one walk
/// (<see cref="SplitGrid.Mark"/>). Each is held here to the plain structure it replaced, on random cases.
/// </summary>
[TestFixture]
public class AnswerGroupsTests
{
    [TestCase(1, 1, 2)]
    [TestCase(2, 3, 3)]
    [TestCase(3, 8, 4)]
    [TestCase(4, 16, 2)]
    [TestCase(5, 0, 1)]
    public void Add_RandomTuples_OneNumberAndFoldedPrefixesGiveTheGroupsFirstMet(int seed, int policies, int answersEach)
    {
        var random = new Random(seed);
        IReadOnlyList<IReadOnlyList<Answer>> distinct = [.. Enumerable.Range(0, policies).Select(p => (IReadOnlyList<Answer>)[.. Enumerable.Range(0, answersEach).Select(a => new Answer($"p{p}a{a}", null))])];
        var byNumber = new AnswerGroups(distinct, 10, fixedAnswers: true);
        var folded = new AnswerGroups(distinct);
        var firstMet = new Dictionary<string, int>();
        var expected = new List<int>();
        var tuple = new int[policies];
        for (var i = 0; i < 5_000; i++)
        {
            for (var p = 0; p < policies; p++)
            {
                tuple[p] = random.Next(answersEach);
            }

            var key = string.Join(",", tuple);
            if (!firstMet.TryGetValue(key, out var group))
            {
                group = firstMet.Count;
                firstMet[key] = group;
            }

            expected.Add(group);
            byNumber.Add(tuple);
            folded.Add(tuple);
        }

        foreach (var groups in new[] { byNumber, folded })
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(groups.Count, Is.EqualTo(firstMet.Count));
                Assert.That(Enumerable.Range(0, groups.Cases).Select(i => groups.Column[i]), Is.EqualTo(expected));
                Assert.That(Enumerable.Range(0, groups.Count).Select(groups.CasesIn), Is.EqualTo(Enumerable.Range(0, firstMet.Count).Select(g => (long)expected.Count(e => e == g))));
                Assert.That(
                    Enumerable.Range(0, groups.Count).Select(g => string.Join(",", groups.Answers(g).Select(a => a.Value))),
                    Is.EqualTo(firstMet.Keys.Select(k => string.Join(",", k.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((a, p) => $"p{p}a{a}")))));
            }
        }
    }

    [TestCase(0)]
    [TestCase(1_000)]
    public void Add_PastAByteAndTwoBytesOfGroups_EveryCaseKeepsItsGroup(int capacity)
    {
        var random = new Random(7);
        var column = new GroupColumn(capacity);
        var expected = new List<int>();
        for (var group = 0; group < 70_000; group++)
        {
            // Each new group is met once, then some earlier ones again, so small and large numbers mix in every width.
            expected.Add(group);
            column.Add(group);
            var again = random.Next(group + 1);
            expected.Add(again);
            column.Add(again);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(column.Count, Is.EqualTo(expected.Count));
            Assert.That(Enumerable.Range(0, column.Count).Select(i => column[i]), Is.EqualTo(expected));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Mark_RandomGroupsAndProjections_SameMarksAsProjectingEachMember(int seed)
    {
        var random = new Random(seed);
        int[] sizes = [.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.Next(2, 6))];
        var grid = new GridPoints(sizes);
        var column = new GroupColumn();
        var groupOf = new int[grid.Count];
        for (var i = 0; i < grid.Count; i++)
        {
            groupOf[i] = random.Next(4);
            column.Add(groupOf[i]);
        }

        // Group 0 marked on the whole grid, group 1 on a grid that leaves out some dimensions, group 2 not at all.
        var kept = sizes.Select(_ => random.Next(2) == 0).ToArray();
        var keptSizes = sizes.Where((_, k) => kept[k]).ToArray();
        var keptStrides = SplitGrid.Strides(keptSizes);
        var projection = new int[sizes.Length];
        for (int k = 0, j = 0; k < sizes.Length; k++)
        {
            projection[k] = kept[k] ? keptStrides[j++] : 0;
        }

        var wholeCount = grid.Count;
        var keptCount = keptSizes.Aggregate(1, (p, s) => p * s);
        var wanted = new (int[] Projection, ulong[] Set)?[4];
        wanted[0] = (SplitGrid.Strides(sizes), new ulong[(wholeCount + 63) / 64]);
        wanted[1] = (projection, new ulong[(keptCount + 63) / 64]);
        SplitGrid.Mark(column, sizes, wanted);

        var expectedWhole = new ulong[(wholeCount + 63) / 64];
        var expectedKept = new ulong[(keptCount + 63) / 64];
        var coordinates = new int[sizes.Length];
        for (var i = 0; i < grid.Count; i++)
        {
            grid.At(i, coordinates);
            if (groupOf[i] == 0)
            {
                expectedWhole[i >> 6] |= 1UL << (i & 63);
            }
            else if (groupOf[i] == 1)
            {
                var p = coordinates.Select((c, k) => c * projection[k]).Sum();
                expectedKept[p >> 6] |= 1UL << (p & 63);
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(wanted[0]!.Value.Set, Is.EqualTo(expectedWhole));
            Assert.That(wanted[1]!.Value.Set, Is.EqualTo(expectedKept));
        }
    }
}
