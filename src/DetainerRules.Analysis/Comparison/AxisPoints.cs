namespace DetainerRules.Analysis.Comparison;

/// <summary>Each case's coordinates on a layout's axes, worked out when asked rather than kept for every case.</summary>
internal sealed class AxisPoints(AxisLayout layout, Func<int, int[]> pointOf, int count) : IReadOnlyList<int[]>
{
    public int Count => count;

    public int[] this[int index] => layout.Axes(pointOf(index));

    public IEnumerator<int[]> GetEnumerator() => Enumerable.Range(0, count).Select(i => this[i]).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
