using System.Numerics;

namespace DetainerRules.Analysis.Grid;

/// <summary>Every point of a whole grid of dimensions, numbered as <see cref="GridPoints"/> numbers them, answering box questions from the grid's shape rather than from stored bit sets.</summary>
/// <remarks>
/// <para>
/// A <see cref="PointIndex"/> keeps a bit set per axis value, which over millions of cases costs
/// (axis values × cases) bits to build and hold. On a whole grid the points in a box follow from the
/// box itself: a point is in it when each of its dimension values is, so the points in a box are a
/// product. The last dimensions form a block of at least 64 points whose pattern (which of its points
/// the box allows) is worked out once per question; the box's values on the other dimensions pick the
/// blocks to test, each a few word operations. A question costs the blocks the box reaches, not every
/// word of the set, and nothing is stored per axis value.
/// </para>
/// <para>A dimension may span several axes (charges, convictions); its value is in a box when its coordinate on each of its axes is.</para>
/// </remarks>
internal sealed class GridIndex : IBoxIndex
{
    private readonly int[] _dimensionSizes;
    private readonly int[][][] _valueAxes;
    private readonly int[] _axisOffsets;
    private readonly int[] _strides;
    private readonly int _blockFrom;
    private readonly int _block;

    /// <param name="axisSizes">How many values each axis has.</param>
    /// <param name="valueAxes">For each dimension and each of its values, its coordinates on the dimension's axes.</param>
    /// <param name="axisOffsets">For each dimension, its first axis.</param>
    public GridIndex(int[] axisSizes, int[][][] valueAxes, int[] axisOffsets)
    {
        Sizes = axisSizes;
        _valueAxes = valueAxes;
        _axisOffsets = axisOffsets;
        _dimensionSizes = [.. valueAxes.Select(v => v.Length)];
        _strides = new int[_dimensionSizes.Length];
        var stride = 1L;
        _blockFrom = _dimensionSizes.Length;
        for (var d = _dimensionSizes.Length - 1; d >= 0; d--)
        {
            _strides[d] = checked((int)stride);
            if (stride < 64)
            {
                _blockFrom = d;
            }

            stride *= _dimensionSizes[d];
        }

        Count = checked((int)stride);
        _block = _blockFrom == _dimensionSizes.Length ? 1 : _strides[_blockFrom] * _dimensionSizes[_blockFrom];
        Words = (Count + 63) / 64;
    }

    /// <summary>A grid whose every dimension is one axis.</summary>
    public static GridIndex Plain(int[] sizes) =>
        new(sizes, [.. sizes.Select(size => Enumerable.Range(0, size).Select(v => new[] { v }).ToArray())], [.. Enumerable.Range(0, sizes.Length)]);

    public int[] Sizes { get; }

    /// <summary>How many points the grid has.</summary>
    public int Count { get; }

    public int Words { get; }

    public ulong[] All()
    {
        var all = new ulong[Words];
        Array.Fill(all, ulong.MaxValue);
        if (Count % 64 != 0)
        {
            all[^1] = (1UL << (Count % 64)) - 1;
        }

        return all;
    }

    public ulong[] In(bool[][] box, ulong[]? within = null)
    {
        var result = new ulong[Words];
        within ??= All();
        Walk(box, (start, pattern, words) =>
        {
            foreach (var c in words)
            {
                Write(result, start + (c * 64), Read(within, start + (c * 64)) & pattern[c]);
            }

            return false;
        });
        return result;
    }

    /// <remarks>The blocks a box reaches do not overlap, so clearing one block's points leaves what the next reads as it was.</remarks>
    public void Remove(bool[][] box, ulong[] set) => Walk(box, (start, pattern, words) =>
    {
        foreach (var c in words)
        {
            Clear(set, start + (c * 64), Read(set, start + (c * 64)) & pattern[c]);
        }

        return false;
    });

    public bool Any(bool[][] box, ulong[] within) => Walk(box, (start, pattern, words) =>
    {
        foreach (var c in words)
        {
            if ((Read(within, start + (c * 64)) & pattern[c]) != 0)
            {
                return true;
            }
        }

        return false;
    });

    public long CountIn(bool[][] box, ulong[] within)
    {
        var count = 0L;
        Walk(box, (start, pattern, words) =>
        {
            foreach (var c in words)
            {
                count += BitOperations.PopCount(Read(within, start + (c * 64)) & pattern[c]);
            }

            return false;
        });
        return count;
    }

