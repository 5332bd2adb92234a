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
        var claims = assertions
            .Where(a => a.Decision == kind)
            .OrderByDescending(a => a.Rule.Priority)
            .ThenBy(a => a.Rule.Id, StringComparer.Ordinal)
            .ToList();
        if (claims.Count == 0)
        {
            return new Decision(fallback.Effect, [], [], [], fallback);
        }

        var top = claims[0].Rule.Priority;
        var winners = claims.Where(a => a.Rule.Priority == top).ToList();
        var losers = claims.Where(a => a.Rule.Priority != top).ToList();
        if (winners.All(a => a.Effect.Agrees(winners[0].Effect)))
        {
            // Rules that agree may name different notification points: ICE is then told at each of them.
            var at = winners.SelectMany(a => a.Effect.At).Distinct().Order().ToList();
            return new Decision(winners[0].Effect with { At = at }, winners, losers, [], null);
        }

        return new Decision(DecisionEffect.Of(kind, Modality.Unknown), [], losers, winners, null);
    }
}
