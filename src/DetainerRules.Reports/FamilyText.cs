using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>A policy family as a timeline: each version with its dates, title and what it amended.</summary>
public static class FamilyText
{
    /// <param name="versions">The family's versions, oldest first.</param>
    /// <param name="day">The day asked about, when one was.</param>
    /// <param name="onDay">The version shown after the timeline (the one in force on <paramref name="day"/>, or the one named), which is marked.</param>
    public static void Write(TextWriter w, string family, IReadOnlyList<Policy> versions, DateOnly? day = null, Policy? onDay = null)
    {
        w.WriteLine($"Family {family}: {versions.Count} version{(versions.Count == 1 ? string.Empty : "s")}");
        var width = versions.Max(v => v.Id.Length);
        foreach (var version in versions)
        {
            var mark = !ReferenceEquals(version, onDay) ? string.Empty : day is { } d ? $"  <- in force on {d:yyyy-MM-dd}" : "  <- shown below";
            w.WriteLine($"  {version.Id.PadRight(width)}  {version.EffectiveFrom?.ToString() ?? "(start not given)"} to {version.EffectiveUntil?.ToString() ?? "now"}: {version.Title}{mark}");
            if (version.Lineage.Count > 1 && version.Amendments.TryGetValue(version.Id, out var amendment))
            {
                w.WriteLine($"  {new string(' ', width)}  amends {version.Lineage[^2]}: {OneLine(amendment)}");
            }
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
