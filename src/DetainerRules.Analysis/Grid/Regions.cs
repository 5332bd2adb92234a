namespace DetainerRules.Analysis.Grid;

/// <summary>Describes a set of points of a grid as a few boxes: each box picks some values on each axis.</summary>
/// <remarks>
/// Finding the fewest boxes is a logic-minimisation problem (hard in general), so this is greedy:
/// each uncovered point grows into a box as large as stays clear of the outsiders, first by freeing
/// whole axes, then value by value, trying two axis orders; boxes that others make redundant are
/// dropped. Points that are neither members nor outsiders are "don't care": scenarios nobody
/// observed, or combinations of axis values no case can have. A box may take them in, which is
/// what keeps descriptions short.
/// </remarks>
internal static class Regions
{
    /// <param name="sizes">How many values each axis has.</param>
    /// <param name="members">The points to describe.</param>
    /// <param name="outsiders">The points a box must not contain.</param>
    /// <returns>Boxes as <c>box[axis][value]</c>, each with the members it covers, largest first.</returns>
    public static List<(bool[][] Box, List<int[]> Covered)> Cover(int[] sizes, IReadOnlyList<int[]> members, IReadOnlyList<int[]> outsiders)
    {
        var points = members.Concat(outsiders).ToList();
        var index = new PointIndex(sizes, points);
        var inside = new ulong[index.Words];
        for (var i = 0; i < members.Count; i++)
        {
            inside[i >> 6] |= 1UL << (i & 63);
        }

        return [.. Cover(index, points, inside).Select(c => (c.Box, c.Covered.Select(i => points[i]).ToList()))];
    }

    /// <param name="index">Every point that matters: the members and the outsiders.</param>
    /// <param name="points">The same points, by index.</param>
    /// <param name="members">Which of the points to describe; all the others are outsiders.</param>
    /// <returns>Boxes as <c>box[axis][value]</c>, each with the indices of the members it covers, largest first.</returns>
    public static List<(bool[][] Box, IReadOnlyList<int> Covered)> Cover(IBoxIndex index, IReadOnlyList<int[]> points, ulong[] members)
    {
        // Sets of points are bit sets over the index, so "does this box take in an uncovered member"
        // is a few word operations, not a walk over every member: with hundreds of thousands of cases,
        // growing boxes asks it thousands of times.
        var all = index.All();
        var outside = all.Select((word, w) => word & ~members[w]).ToArray();
        var uncovered = (ulong[])members.Clone();
        var sizes = index.Sizes;
        bool Valid(bool[][] box) => !index.Any(box, outside);
        bool AddsSomething(bool[][] box) => index.Any(box, uncovered);
        long Covers(bool[][] box) => index.CountIn(box, uncovered);

        var natural = Enumerable.Range(0, sizes.Length).ToArray();
        var reversed = natural.Reverse().ToArray();
        var boxes = new List<bool[][]>();
        foreach (var seed in PointIndex.Members(members))
        {
            if ((uncovered[seed >> 6] & (1UL << (seed & 63))) == 0)
            {
                continue;
            }

            var best = new[] { Grow(points[seed], sizes, natural, Valid, AddsSomething), Grow(points[seed], sizes, reversed, Valid, AddsSomething) }
                .OrderByDescending(Covers)
                .ThenBy(Words)
                .First();
            boxes.Add(best);
            index.Remove(best, uncovered);
        }

        // Drop boxes whose members all lie in other boxes, smallest first. A box's members are kept as
        // only the words that hold some, and a box is tested against the others on those words alone:
        // over millions of cases, most words of most boxes are empty.
        var cover = boxes.Select(b => (Box: b, Set: SparseSet.Of(index.In(b, members)))).Select(c => (c.Box, c.Set, c.Set.Count)).ToList();
        foreach (var candidate in cover.OrderBy(c => c.Count).ToList())
        {
            var redundant = true;
            for (var i = 0; i < candidate.Set.Indices.Length && redundant; i++)
            {
                var w = candidate.Set.Indices[i];
                var others = 0UL;
                foreach (var other in cover)
                {
                    if (!ReferenceEquals(other.Box, candidate.Box))
                    {
                        others |= other.Set.At(w);
                    }
                }

                redundant = (candidate.Set.Bits[i] & ~others) == 0;
            }

            if (redundant)
            {
                cover.Remove(candidate);
            }
        }

        return [.. cover.OrderByDescending(c => c.Count).Select(c => (c.Box, (IReadOnlyList<int>)c.Set))];
    }

