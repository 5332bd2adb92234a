using System.Numerics;

namespace DetainerRules.Analysis.Grid;

/// <summary>A bit set kept as only its non-zero words, each with its position: a region's cases among millions fill few words.</summary>
/// <remarks>As a list it is the set bits in order, worked out when asked: a region's report needs only how many and the first, not millions of numbers.</remarks>
internal sealed class SparseSet : IReadOnlyList<int>
{
    private SparseSet(int[] indices, ulong[] bits, int count)
    {
        Indices = indices;
        Bits = bits;
        Count = count;
    }

    /// <summary>The positions of the non-zero words, ascending.</summary>
    public int[] Indices { get; }

    /// <summary>The non-zero words, in the same order.</summary>
    public ulong[] Bits { get; }

    /// <summary>How many bits are set.</summary>
    public int Count { get; }

    /// <summary>The <paramref name="index"/>th set bit; found by walking, so meant for the first few.</summary>
    public int this[int index] => Members().ElementAt(index);

    public static SparseSet Of(ulong[] set)
    {
        var indices = new List<int>();
        var bits = new List<ulong>();
        var count = 0;
        for (var w = 0; w < set.Length; w++)
        {
            if (set[w] != 0)
            {
                indices.Add(w);
                bits.Add(set[w]);
                count += BitOperations.PopCount(set[w]);
            }
        }

        return new SparseSet([.. indices], [.. bits], count);
    }

    /// <summary>The word at position <paramref name="w"/>; 0 where none is kept.</summary>
    public ulong At(int w)
    {
        var i = Array.BinarySearch(Indices, w);
        return i >= 0 ? Bits[i] : 0;
    }

    /// <summary>The set bits, in order.</summary>
    public IEnumerator<int> GetEnumerator() => Members().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<int> Members()
    {
        for (var i = 0; i < Indices.Length; i++)
        {
            var word = Bits[i];
            while (word != 0)
            {
                yield return (Indices[i] << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
