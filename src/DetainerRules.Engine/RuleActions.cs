using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using NRules.RuleModel;

namespace DetainerRules.Engine;

/// <summary>The only actions compiled rules perform: record a rule's claims, and settle a decision.</summary>
/// <remarks>
/// Derived facts are linked to the activation that made them, so the engine's truth maintenance
/// retracts them if that activation goes away; nothing accumulates outside the session.
/// </remarks>
internal static class RuleActions
{
    public static void Claim(IContext context, PolicyRule rule)
    {
        foreach (var effect in rule.Then)
        {
            context.InsertLinked(effect.Decision, new Assertion(rule, effect));
        }
    }

    public static void Settle(IContext context, DecisionKind kind, IEnumerable<Assertion> claims, DefaultDecision fallback) =>
        context.InsertLinked(kind, DecisionResolver.Resolve(kind, claims, fallback));
}
