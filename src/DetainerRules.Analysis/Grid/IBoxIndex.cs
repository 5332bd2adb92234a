namespace DetainerRules.Analysis.Grid;

/// <summary>A set of points, numbered from 0, that can say which of them lie in a box of axis values; sets of points are bit sets over the numbers.</summary>
/// <remarks>The greedy cover (<see cref="Regions"/>) asks only these questions, so it draws the same boxes whichever index answers them.</remarks>
internal interface IBoxIndex
{
    /// <summary>How many values each axis has.</summary>
    int[] Sizes { get; }

    /// <summary>How many words a bit set over the points takes.</summary>
    int Words { get; }

    /// <summary>Every point.</summary>
    ulong[] All();

    /// <summary>The points in the box, restricted to <paramref name="within"/> when given.</summary>
    ulong[] In(bool[][] box, ulong[]? within = null);

    /// <summary>Takes the points in the box out of <paramref name="set"/>, in place.</summary>
    void Remove(bool[][] box, ulong[] set);

    /// <summary>True when some point of <paramref name="within"/> lies in the box.</summary>
    bool Any(bool[][] box, ulong[] within);

    /// <summary>How many points of <paramref name="within"/> lie in the box.</summary>
    long CountIn(bool[][] box, ulong[] within);
}
