using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports.PolicyTables;

/// <summary>One policy's column in a <see cref="PolicyTable"/>: the policy as the user named it, and its verdict, or why it has none.</summary>
/// <param name="Name">The policy or family as named on the command line (or the family id, for <c>--all</c>).</param>
/// <param name="Verdict">The verdict of the version that applies; null when none applies.</param>
/// <param name="NotInForce">Why no version applies on the day asked (no version in force, or more than one may be); null when one does.</param>
public sealed record PolicyColumn(string Name, Verdict? Verdict, string? NotInForce)
{
    /// <summary>A policy that decided the scenario.</summary>
    public static PolicyColumn Decided(string name, Verdict verdict) => new(name, verdict, null);

    /// <summary>A family with no single version in force on the day asked; the table shows the gap instead of stopping.</summary>
    public static PolicyColumn Absent(string name, string reason) => new(name, null, reason);

    /// <summary>The column of one policy: the verdict of the version that applies, or, for a family with no single version in force that day, the reason.</summary>
    /// <param name="pick">The version that applies; throws <see cref="InvalidInputException"/> when none, or more than one, may be in force.</param>
    /// <param name="evaluate">The verdict of that version on the table's scenario.</param>
    public static PolicyColumn Of(string name, Func<Policy> pick, Func<Policy, Verdict> evaluate)
    {
        Policy policy;
        try
        {
            policy = pick();
        }
        catch (InvalidInputException e)
        {
            return Absent(name, string.Join("; ", e.Diagnostics.Select(d => d.Message)));
        }

        return Decided(name, evaluate(policy));
    }

    /// <summary>The name, with the version picked when it differs (<c>lvmpd (lvmpd-2023)</c>).</summary>
    public string Label => Verdict is { } v && v.Policy.Id != Name ? $"{Name} ({v.Policy.Id})" : Name;
}
