using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Policies;

/// <summary>A policy's named list of offense categories (<c>offense_lists</c>), each category once, in the order written.</summary>
/// <remarks>
/// The categories are an <see cref="IndexSet"/>, not a framework set: the framework's sets of an enum of this project are
/// compiled when the program first runs them (no ahead-of-time image can hold them), and every policy with an offense
/// list built one at a cold start.
/// </remarks>
public sealed class OffenseCategories
{
    private static readonly OffenseCategory[] All = Enum.GetValues<OffenseCategory>();

    private readonly IndexSet _categories = new(All.Length);
    private readonly OffenseCategory[] _written;

    /// <param name="written">The categories as written; a repeated one is kept at its first place.</param>
    public OffenseCategories(IEnumerable<OffenseCategory> written)
    {
        // One pass, so a reader that reports as it reads is run once.
        foreach (var category in written)
        {
            _categories.Add((int)category);
        }

        _written = _categories.InOrderAdded(All);
    }

    /// <summary>How many categories the list holds.</summary>
    public int Count => _categories.Count;

    /// <summary>Whether <paramref name="category"/> is on the list.</summary>
    public bool Contains(OffenseCategory category) => _categories.Contains((int)category);

    /// <summary>The categories in the order written.</summary>
    public IReadOnlyList<OffenseCategory> Categories => _written;
}
