namespace DetainerRules.Model.Policies;

/// <summary>How well a rule or default is supported by what it cites.</summary>
public static class Support
{
    /// <summary>
    /// The level a rule or default stands at: a judgement when any citation says the reading is ours
    /// (the rule rests on it, whatever else is cited); otherwise the best-checked citation; unstated
    /// when nothing is cited.
    /// </summary>
    /// <remarks>
    /// A supporting report beside a quoted provision does not weaken the rule, so the best citation
    /// counts; but a rule that needed our reading of open text is a judgement call however well
    /// the text itself was read, and readers must see that.
    /// </remarks>
    public static Verification Of(IReadOnlyList<Citation> cites)
    {
        if (cites.Any(c => c.Verified == Verification.Judgement))
        {
            return Verification.Judgement;
        }

        return cites.Count == 0 ? Verification.Unstated : cites.Min(c => c.Verified);
    }
}
