using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;

namespace DetainerRules.Analysis.Comparison;

/// <summary>The grid a split's regions are drawn on: only the dimensions along which its cases change.</summary>
/// <remarks>
/// <para>
/// Over the whole space every point is a case, each in one split or agreed on. Where a split's
/// membership does not change along a dimension (a layer's three answers read a few dimensions of a
/// space built for many policies; one way of splitting may not care what the charges are), the greedy
/// cover on the whole grid frees that dimension's axes first and never restricts them, takes its seeds
/// in the same order, and counts every box the dimension's size times over: so the same boxes follow
/// from the grid without it, each count multiplied back (the region tests hold the two to the same boxes).
/// Drawing on the smaller grid saves both the index over every case and the cover's walks over it.
/// </para>
/// </remarks>
internal sealed class SplitGrid
{
    private SplitGrid(AxisLayout layout, IBoxIndex index, IReadOnlyList<int[]> points, int[] projection, long multiplicity, Func<int, int[]> pointOf)
    {
        Layout = layout;
        Index = index;
        Points = points;
        Projection = projection;
        Multiplicity = multiplicity;
        PointOf = pointOf;
    }

    public AxisLayout Layout { get; }

    public IBoxIndex Index { get; }

    public IReadOnlyList<int[]> Points { get; }

    /// <summary>For each compared dimension (by position), what one step along it moves a case on this grid: 0 for a dimension left out.</summary>
    public int[] Projection { get; }

    /// <summary>How many cases of the whole space each point of the grid stands for.</summary>
    public long Multiplicity { get; }

    /// <summary>A point of the grid as a point of the space, the dimensions left out at their first value: the first case it stands for.</summary>
    public Func<int, int[]> PointOf { get; }

    /// <summary>For each group of cases, the compared dimensions (by position) along which its membership changes.</summary>
    /// <param name="groupOf">Each case's group, cases in grid order (<see cref="GridPoints"/>).</param>
    public static bool[][] Dependence(GroupColumn groupOf, int groups, int[] sizes)
    {
        var depends = Enumerable.Range(0, groups).Select(_ => new bool[sizes.Length]).ToArray();
        var strides = Strides(sizes);
        var coordinates = new int[sizes.Length];
        var count = sizes.Aggregate(1L, (p, s) => p * s);

        // A group's membership is the same along a dimension when every case is in the group exactly
        // when the case with that dimension at its first value is; a case in another group than that one marks both.
        for (var i = 0; i < count; i++)
        {
            var group = groupOf[i];
            for (var k = 0; k < sizes.Length; k++)
            {
                if (coordinates[k] != 0)
                {
                    var atFirst = groupOf[i - (coordinates[k] * strides[k])];
                    if (group != atFirst)
                    {
                        depends[group][k] = true;
                        depends[atFirst][k] = true;
                    }
                }
            }

            Next(coordinates, sizes);
        }

        return depends;
    }

    /// <param name="dimensions">The compared dimensions, indices into the space.</param>
    /// <param name="depends">Which of them (by position) the split's membership changes along.</param>
    public static SplitGrid Of(ScenarioSpace space, int[] dimensions, bool[] depends)
    {
        var sizes = dimensions.Select(d => space.Dimensions[d].Count).ToArray();
        var kept = Enumerable.Range(0, dimensions.Length).Where(k => depends[k]).ToArray();
        var grid = new GridPoints([.. kept.Select(k => sizes[k])]);
        var layout = new AxisLayout(space, [.. kept.Select(k => dimensions[k])]);

        int[] PointOf(int position)
        {
            var coordinates = new int[kept.Length];
            grid.At(position, coordinates);
            var point = new int[space.Dimensions.Count];
            for (var j = 0; j < kept.Length; j++)
            {
                point[dimensions[kept[j]]] = coordinates[j];
            }

            return point;
        }

        var points = new AxisPoints(layout, PointOf, grid.Count);
        var keptStrides = Strides([.. kept.Select(k => sizes[k])]);
        var projection = new int[dimensions.Length];
        for (var j = 0; j < kept.Length; j++)
        {
            projection[kept[j]] = keptStrides[j];
        }

        var multiplicity = Enumerable.Range(0, dimensions.Length).Where(k => !depends[k]).Aggregate(1L, (m, k) => m * sizes[k]);
        return new SplitGrid(layout, layout.Index(), points, projection, multiplicity, PointOf);
    }

    /// <summary>Marks each group's cases on its grid, all groups in one walk of the cases.</summary>
    /// <param name="groupOf">Each case's group, cases in grid order over <paramref name="sizes"/>.</param>
    /// <param name="wanted">For each group, null or where to mark its cases: a case lands on the sum of its coordinates times the projection.</param>
    /// <remarks>Each case marks its point of the group's grid, so all the splits together cost one visit per case, not one walk of each split's grid.</remarks>
    public static void Mark(GroupColumn groupOf, int[] sizes, (int[] Projection, ulong[] Set)?[] wanted)
    {
        var coordinates = new int[sizes.Length];
        var count = sizes.Aggregate(1L, (p, s) => p * s);
        for (var i = 0; i < count; i++)
        {
            if (wanted[groupOf[i]] is { } target)
            {
                var p = 0;
                for (var k = 0; k < coordinates.Length; k++)
                {
                    p += coordinates[k] * target.Projection[k];
                }

                target.Set[p >> 6] |= 1UL << (p & 63);
            }

            Next(coordinates, sizes);
        }
    }

    /// <summary>What one step along each dimension moves a case, the last dimension varying fastest.</summary>
    public static int[] Strides(int[] sizes)
    {
        var strides = new int[sizes.Length];
        var stride = 1;
        for (var k = sizes.Length - 1; k >= 0; k--)
        {
            strides[k] = stride;
            stride *= sizes[k];
        }

        return strides;
    }

    /// <summary>Moves coordinates to the next case in grid order.</summary>
    private static void Next(int[] coordinates, int[] sizes)
    {
        for (var k = sizes.Length - 1; k >= 0; k--)
        {
            if (++coordinates[k] < sizes[k])
            {
                return;
            }

            coordinates[k] = 0;
        }
    }
}
