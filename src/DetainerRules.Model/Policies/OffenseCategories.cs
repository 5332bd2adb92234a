using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Policies;

/// <summary>A policy's named list of offense categories (<c>offense_lists</c>), each category once, in the order written.</summary>
/// <remarks>
/// Each category's place is held in an array indexed by the category, not in a set: the framework's sets of an enum of
/// this project are compiled when the program first runs them (no ahead-of-time image can hold them), and every policy
/// with an offense list built one at a cold start.
/// </remarks>
public sealed class OffenseCategories
{
    private static readonly int CategoryCount = Enum.GetValues<OffenseCategory>().Length;

    private readonly OffenseCategory[] _written;
    private readonly bool[] _contains;

    /// <param name="written">The categories as written; a repeated one is kept at its first place.</param>
    public OffenseCategories(IEnumerable<OffenseCategory> written)
    {
        // Each category's place in the order written, -1 for none: one pass, so a reader that reports as it reads
        // is run once.
        var place = new int[CategoryCount];
        for (var i = 0; i < CategoryCount; i++)
        {
            place[i] = -1;
        }

        foreach (var category in written)
        {
            if (place[(int)category] < 0)
            {
                place[(int)category] = Count++;
            }
        }

        _written = new OffenseCategory[Count];
        _contains = new bool[CategoryCount];
        for (var i = 0; i < CategoryCount; i++)
        {
            if (place[i] >= 0)
            {
                _written[place[i]] = (OffenseCategory)i;
                _contains[i] = true;
            }
        }
    }

    /// <summary>How many categories the list holds.</summary>
    public int Count { get; }

    /// <summary>Whether <paramref name="category"/> is on the list.</summary>
    public bool Contains(OffenseCategory category) => _contains[(int)category];

    /// <summary>The categories in the order written.</summary>
    public IReadOnlyList<OffenseCategory> Categories => _written;
}
