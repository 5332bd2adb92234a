using System.Numerics;

namespace DetainerRules.Analysis.Grid;

/// <summary>A set of grid points indexed by axis value, so "which of them lie in this box" is a few bitwise operations.</summary>
/// <remarks>
/// For each axis and value, a bit set of the points with that value; the points in a box are the
/// AND over axes of the OR over the box's values. Axes a box leaves free are skipped. This keeps
/// region finding fast when a comparison has hundreds of thousands of cases.
/// </remarks>
internal sealed class PointIndex
{
    [ThreadStatic]
    private static List<ulong[]>? _buffers;

    private readonly ulong[][][] _bits;

    public PointIndex(int[] sizes, IReadOnlyList<int[]> points)
    {
        Sizes = sizes;
        Count = points.Count;
        Words = (points.Count + 63) / 64;
        _bits = [.. sizes.Select(size => Enumerable.Range(0, size).Select(_ => new ulong[Words]).ToArray())];
        for (var p = 0; p < points.Count; p++)
        {
            for (var axis = 0; axis < sizes.Length; axis++)
            {
                _bits[axis][points[p][axis]][p >> 6] |= 1UL << (p & 63);
            }
        }
    }

    /// <summary>How many values each axis has.</summary>
    public int[] Sizes { get; }

    public int Count { get; }

    public int Words { get; }

    /// <summary>Every point.</summary>
    public ulong[] All()
    {
        var all = new ulong[Words];
        for (var p = 0; p < Count; p++)
        {
            all[p >> 6] |= 1UL << (p & 63);
        }

        return all;
    }

    /// <summary>The points in the box, restricted to <paramref name="within"/> when given.</summary>
    public ulong[] In(bool[][] box, ulong[]? within = null)
    {
        var result = within is null ? All() : (ulong[])within.Clone();
        var axisMask = new ulong[Words];
        for (var axis = 0; axis < box.Length; axis++)
        {
            if (box[axis].All(b => b))
            {
                continue;
            }

            PointsWith(axis, box[axis], axisMask);
            for (var w = 0; w < Words; w++)
            {
                result[w] &= axisMask[w];
            }
        }

        return result;
    }

    /// <summary>True when some point of <paramref name="within"/> lies in the box; stops at the first.</summary>
    public bool Any(bool[][] box, ulong[] within)
    {
        // One OR mask per axis the box restricts, in buffers reused across calls on this thread.
        var buffers = _buffers ??= [];
        var used = 0;
        for (var axis = 0; axis < box.Length; axis++)
        {
            if (box[axis].All(b => b))
            {
                continue;
            }

            if (used == buffers.Count)
            {
                buffers.Add([]);
            }

            if (buffers[used].Length < Words)
            {
                buffers[used] = new ulong[Words];
            }

            PointsWith(axis, box[axis], buffers[used++]);
        }

        for (var w = 0; w < Words; w++)
        {
            var word = within[w];
            for (var m = 0; m < used && word != 0; m++)
            {
                word &= buffers[m][w];
            }

            if (word != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes into the first <see cref="Words"/> of <paramref name="mask"/> the points whose value on the axis is one the box allows.</summary>
    private void PointsWith(int axis, bool[] allowed, ulong[] mask)
    {
        Array.Clear(mask, 0, Words);
        for (var v = 0; v < allowed.Length; v++)
        {
            if (allowed[v])
            {
                var bits = _bits[axis][v];
                for (var w = 0; w < Words; w++)
                {
                    mask[w] |= bits[w];
                }
            }
        }
    }

    /// <summary>The indices of the points in a set, in order.</summary>
    public static IEnumerable<int> Members(ulong[] set)
    {
        for (var w = 0; w < set.Length; w++)
        {
            var word = set[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return (w << 6) + bit;
                word &= word - 1;
            }
        }
    }
}
