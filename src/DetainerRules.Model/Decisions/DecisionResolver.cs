using DetainerRules.Model.Policies;

namespace DetainerRules.Model.Decisions;

/// <summary>Turns the claims rules made about one decision into one answer.</summary>
/// <remarks>
/// The answer depends only on the set of claims, never on the order rules fired in: the highest
/// priority wins, equal priorities must agree (on the value and any hold limit), and a
/// disagreement is reported as a conflict.
/// </remarks>
public static class DecisionResolver
{
    public static Decision Resolve(DecisionKind kind, IEnumerable<Assertion> assertions, DefaultDecision fallback)
    {
        // Most decisions of most scenarios have no claim: those are answered without building anything.
        List<Assertion>? claims = null;
        if (assertions is IReadOnlyList<Assertion> list)
        {
            // Indexed, so the engine's per-scenario list is not wrapped in an enumerator object each time.
            for (var i = 0; i < list.Count; i++)
            {
                Keep(list[i]);
            }
        }
        else
        {
            foreach (var assertion in assertions)
            {
                Keep(assertion);
            }
        }

        void Keep(Assertion assertion)
        {
            if (assertion.Decision == kind)
            {
                (claims ??= []).Add(assertion);
            }
        }

        if (claims is null)
        {
            return new Decision(fallback.Effect, [], [], [], fallback);
        }

        // Highest priority first, then by rule id: a rule claims a decision once, so no two claims tie.
        claims.Sort(ByPriorityThenRule);
        var top = claims[0].Rule.Priority;
        var split = claims.FindIndex(a => a.Rule.Priority != top);
        var winners = split < 0 ? claims : claims.GetRange(0, split);
        IReadOnlyList<Assertion> losers = split < 0 ? [] : claims.GetRange(split, claims.Count - split);
        var first = winners[0].Effect;
        if (winners.TrueForAll(a => a.Effect.Agrees(first)))
        {
            // Rules that agree may name different notification points: ICE is then told at each of them.
            var at = new NotificationPoints();
            foreach (var winner in winners)
            {
                at.AddAll(winner.Effect.At);
            }

            return new Decision(first with { At = at.InOrder() }, winners, losers, [], null);
        }

        return new Decision(DecisionEffect.Of(kind, Modality.Unknown), [], losers, winners, null);
    }

    private static int ByPriorityThenRule(Assertion a, Assertion b)
    {
        var priority = b.Rule.Priority.CompareTo(a.Rule.Priority);
        return priority != 0 ? priority : string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
    }
}
