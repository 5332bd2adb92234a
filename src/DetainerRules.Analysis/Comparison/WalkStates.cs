namespace DetainerRules.Analysis.Comparison;

/// <summary>The distinct tuples of diagram states at one level of the <see cref="ProductWalk"/>, each with how many prefixes reach it and the first of them.</summary>
/// <remarks>
/// <para>
/// The walk moves every state by every step, tens of millions of moves over the whole catalog, and
/// most moves reach a tuple already held. So the tuples lie end to end in one array (no object per
/// tuple), a move changes only the positions of the policies that read the level, and a tuple's hash
/// is a sum over its positions that a move updates at those positions alone (<see cref="Moved"/>):
/// a move already held costs a probe and one comparison of the tuple, and allocates nothing.
/// </para>
/// <para>The hash decides only where a tuple is looked for; tuples are told apart by their contents.</para>
/// </remarks>
internal sealed class WalkStates
{
    private readonly int _width;
    private int[] _tuples;
    private long[] _cases;
    private long[] _first;
    private int[] _hashes;

    // Open addressing: each slot holds an entry's index plus one, 0 when empty; never more than half full.
    private int[] _slots;

    /// <param name="width">How many policies each tuple holds a state of.</param>
    public WalkStates(int width)
    {
        _width = width;
        _tuples = new int[width * 16];
        _cases = new long[16];
        _first = new long[16];
        _hashes = new int[16];
        _slots = new int[32];
    }

    /// <summary>How many distinct tuples are held.</summary>
    public int Count { get; private set; }

    /// <summary>The hash of a whole tuple: the sum of each position's part (<see cref="Part"/>).</summary>
    public static int HashOf(ReadOnlySpan<int> tuple)
    {
        var hash = 0;
        for (var p = 0; p < tuple.Length; p++)
        {
            hash = unchecked(hash + Part(p, tuple[p]));
        }

        return hash;
    }

    /// <summary>The hash of a tuple after the state at <paramref name="position"/> changes from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int Moved(int hash, int position, int from, int to) => unchecked(hash - Part(position, from) + Part(position, to));

    /// <summary>The tuple at <paramref name="index"/>, in the order first added.</summary>
    public ReadOnlySpan<int> Tuple(int index) => _tuples.AsSpan(index * _width, _width);

    public int Hash(int index) => _hashes[index];

    public long Cases(int index) => _cases[index];

    public long First(int index) => _first[index];

    /// <summary>Adds the prefixes <paramref name="cases"/> reaching <paramref name="tuple"/>, the first at <paramref name="first"/>: summed into the tuple if held, keeping the earlier first.</summary>
    /// <param name="hash">The tuple's hash (<see cref="HashOf"/>, or <see cref="Moved"/> from another's).</param>
    /// <exception cref="OverflowException">The cases are more than a long counts.</exception>
    public void Add(ReadOnlySpan<int> tuple, int hash, long cases, long first)
    {
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot] - 1;
            if (held < 0)
            {
                _slots[slot] = Insert(tuple, hash, cases, first) + 1;
                if (Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return;
            }

            if (_hashes[held] == hash && Tuple(held).SequenceEqual(tuple))
            {
                _cases[held] = checked(_cases[held] + cases);
                _first[held] = Math.Min(_first[held], first);
                return;
            }
        }
    }

    private int Insert(ReadOnlySpan<int> tuple, int hash, long cases, long first)
    {
        if (Count == _cases.Length)
        {
            Array.Resize(ref _tuples, _tuples.Length * 2);
            Array.Resize(ref _cases, _cases.Length * 2);
            Array.Resize(ref _first, _first.Length * 2);
            Array.Resize(ref _hashes, _hashes.Length * 2);
        }

        tuple.CopyTo(_tuples.AsSpan(Count * _width, _width));
        _cases[Count] = cases;
        _first[Count] = first;
        _hashes[Count] = hash;
        return Count++;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = _hashes[i] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>One position's part of a tuple's hash: the state mixed with its position (so equal states at different positions count apart), every bit depending on both, as the low bits pick the slot.</summary>
    private static int Part(int position, int state)
    {
        var x = ((ulong)(uint)position << 32) | (uint)state;
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)(x ^ (x >> 31));
    }
}
