namespace DetainerRules.Analysis.Comparison;

/// <summary>Compares arrays of ints by their contents, so a tuple of states or of children can key a dictionary.</summary>
internal sealed class TupleComparer : IEqualityComparer<int[]>
{
    public static TupleComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
