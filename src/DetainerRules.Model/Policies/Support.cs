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

    /// <summary>The level of everything in <paramref name="policy"/> that states an answer: each rule, then each default that <see cref="DefaultDecision.Answers"/>.</summary>
    /// <remarks>
    /// A policy whose law answers a decision whatever the facts (a state that bars no cooperation:
    /// notice is permitted) says so in a default, citing the provision as a rule would; counting
    /// rules alone showed such a policy as resting on nothing. A default of <c>unknown</c> states no
    /// answer, so it is not counted.
    /// </remarks>
    public static IEnumerable<Verification> OfAnswers(Policy policy) =>
        policy.Rules.Select(r => r.Verified).Concat(policy.Defaults.Values.Where(d => d.Answers).Select(d => d.Verified));
}
