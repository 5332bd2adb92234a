namespace DetainerRules.Analysis.Grid;

/// <summary>Every point of a whole grid, by its position in the order <see cref="Regions.Points"/> walks it (axis 0 slowest), worked out when asked.</summary>
/// <remarks>A comparison over the space has up to millions of cases: their coordinates follow from their positions, so none are stored.</remarks>
internal sealed class GridPoints
{
    private readonly int[] _sizes;

    public GridPoints(int[] sizes)
    {
        _sizes = sizes;
        Count = checked((int)sizes.Aggregate(1L, (p, s) => p * s));
    }

    public int Count { get; }

    /// <summary>Writes the coordinates of the point at <paramref name="position"/> into <paramref name="into"/>.</summary>
    public void At(int position, Span<int> into)
    {
        for (var axis = _sizes.Length - 1; axis >= 0; axis--)
        {
            into[axis] = position % _sizes[axis];
            position /= _sizes[axis];
        }
    }
}
