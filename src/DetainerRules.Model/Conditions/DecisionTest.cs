using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>A test of a decision other rules have taken (<c>decision.notify_ice = required</c>).</summary>
/// <param name="Values">The decision holds one of these; <paramref name="Negated"/> inverts that.</param>
public sealed record DecisionTest(DecisionKind Decision, IReadOnlyList<Modality> Values, bool Negated, SourceSpan Span)
    : Condition(Span)
{
    public override IEnumerable<Condition> Children => [];
}
