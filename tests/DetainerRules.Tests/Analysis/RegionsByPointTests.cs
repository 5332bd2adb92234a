using DetainerRules.Analysis.Grid;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// <see cref="Regions.Cover(IBoxIndex, IReadOnlyList{int[]}, ulong[])"/> asks its questions of bit sets; the
/// greedy algorithm it runs is written here again point by point, as it was before, and both must draw
/// the same boxes covering the same members in the same order: a comparison's regions are its output.
/// Over a whole grid it is asked either of stored bit sets (<see cref="PointIndex"/>) or of the grid's
/// shape (<see cref="GridIndex"/>), and both must draw what the walk draws.
/// </summary>
[TestFixture]
public class RegionsByPointTests
{
    [TestCase(1, new[] { 4, 3, 5 })]
    [TestCase(2, new[] { 2, 2, 2, 2, 3 })]
    [TestCase(3, new[] { 6, 1, 4, 2 })]
    [TestCase(4, new[] { 3, 7 })]
    [TestCase(5, new[] { 2, 3, 2, 4, 2, 2 })]
    public void Cover_RandomSets_SameBoxesAsTheWalkOverPoints(int seed, int[] sizes) =>
        AssertAsWalked(seed, sizes, grid => new PointIndex(sizes, grid));

    [TestCase(1, new[] { 4, 3, 5 })]
    [TestCase(2, new[] { 2, 2, 2, 2, 3 })]
    [TestCase(3, new[] { 6, 1, 4, 2 })]
    [TestCase(4, new[] { 3, 7 })]
    [TestCase(5, new[] { 2, 3, 2, 4, 2, 2 })]
    [TestCase(6, new[] { 5, 3, 9, 2 })]
    public void Cover_RandomSetsAskedOfTheGridShape_SameBoxesAsTheWalkOverPoints(int seed, int[] sizes) =>
        AssertAsWalked(seed, sizes, _ => GridIndex.Plain(sizes));

    private static void AssertAsWalked(int seed, int[] sizes, Func<List<int[]>, IBoxIndex> indexOf)
    {
        var random = new Random(seed);
        var grid = Regions.Points([.. sizes.Select(s => Enumerable.Repeat(true, s).ToArray())]).ToList();
        for (var round = 0; round < 20; round++)
        {
            // Members made of a few blocks, as answers of policies are, and scattered points besides.
            var lead = random.Next(sizes.Length);
            var favoured = random.Next(sizes[lead]);
            var roll = grid.Select(p => p[lead] == favoured ? random.Next(4) > 0 : random.Next(5) == 0).ToList();
            var members = new ulong[(grid.Count + 63) / 64];
            for (var i = 0; i < grid.Count; i++)
            {
                if (roll[i])
                {
                    members[i >> 6] |= 1UL << (i & 63);
                }
            }

            var index = indexOf(grid);

            var cover = Regions.Cover(index, grid, members);

            var expected = ByPoint(sizes, grid, [.. Enumerable.Range(0, grid.Count).Where(i => roll[i])]);
            Assert.That(cover.Select(c => (Show(c.Box), c.Covered)), Is.EqualTo(expected.Select(c => (Show(c.Box), c.Covered))), $"round {round}");
        }
    }

    private static string Show(bool[][] box) => string.Join(" x ", box.Select(axis => string.Concat(axis.Select(b => b ? '1' : '0'))));

    /// <summary>The greedy cover as first written: each question answered by walking the points.</summary>
    private static List<(bool[][] Box, List<int> Covered)> ByPoint(int[] sizes, List<int[]> points, List<int> memberList)
    {
        var memberSet = memberList.ToHashSet();
        var outside = Enumerable.Range(0, points.Count).Where(i => !memberSet.Contains(i)).ToList();
        var uncovered = new HashSet<int>(memberList);
        bool Valid(bool[][] box) => !outside.Any(i => Regions.Contains(box, points[i]));
        bool AddsSomething(bool[][] box) => uncovered.Any(i => Regions.Contains(box, points[i]));

        var natural = Enumerable.Range(0, sizes.Length).ToArray();
        var reversed = natural.Reverse().ToArray();
        var boxes = new List<bool[][]>();
        foreach (var seed in memberList)
        {
            if (!uncovered.Contains(seed))
            {
                continue;
            }

            var best = new[] { Grow(points[seed], sizes, natural, Valid, AddsSomething), Grow(points[seed], sizes, reversed, Valid, AddsSomething) }
                .OrderByDescending(b => uncovered.Count(i => Regions.Contains(b, points[i])))
                .ThenBy(b => b.Where(axis => !axis.All(x => x)).Sum(axis => axis.Count(x => x)))
                .First();
            boxes.Add(best);
            uncovered.RemoveWhere(i => Regions.Contains(best, points[i]));
        }

        var cover = boxes.Select(b => (Box: b, Covered: memberList.Where(i => Regions.Contains(b, points[i])).ToList())).ToList();
        foreach (var candidate in cover.OrderBy(c => c.Covered.Count).ToList())
        {
            var others = cover.Where(c => !ReferenceEquals(c.Box, candidate.Box)).ToList();
            if (candidate.Covered.All(i => others.Any(o => Regions.Contains(o.Box, points[i]))))
            {
                cover.Remove(candidate);
            }
        }

        return [.. cover.OrderByDescending(c => c.Covered.Count)];
    }

    private static bool[][] Grow(int[] seed, int[] sizes, int[] order, Func<bool[][], bool> valid, Func<bool[][], bool> addsSomething)
    {
        var box = sizes.Select((size, d) => Enumerable.Range(0, size).Select(v => v == seed[d]).ToArray()).ToArray();
        foreach (var d in order)
        {
            var before = box[d];
            box[d] = [.. Enumerable.Repeat(true, sizes[d])];
            if (!valid(box))
            {
                box[d] = before;
            }
        }

        foreach (var d in order)
        {
            for (var v = 0; v < sizes[d]; v++)
            {
                if (box[d][v])
                {
                    continue;
                }

                box[d][v] = true;
                var slice = box.Select((a, i) => i == d ? a.Select((_, w) => w == v).ToArray() : a).ToArray();
                if ((!box[d].All(b => b) && !addsSomething(slice)) || !valid(box))
                {
                    box[d][v] = false;
                }
            }
        }

        return box;
    }
}
