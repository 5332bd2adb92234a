namespace DetainerRules.Tests.Support;

/// <summary>Other orders of the same items, for tests that answers do not depend on order.</summary>
internal static class Reorder
{
    /// <summary>The items shuffled by <paramref name="seed"/>; turned round when the shuffle left them as they were, so the order always changes (for two items or more).</summary>
    /// <remarks>A shuffle keyed by <c>new Random(seed).Next()</c> per item gives every item the same key and changes nothing; one generator draws a key per item here.</remarks>
    public static List<T> Shuffled<T>(IReadOnlyList<T> items, int seed)
    {
        var random = new Random(seed);
        var order = items.Select(item => (Key: random.Next(), Item: item)).OrderBy(p => p.Key).Select(p => p.Item).ToList();
        if (order.SequenceEqual(items))
        {
            order.Reverse();
        }

        return order;
    }
}
