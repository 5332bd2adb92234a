using DetainerRules.Analysis.Grid;

namespace DetainerRules.Tests.Analysis;

/// <summary>The bit sets of points in a box (<see cref="PointIndex"/>), against the points counted one by one, on a grid of more than 64 points (two words).</summary>
[TestFixture]
public class PointIndexTests
{
    private static readonly int[] Sizes = [3, 5, 7];

    // Every point of the 3 x 5 x 7 grid but a few, so some boxes are empty where the grid is not.
    private static readonly List<int[]> Points = [.. (
        from a in Enumerable.Range(0, 3)
        from b in Enumerable.Range(0, 5)
        from c in Enumerable.Range(0, 7)
        where (a + b + c) % 11 != 0
        select new[] { a, b, c })];

    private static readonly PointIndex Index = new(Sizes, Points);

    private static bool[][] Box(params int[][] allowed) =>
        [.. Sizes.Select((size, axis) => Enumerable.Range(0, size).Select(v => allowed[axis].Length == 0 || allowed[axis].Contains(v)).ToArray())];

    private static List<int> Inside(bool[][] box, IEnumerable<int> among) => [.. among.Where(p => Points[p].Select((v, axis) => box[axis][v]).All(b => b))];

    private static readonly (string Name, bool[][] Box)[] Shapes =
    [
        ("WholeGrid", Box([], [], [])),
        ("OneAxisOneValue", Box([1], [], [])),
        ("TwoAxes", Box([0, 2], [], [6])),
        ("EveryAxis", Box([2], [4], [0, 1, 2])),
        ("AMissingPoint", Box([0], [0], [0])),
    ];

    /// <summary>The shapes by name: a box is an array, and every case with an array argument would carry the same name.</summary>
    private static IEnumerable<string> ShapeNames() => Shapes.Select(s => s.Name);

    private static bool[][] Shape(string name) => Shapes.Single(s => s.Name == name).Box;

    [TestCaseSource(nameof(ShapeNames))]
    public void In_ThePointsOfTheBox(string shape)
    {
        var box = Shape(shape);
        Assert.That(Points, Has.Count.GreaterThan(64));
        Assert.That(PointIndex.Members(Index.In(box)), Is.EqualTo(Inside(box, Enumerable.Range(0, Points.Count))));
    }

    [TestCaseSource(nameof(ShapeNames))]
    public void In_WithinASet_OnlyItsPoints(string shape)
    {
        var box = Shape(shape);
        var within = Enumerable.Range(0, Points.Count).Where(p => p % 3 != 1).ToList();
        var set = new ulong[Index.Words];
        foreach (var p in within)
        {
            set[p >> 6] |= 1UL << (p & 63);
        }

        var copy = (ulong[])set.Clone();

        Assert.That(PointIndex.Members(Index.In(box, set)), Is.EqualTo(Inside(box, within)));
        Assert.That(set, Is.EqualTo(copy), "the set given is left as it was");
        Assert.That(Index.Any(box, set), Is.EqualTo(Inside(box, within).Count > 0));
    }

    [Test]
    public void All_EveryPointOnce()
    {
        Assert.That(PointIndex.Members(Index.All()), Is.EqualTo(Enumerable.Range(0, Points.Count)));
        Assert.That(Index.Count, Is.EqualTo(Points.Count));
        Assert.That(Index.Words, Is.EqualTo((Points.Count + 63) / 64));
    }
}