    /// <summary>Calls <paramref name="visit"/> with the first point of every block the box reaches, the block's pattern, and which of its words hold some point; stops when it returns true.</summary>
    /// <returns>Whether a visit returned true.</returns>
    /// <remarks>A box narrow on the block's dimensions (one detainer of 27, say) leaves most of the pattern's words empty: a visit reads only the others.</remarks>
    private bool Walk(bool[][] box, Func<int, ulong[], int[], bool> visit)
    {
        var allowed = new int[_dimensionSizes.Length][];
        var values = new int[_dimensionSizes.Length == 0 ? 0 : _dimensionSizes.Max()];
        for (var d = 0; d < allowed.Length; d++)
        {
            var count = 0;
            for (var v = 0; v < _dimensionSizes[d]; v++)
            {
                if (Allows(box, d, v))
                {
                    values[count++] = v;
                }
            }

            if (count == 0)
            {
                return false;
            }

            allowed[d] = values[..count];
        }

        var pattern = Pattern(allowed);
        var words = Enumerable.Range(0, pattern.Length).Where(c => pattern[c] != 0).ToArray();
        var picks = new int[_blockFrom];
        while (true)
        {
            var start = 0;
            for (var d = 0; d < _blockFrom; d++)
            {
                start += allowed[d][picks[d]] * _strides[d];
            }

            if (visit(start, pattern, words))
            {
                return true;
            }

            var next = _blockFrom - 1;
            while (next >= 0 && ++picks[next] == allowed[next].Length)
            {
                picks[next] = 0;
                next--;
            }

            if (next < 0)
            {
                return false;
            }
        }
    }

    /// <summary>Which points of a block (the dimensions from <see cref="_blockFrom"/> on) the box allows, as a bit set from the block's first point.</summary>
    /// <remarks>Only the allowed points are visited: a box grown from one case allows few.</remarks>
    private ulong[] Pattern(int[][] allowed)
    {
        var pattern = new ulong[(_block + 63) / 64];
        var picks = new int[allowed.Length];
        while (true)
        {
            var p = 0;
            for (var d = _blockFrom; d < allowed.Length; d++)
            {
                p += allowed[d][picks[d]] * _strides[d];
            }

            pattern[p >> 6] |= 1UL << (p & 63);
            var next = allowed.Length - 1;
            while (next >= _blockFrom && ++picks[next] == allowed[next].Length)
            {
                picks[next] = 0;
                next--;
            }

            if (next < _blockFrom)
            {
                return pattern;
            }
        }
    }

    private bool Allows(bool[][] box, int dimension, int value)
    {
        var axes = _valueAxes[dimension][value];
        for (var a = 0; a < axes.Length; a++)
        {
            if (!box[_axisOffsets[dimension] + a][axes[a]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 64 bits of a set from bit <paramref name="at"/> on; bits past the end read as 0.</summary>
    private static ulong Read(ulong[] set, int at)
    {
        var word = at >> 6;
        var shift = at & 63;
        if (word >= set.Length)
        {
            return 0;
        }

        var bits = set[word] >> shift;
        if (shift != 0 && word + 1 < set.Length)
        {
            bits |= set[word + 1] << (64 - shift);
        }

        return bits;
    }

    /// <summary>Clears the given bits of the 64 from bit <paramref name="at"/> on; bits past the end must be 0.</summary>
    private static void Clear(ulong[] set, int at, ulong bits)
    {
        if (bits == 0)
        {
            return;
        }

        var word = at >> 6;
        var shift = at & 63;
        set[word] &= ~(bits << shift);
        if (shift != 0 && (bits >> (64 - shift)) != 0)
        {
            set[word + 1] &= ~(bits >> (64 - shift));
        }
    }

    /// <summary>Sets the 64 bits of a set from bit <paramref name="at"/> on (ORed in); bits past the end must be 0.</summary>
    private static void Write(ulong[] set, int at, ulong bits)
    {
        if (bits == 0)
        {
            return;
        }

        var word = at >> 6;
        var shift = at & 63;
        set[word] |= bits << shift;
        if (shift != 0 && (bits >> (64 - shift)) != 0)
        {
            set[word + 1] |= bits >> (64 - shift);
        }
    }
}
