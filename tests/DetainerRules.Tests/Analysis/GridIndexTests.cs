using DetainerRules.Analysis.Grid;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// <see cref="GridIndex"/> answers box questions from the shape of a whole grid; <see cref="PointIndex"/>
/// answers them from a bit set per axis value, built from the same points listed one by one. On grids
/// whose dimensions span one or several axes (as charges and convictions do), with boxes and sets drawn
/// at random, both must give the same points.
/// </summary>
[TestFixture]
public class GridIndexTests
{
    [TestCase(1, 3)]
    [TestCase(2, 4)]
    [TestCase(3, 5)]
    [TestCase(4, 2)]
    [TestCase(5, 3)]
    [TestCase(6, 1)]
    [TestCase(7, 4)]
    public void In_RandomBoxesOnGridsOfFacets_SamePointsAsTheBitSetsPerValue(int seed, int dimensions)
    {
        var random = new Random(seed);
        var (grid, points) = RandomGrid(random, dimensions);
        var byValue = new PointIndex(grid.Sizes, points);
        for (var round = 0; round < 60; round++)
        {
            var box = grid.Sizes.Select(size => Enumerable.Range(0, size).Select(_ => random.Next(4) > 0).ToArray()).ToArray();
            var within = new ulong[grid.Words];
            for (var p = 0; p < points.Count; p++)
            {
                if (random.Next(3) > 0)
                {
                    within[p >> 6] |= 1UL << (p & 63);
                }
            }

            using (Assert.EnterMultipleScope())
            {
                Assert.That(grid.Count, Is.EqualTo(points.Count));
                Assert.That(grid.All(), Is.EqualTo(byValue.All()), $"round {round}");
                Assert.That(grid.In(box), Is.EqualTo(byValue.In(box)), $"round {round}");
                Assert.That(grid.In(box, within), Is.EqualTo(byValue.In(box, within)), $"round {round}");
                Assert.That(grid.Any(box, within), Is.EqualTo(byValue.Any(box, within)), $"round {round}");
                Assert.That(grid.CountIn(box, within), Is.EqualTo(byValue.CountIn(box, within)), $"round {round}");
            }

            // Removing in place takes out exactly the points In finds, on either index.
            var inBox = byValue.In(box, within);
            var expected = within.Select((word, w) => word & ~inBox[w]).ToArray();
            var fromGrid = (ulong[])within.Clone();
            var fromValues = (ulong[])within.Clone();
            grid.Remove(box, fromGrid);
            byValue.Remove(box, fromValues);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(fromGrid, Is.EqualTo(expected), $"round {round}");
                Assert.That(fromValues, Is.EqualTo(expected), $"round {round}");
            }
        }
    }

    /// <summary>A grid of dimensions, each of one or two axes with some of their value pairs, and its points' axis coordinates in grid order.</summary>
    private static (GridIndex Grid, List<int[]> Points) RandomGrid(Random random, int dimensions)
    {
        var axisSizes = new List<int>();
        var offsets = new int[dimensions];
        var valueAxes = new int[dimensions][][];
        for (var d = 0; d < dimensions; d++)
        {
            offsets[d] = axisSizes.Count;
            var axes = Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(2, 5)).ToArray();
            axisSizes.AddRange(axes);
            var combinations = Regions.Points([.. axes.Select(a => Enumerable.Repeat(true, a).ToArray())]).ToList();
            var kept = combinations.Where(_ => random.Next(3) > 0).ToList();
            valueAxes[d] = [.. (kept.Count == 0 ? combinations.Take(1) : kept)];
        }

        var grid = new GridIndex([.. axisSizes], valueAxes, offsets);
        var points = Regions.Points([.. valueAxes.Select(v => Enumerable.Repeat(true, v.Length).ToArray())])
            .Select(values => values.SelectMany((v, d) => valueAxes[d][v]).ToArray())
            .ToList();
        return (grid, points);
    }
}
