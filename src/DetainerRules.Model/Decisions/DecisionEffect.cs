using DetainerRules.Model.Policies;

namespace DetainerRules.Model.Decisions;

/// <summary>What a rule or a default says about one decision.</summary>
/// <param name="At">For <see cref="DecisionKind.NotifyIce"/>: the points at which ICE is told.</param>
/// <param name="Limit">For <see cref="DecisionKind.DelayRelease"/>: what bounds the hold.</param>
public sealed record DecisionEffect(
    DecisionKind Decision,
    Modality Value,
    IReadOnlyList<NotificationPoint> At,
    HoldLimit? Limit)
{
    public static DecisionEffect Of(DecisionKind decision, Modality value) => new(decision, value, [], null);

    /// <summary>True when two effects can stand together: the same value and the same hold limit.</summary>
    /// <remarks>Notification points are not compared: they add up.</remarks>
    public bool Agrees(DecisionEffect other) =>
        Decision == other.Decision && Value == other.Value && Equals(Limit, other.Limit);
}
