using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>A look-back on a conviction: <c>within 5 years</c>, counted back from the booking day.</summary>
/// <param name="FromRelease">Count from the release date when the conviction has one, else from the conviction date.</param>
/// <remarks>Inclusive: a conviction exactly <see cref="Years"/> years before the booking day is within.</remarks>
public sealed record WithinYears(int Years, bool FromRelease, SourceSpan Span) : Condition(Span)
{
    public override IEnumerable<Condition> Children => [];

    /// <summary>The calendar the booking day is read in: the policy's jurisdiction's.</summary>
    public Time.JurisdictionTime Time { get; init; } = Model.Time.JurisdictionTime.AsWritten;

    /// <summary>True when <paramref name="date"/> falls within <paramref name="years"/> years before the booking day, inclusive.</summary>
    /// <remarks>A date after the booking day is not a prior event and never counts.</remarks>
    public static bool Covers(DateOnly bookedOn, DateOnly date, int years) => date >= bookedOn.AddYears(-years) && date <= bookedOn;
}
