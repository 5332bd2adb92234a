namespace DetainerRules.Model.Policies;

/// <summary>How well a rule or default is supported by what it cites.</summary>
public static class Support
{
    /// <summary>
    /// The level a rule or default stands at: that of the weakest citation it rests on (a judgement
    /// whenever any of them is one); citations given only for context do not count; unstated when
    /// nothing it rests on is cited.
    /// </summary>
    /// <remarks>
    /// A rule is no better than the weakest source it needs: a statute known only from a bill digest
    /// stays secondary even when the ICE form it applies to was read in full. A report read only to
    /// corroborate a quoted provision is marked <see cref="CitationRole.Context"/> and leaves the
    /// level alone; the file says which is which, so the level is a claim a reader can check.
    /// </remarks>
    public static Verification Of(IReadOnlyList<Citation> cites)
    {
        // A loop, not a query: every decision of every report asks, and most rest on one or two citations.
        Verification? weakest = null;
        foreach (var cite in cites)
        {
            if (cite.Role == CitationRole.Basis)
            {
                weakest = weakest is { } level && level >= cite.Verified ? level : cite.Verified;
            }
        }

        return weakest ?? Verification.Unstated;
    }
}
