namespace DetainerRules.Analysis.Space;

/// <summary>Groups values by the answers they give to a list of tests.</summary>
internal static class Partition
{
    /// <summary>Classes of indices into <paramref name="count"/> values, in the order each class is first met; values with equal signatures share a class.</summary>
    public static List<List<int>> By(int count, Func<int, bool[]> signature)
    {
        var classes = new List<List<int>>();
        var bySignature = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = Key(signature(i));
            if (!bySignature.TryGetValue(key, out var index))
            {
                index = classes.Count;
                bySignature[key] = index;
                classes.Add([]);
            }

            classes[index].Add(i);
        }

        return classes;
    }

    public static string Key(bool[] bits) => string.Create(bits.Length, bits, (span, b) =>
    {
        for (var i = 0; i < b.Length; i++)
        {
            span[i] = b[i] ? '1' : '0';
        }
    });
}
