namespace DetainerRules.Model;

/// <summary>A set of an enum's values held by their numbers (0 up to a bound), kept in the order added and listed in either order.</summary>
/// <remarks>
/// Callers convert with <c>(int)value</c> and the set does only arithmetic on numbers: the framework's sets, dictionaries,
/// comparers and queries over an enum of this project are compiled when the program first runs them (no ahead-of-time
/// image can hold them), and sets of decisions and of offense categories are built for every policy loaded. The generic
/// listings only copy out of an array of the enum's values, so their instantiations over this project's enums are
/// compiled ahead of time with the project.
/// </remarks>
public sealed class IndexSet
{
    /// <summary>Each number's place in the order added, plus one; 0 for a number not in the set (so a new array is empty).</summary>
    private readonly int[] _placePlusOne;

    /// <summary>The numbers in the order added; the first <see cref="Count"/> are used.</summary>
    private readonly int[] _added;

    /// <param name="bound">How many values the enum has: the set holds numbers from 0 to one less.</param>
    public IndexSet(int bound)
    {
        _placePlusOne = new int[bound];
        _added = new int[bound];
    }

    /// <summary>How many numbers the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="index"/>; adding it again changes nothing.</summary>
    /// <returns>Whether it was new to the set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below the bound.</exception>
    public bool Add(int index)
    {
        if (PlaceOf(index) >= 0)
        {
            return false;
        }

        _added[Count] = index;
        _placePlusOne[index] = ++Count;
        return true;
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below the bound.</exception>
    public bool Contains(int index) => PlaceOf(index) >= 0;

    /// <summary>Where <paramref name="index"/> was added (0 for the first), or -1 when the set does not hold it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below the bound.</exception>
    public int PlaceOf(int index)
    {
        if ((uint)index >= (uint)_placePlusOne.Length)
        {
            throw OutOfRange(nameof(index), index, _placePlusOne.Length);
        }

        return _placePlusOne[index] - 1;
    }

    /// <summary>The number added at <paramref name="place"/> (0 for the first).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="place"/> is negative or not below <see cref="Count"/>.</exception>
    public int AddedAt(int place) => (uint)place < (uint)Count ? _added[place] : throw OutOfRange(nameof(place), place, Count);

    /// <summary>The values the set holds, in the order of their numbers.</summary>
    /// <param name="values">Every value of the enum, each at its number (<c>Enum.GetValues</c> of an enum numbered from 0).</param>
    public TValue[] InNumberOrder<TValue>(TValue[] values)
    {
        var listed = new TValue[Count];
        var next = 0;
        for (var index = 0; index < _placePlusOne.Length; index++)
        {
            if (_placePlusOne[index] > 0)
            {
                listed[next++] = values[index];
            }
        }

        return listed;
    }

    /// <summary>The values the set holds, in the order they were added.</summary>
    /// <param name="values">Every value of the enum, each at its number (<c>Enum.GetValues</c> of an enum numbered from 0).</param>
    public TValue[] InOrderAdded<TValue>(TValue[] values)
    {
        var listed = new TValue[Count];
        for (var place = 0; place < Count; place++)
        {
            listed[place] = values[_added[place]];
        }

        return listed;
    }

    private static ArgumentOutOfRangeException OutOfRange(string name, int value, int bound) =>
        new(name, value, "must be from 0 to " + (bound - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
