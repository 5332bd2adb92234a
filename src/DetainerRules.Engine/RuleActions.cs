using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using NRules.RuleModel;

namespace DetainerRules.Engine;

/// <summary>The only actions compiled rules perform: record a rule's claims, and settle a decision.</summary>
/// <remarks>
/// Claims go to the evaluation's <see cref="Ledger"/>, not into the session as facts: collecting
/// them back out of the network took an aggregate per decision, most of an evaluation's cost. A
/// settled decision that another rule reads becomes a fact, linked to the activation that settled
/// it, so the engine's truth maintenance retracts it with the evaluation's facts.
/// </remarks>
internal static class RuleActions
{
    public static void Claim(Ledger ledger, PolicyRule rule) => ledger.Claim(rule);

    public static void Settle(Ledger ledger, DecisionKind kind, DefaultDecision fallback) => ledger.Settle(kind, fallback);

    public static void SettleRead(IContext context, Ledger ledger, DecisionKind kind, DefaultDecision fallback) =>
        context.InsertLinked(kind, ledger.Settle(kind, fallback));
}
