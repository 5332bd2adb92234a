namespace DetainerRules.Analysis.Comparison;

/// <summary>Each compared case's group, one after another, each held in as few bytes as the number of groups allows.</summary>
/// <remarks>
/// A comparison over the space stores one group per case, and there are tens of millions of cases but
/// rarely more than a few hundred groups: a byte a case until the 257th group, two bytes until the
/// 65,537th, then four. Widening copies what is held so far, which happens at most twice.
/// </remarks>
internal sealed class GroupColumn
{
    private byte[]? _bytes;
    private ushort[]? _shorts;
    private int[]? _ints;

    /// <param name="capacity">How many cases will be added, when known; the column grows by doubling otherwise.</param>
    public GroupColumn(int capacity = 0) => _bytes = new byte[Math.Max(capacity, 4)];

    /// <summary>How many cases were added.</summary>
    public int Count { get; private set; }

    public int this[int index] => _bytes is not null ? _bytes[index] : _shorts is not null ? _shorts[index] : _ints![index];

    public void Add(int group)
    {
        if (Count == Capacity)
        {
            Resize(Capacity * 2);
        }

        if (_bytes is not null)
        {
            if (group <= byte.MaxValue)
            {
                _bytes[Count++] = (byte)group;
                return;
            }

            _shorts = [.. _bytes.Select(b => (ushort)b)];
            _bytes = null;
        }

        if (_shorts is not null)
        {
            if (group <= ushort.MaxValue)
            {
                _shorts[Count++] = (ushort)group;
                return;
            }

            _ints = [.. _shorts.Select(s => (int)s)];
            _shorts = null;
        }

        _ints![Count++] = group;
    }

    private int Capacity => _bytes?.Length ?? _shorts?.Length ?? _ints!.Length;

    private void Resize(int capacity)
    {
        if (_bytes is not null)
        {
            Array.Resize(ref _bytes, capacity);
        }
        else if (_shorts is not null)
        {
            Array.Resize(ref _shorts, capacity);
        }
        else
        {
            Array.Resize(ref _ints, capacity);
        }
    }
}
