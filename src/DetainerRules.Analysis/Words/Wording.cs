namespace DetainerRules.Analysis.Words;

/// <summary>Lists in plain English.</summary>
internal static class Wording
{
    /// <summary><c>a</c>, <c>a or b</c>, <c>a, b or c</c>.</summary>
    public static string Or(IReadOnlyList<string> items) => Join(items, "or");

    public static string And(IReadOnlyList<string> items) => Join(items, "and");

    /// <summary>The chosen members of a vocabulary, or "any ... but" the rest when that is shorter.</summary>
    public static string Choice(IReadOnlyList<string> chosen, IReadOnlyList<string> all, string anything)
    {
        if (chosen.Count == all.Count)
        {
            return anything;
        }

        var rest = all.Where(a => !chosen.Contains(a)).ToList();
        return chosen.Count > 3 && rest.Count < chosen.Count ? $"{anything} but {Or(rest)}" : Or(chosen);
    }

    private static string Join(IReadOnlyList<string> items, string conjunction) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}",
    };
}
