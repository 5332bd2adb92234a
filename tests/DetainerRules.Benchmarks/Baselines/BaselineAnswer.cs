using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>When ICE is told, as a set of flags, so that a baseline's answer is a plain value.</summary>
[Flags]
public enum NotifyPoints : byte
{
    None = 0,
    Booking = 1,
    Release = 2,
}

/// <summary>
/// What a baseline answers for one scenario: the modality of each of the eight decisions, the
/// notification points of <c>notify_ice</c>, and the hold limit of <c>delay_release</c> in words.
/// </summary>
/// <remarks>
/// The same reduction of a <see cref="Verdict"/> as <see cref="From"/> makes, so that two answers compare
/// with <c>==</c>. <see cref="NotifyAt"/> and <see cref="HoldLimit"/> are whatever the deciding claims
/// carry, whatever the value (as the engine's <c>Decision.Effect</c> does).
/// </remarks>
public readonly record struct BaselineAnswer(
    Modality NotifyIce,
    NotifyPoints NotifyAt,
    Modality DelayRelease,
    string? HoldLimit,
    Modality ReleaseIfIceAbsent,
    Modality TransferToIce,
    Modality IceJailAccess,
    Modality AskImmigrationStatus,
    Modality ShareCriminalIntelligence,
    Modality AssistCivilEnforcement)
{
    public Modality this[DecisionKind kind] => kind switch
    {
        DecisionKind.NotifyIce => NotifyIce,
        DecisionKind.DelayRelease => DelayRelease,
        DecisionKind.ReleaseIfIceAbsent => ReleaseIfIceAbsent,
        DecisionKind.TransferToIce => TransferToIce,
        DecisionKind.IceJailAccess => IceJailAccess,
        DecisionKind.AskImmigrationStatus => AskImmigrationStatus,
        DecisionKind.ShareCriminalIntelligence => ShareCriminalIntelligence,
        DecisionKind.AssistCivilEnforcement => AssistCivilEnforcement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The engine's verdict reduced to a baseline answer.</summary>
    public static BaselineAnswer From(Verdict verdict)
    {
        var notify = verdict[DecisionKind.NotifyIce];
        var delay = verdict[DecisionKind.DelayRelease];
        return new BaselineAnswer(
            notify.Value,
            Points(notify.Effect.At),
            delay.Value,
            delay.Effect.Limit?.Text,
            verdict[DecisionKind.ReleaseIfIceAbsent].Value,
            verdict[DecisionKind.TransferToIce].Value,
            verdict[DecisionKind.IceJailAccess].Value,
            verdict[DecisionKind.AskImmigrationStatus].Value,
            verdict[DecisionKind.ShareCriminalIntelligence].Value,
            verdict[DecisionKind.AssistCivilEnforcement].Value);
    }

    public static NotifyPoints Points(IEnumerable<NotificationPoint> at) =>
        at.Aggregate(NotifyPoints.None, (p, point) => p | (point == NotificationPoint.Booking ? NotifyPoints.Booking : NotifyPoints.Release));

    /// <summary>Each decision in words: <c>notify_ice: required (booking, release)</c>.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            var detail = kind switch
            {
                DecisionKind.NotifyIce when NotifyAt != NotifyPoints.None => $" ({Words(NotifyAt)})",
                DecisionKind.DelayRelease when HoldLimit is not null => $" ({HoldLimit})",
                _ => string.Empty,
            };
            yield return $"{Vocabulary.Word(kind)}: {Vocabulary.Word(this[kind])}{detail}";
        }
    }

    /// <summary>The decisions on which <paramref name="other"/> answers differently, each as "mine / theirs".</summary>
    public IEnumerable<string> Differences(BaselineAnswer other) =>
        Lines().Zip(other.Lines()).Where(p => p.First != p.Second).Select(p => $"{p.First}  vs  {p.Second}");

    public override string ToString() => string.Join("; ", Lines());

    private static string Words(NotifyPoints points) =>
        (points & NotifyPoints.Booking, points & NotifyPoints.Release) switch
        {
            (NotifyPoints.Booking, NotifyPoints.Release) => "booking, release",
            (NotifyPoints.Booking, _) => "booking",
            _ => "release",
        };
}