    /// <summary>How long the box's description is: the values it names on the axes it restricts.</summary>
    private static int Words(bool[][] box) => box.Where(axis => !axis.All(b => b)).Sum(axis => axis.Count(b => b));

    public static bool Contains(bool[][] box, int[] point)
    {
        for (var d = 0; d < point.Length; d++)
        {
            if (!box[d][point[d]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every point of a box, axis 0 varying slowest.</summary>
    public static IEnumerable<int[]> Points(bool[][] box)
    {
        var choices = box.Select(axis => Enumerable.Range(0, axis.Length).Where(v => axis[v]).ToArray()).ToArray();
        if (choices.Any(c => c.Length == 0))
        {
            yield break;
        }

        var index = new int[box.Length];
        while (true)
        {
            yield return [.. index.Select((i, d) => choices[d][i])];
            var d2 = box.Length - 1;
            while (d2 >= 0 && ++index[d2] == choices[d2].Length)
            {
                index[d2] = 0;
                d2--;
            }

            if (d2 < 0)
            {
                yield break;
            }
        }
    }

    /// <param name="valid">Whether a box holds no outsider.</param>
    /// <param name="addsSomething">Whether the box takes in points no earlier box covers; a value that adds none only lengthens the description.</param>
    /// <remarks>
    /// The box grows from a valid box, so a step is valid when the part it adds is: the points the
    /// larger box takes in all lie in the slice of the values added on one axis, the others as before
    /// (a dimension spread over several axes takes in a value only when its coordinate on the grown axis
    /// is one of those added). Asking about that slice instead of the whole box makes each step cost the
    /// slice, not the box, which matters once boxes span millions of cases.
    /// </remarks>
    private static bool[][] Grow(int[] seed, int[] sizes, int[] order, Func<bool[][], bool> valid, Func<bool[][], bool> addsSomething)
    {
        var box = sizes.Select((size, d) => Enumerable.Range(0, size).Select(v => v == seed[d]).ToArray()).ToArray();

        // A seed that shares its coordinates with an outsider (two classes read alike) leaves no valid box
        // to grow from: every larger box is then judged whole, as it always was.
        var bySlice = valid(box);
        bool ValidAfter(int axis, bool[] added)
        {
            if (!bySlice)
            {
                return valid(box);
            }

            var grown = box[axis];
            box[axis] = added;
            var clear = valid(box);
            box[axis] = grown;
            return clear;
        }

        foreach (var d in order)
        {
            var before = box[d];
            box[d] = [.. Enumerable.Repeat(true, sizes[d])];
            if (!ValidAfter(d, [.. before.Select(b => !b)]))
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
                var completes = box[d].All(b => b);
                if ((!completes && !AddsAlong(box, d, v, addsSomething)) || !ValidAfter(d, OneHot(sizes[d], v)))
                {
                    box[d][v] = false;
                }
            }
        }

        return box;
    }

    /// <summary>Whether the slice of the box at <paramref name="value"/> on <paramref name="axis"/> holds points no earlier box covers.</summary>
    private static bool AddsAlong(bool[][] box, int axis, int value, Func<bool[][], bool> addsSomething)
    {
        var grown = box[axis];
        box[axis] = OneHot(grown.Length, value);
        var adds = addsSomething(box);
        box[axis] = grown;
        return adds;
    }

    private static bool[] OneHot(int size, int value)
    {
        var axis = new bool[size];
        axis[value] = true;
        return axis;
    }

    private static long Size(bool[][] box) => box.Aggregate(1L, (p, axis) => p * axis.Count(b => b));
}
