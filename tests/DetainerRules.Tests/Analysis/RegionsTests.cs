using DetainerRules.Analysis.Grid;

namespace DetainerRules.Tests.Analysis;

[TestFixture]
public class RegionsTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Cover_RandomSet_EveryMemberCoveredAndNoOutsiderInside(int seed)
    {
        // Arrange: a 4 x 3 x 5 grid, some points in the set, some outside it, the rest unobserved.
        var random = new Random(seed);
        int[] sizes = [4, 3, 5];
        var grid = Regions.Points([.. sizes.Select(s => Enumerable.Repeat(true, s).ToArray())]).ToList();
        var members = new List<int[]>();
        var outsiders = new List<int[]>();
        foreach (var point in grid)
        {
            var roll = random.Next(3);
            (roll == 0 ? members : roll == 1 ? outsiders : []).Add(point);
        }

        // Act
        var cover = Regions.Cover(sizes, members, outsiders);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(members.All(m => cover.Any(c => Regions.Contains(c.Box, m))), Is.True, "a member is not covered");
            Assert.That(outsiders.Any(o => cover.Any(c => Regions.Contains(c.Box, o))), Is.False, "an outsider lies in a box");
            Assert.That(cover.Sum(c => c.Covered.Count), Is.GreaterThanOrEqualTo(members.Count));
        }
    }

    [Test]
    public void Cover_SetThatIsOneBox_IsDescribedByThatBoxAlone()
    {
        int[] sizes = [3, 3];
        var grid = Regions.Points([.. sizes.Select(s => Enumerable.Repeat(true, s).ToArray())]).ToList();
        var members = grid.Where(p => p[0] == 1).ToList();
        var outsiders = grid.Where(p => p[0] != 1).ToList();

        var cover = Regions.Cover(sizes, members, outsiders);

        var box = cover.Single().Box;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(box[0], Is.EqualTo(new[] { false, true, false }));
            Assert.That(box[1], Is.EqualTo(new[] { true, true, true }), "the second axis does not matter and is left free");
        }
    }

    [Test]
    public void Cover_UnobservedPoints_AreTakenInToKeepTheDescriptionShort()
    {
        int[] sizes = [2, 4];
        int[][] members = [[0, 0], [0, 2]];
        int[][] outsiders = [[1, 1]];

        var cover = Regions.Cover(sizes, members, outsiders);

        var box = cover.Single().Box;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(box[0], Is.EqualTo(new[] { true, false }));
            Assert.That(box[1], Is.EqualTo(new[] { true, true, true, true }), "values 1 and 3 were never observed, so the axis is left free");
        }
    }

    [Test]
    public void Points_EveryPointOfTheBoxAxisZeroSlowest()
    {
        bool[][] box = [[true, false, true], [false, true, true]];

        Assert.That(Regions.Points(box), Is.EqualTo(new[] { new[] { 0, 1 }, [0, 2], [2, 1], [2, 2] }));
    }

    [Test]
    public void Points_AnAxisWithNoValue_None()
    {
        Assert.That(Regions.Points([[true, true], [false, false]]), Is.Empty);
    }
}
