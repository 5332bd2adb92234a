namespace DetainerRules.Model.Decisions;

/// <summary>The points at which ICE is told, as a decision states them: each once, in the order of the points.</summary>
/// <remarks>
/// Marked in an array indexed by the point, not gathered with <c>Distinct().Order()</c>: the framework's queries
/// and sets over an enum are compiled when the program first runs them (no ahead-of-time image can hold them),
/// and every policy's loading and every evaluation reaches this.
/// </remarks>
public sealed class NotificationPoints
{
    private static readonly NotificationPoint[] All = Enum.GetValues<NotificationPoint>();

    private readonly bool[] _marked = new bool[All.Length];

    /// <summary>Marks <paramref name="point"/>; marking it again changes nothing.</summary>
    public void Add(NotificationPoint point) => _marked[(int)point] = true;

    /// <summary>Marks each of <paramref name="points"/>.</summary>
    public void AddAll(IReadOnlyList<NotificationPoint> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            Add(points[i]);
        }
    }

    /// <summary>The points marked, each once, in the order of the points.</summary>
    public NotificationPoint[] InOrder()
    {
        var count = 0;
        foreach (var marked in _marked)
        {
            count += marked ? 1 : 0;
        }

        var points = new NotificationPoint[count];
        count = 0;
        foreach (var point in All)
        {
            if (_marked[(int)point])
            {
                points[count++] = point;
            }
        }

        return points;
    }
}
