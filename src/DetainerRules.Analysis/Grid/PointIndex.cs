using System.Numerics;

namespace DetainerRules.Analysis.Grid;

/// <summary>A set of grid points indexed by axis value, so "which of them lie in this box" is a few bitwise operations.</summary>
/// <remarks>
/// For each axis and value, a bit set of the points with that value; the points in a box are the
/// AND over axes of the OR over the box's values. Axes a box leaves free are skipped. This keeps
/// region finding fast when a comparison has hundreds of thousands of cases.
/// </remarks>
internal sealed class PointIndex : IBoxIndex
{
    private readonly ulong[][][] _bits;

    public PointIndex(int[] sizes, IReadOnlyList<int[]> points)
    {
        Sizes = sizes;
        Count = points.Count;
        Words = (points.Count + 63) / 64;
        _bits = [.. sizes.Select(size => Enumerable.Range(0, size).Select(_ => new ulong[Words]).ToArray())];
        for (var p = 0; p < points.Count; p++)
        {
            // Once per point: a list may work its points out when asked.
            var point = points[p];
            for (var axis = 0; axis < sizes.Length; axis++)
            {
                _bits[axis][point[axis]][p >> 6] |= 1UL << (p & 63);
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
        var tests = Tests(box);
        for (var w = 0; w < Words; w++)
        {
            result[w] = In(tests, w, result[w]);
        }

        return result;
    }

    public void Remove(bool[][] box, ulong[] set)
    {
        var tests = Tests(box);
        for (var w = 0; w < Words; w++)
        {
            set[w] &= ~In(tests, w, set[w]);
        }
    }

    /// <summary>True when some point of <paramref name="within"/> lies in the box; stops at the first.</summary>
    public bool Any(bool[][] box, ulong[] within)
    {
        var tests = Tests(box);
        for (var w = 0; w < Words; w++)
        {
            if (within[w] != 0 && In(tests, w, within[w]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many points of <paramref name="within"/> lie in the box.</summary>
    public long CountIn(bool[][] box, ulong[] within)
    {
        var tests = Tests(box);
        var count = 0L;
        for (var w = 0; w < Words; w++)
        {
            count += BitOperations.PopCount(In(tests, w, within[w]));
        }

        return count;
    }

    /// <summary>For each axis the box restricts, the bit sets to test a word of points against: those of the values it allows, or (when fewer) of the values it leaves out.</summary>
    /// <remarks>Each point has one value per axis, so "not on a left-out value" is "on an allowed one"; a box that frees most of an axis is then a few words to OR, not dozens.</remarks>
    private List<(ulong[][] Sets, bool Excluded)> Tests(bool[][] box)
    {
        var tests = new List<(ulong[][] Sets, bool Excluded)>();
        for (var axis = 0; axis < box.Length; axis++)
        {
            var allowed = box[axis].Count(b => b);
            if (allowed == box[axis].Length)
            {
                continue;
            }

            var excluded = box[axis].Length - allowed < allowed;
            tests.Add(([.. Enumerable.Range(0, box[axis].Length).Where(v => box[axis][v] != excluded).Select(v => _bits[axis][v])], excluded));
        }

        return tests;
    }

    /// <summary>The points of one word of a set that lie in the box; checked word by word, so a word with no point left costs nothing more.</summary>
    private static ulong In(List<(ulong[][] Sets, bool Excluded)> tests, int w, ulong word)
    {
        for (var t = 0; t < tests.Count && word != 0; t++)
        {
            var (sets, excluded) = tests[t];
            var mask = 0UL;
            for (var v = 0; v < sets.Length; v++)
            {
                mask |= sets[v][w];
            }

            word &= excluded ? ~mask : mask;
        }

        return word;
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
