using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Time;

namespace DetainerRules.Model.Policies;

/// <summary>A validated, type-checked policy, ready to compile.</summary>
public sealed record Policy(
    string Id,
    string Title,
    string Jurisdiction,
    LegalDate? EffectiveFrom,
    LegalDate? EffectiveUntil,
    string? Summary,
    IReadOnlyList<Source> Sources,
    DecisionDictionary<DefaultDecision> Defaults,
    IReadOnlyList<PolicyRule> Rules,
    IReadOnlyList<string> OpenQuestions,
    SourceSpan Span)
{
    /// <summary>The jurisdiction's calendar and clock: booking days, look-backs, hold clocks and versions are judged in it.</summary>
    public JurisdictionTime Time { get; init; } = JurisdictionTime.AsWritten;

    /// <summary>The postal code of the state (or district or territory) whose law or agency this is; <c>US</c> for federal policy; null when not said.</summary>
    public string? State { get; init; }

    /// <summary>The name shared by successive versions of one agency's policy (e.g. <c>lvmpd</c>); null for a stand-alone policy.</summary>
    public string? Family { get; init; }

    /// <summary>Why this layer holds no rules of its own and answers <c>unknown</c> throughout (an agency that publishes no policy, an authority with no version in force on the day); null for a policy read from a file.</summary>
    public string? Absent { get; init; }

    /// <summary>Ids of the higher authorities (state law, county ordinance) this policy sits under; their forbidden and required answers prevail.</summary>
    public IReadOnlyList<string> BoundBy { get; init; } = [];

    /// <summary>Where each entry of <see cref="BoundBy"/> is written, in the same order, so a problem with an authority points at its entry.</summary>
    public IReadOnlyList<SourceSpan> BoundBySpans { get; init; } = [];

    /// <summary>The files the policy was read from, in the order of <see cref="Lineage"/>: the root of its chain of variants first, its own file last.</summary>
    public IReadOnlyList<PolicyFile> Files { get; init; } = [];

    /// <summary>The chain of policies this one is built from, the root first and this policy last.</summary>
    public IReadOnlyList<string> Lineage { get; init; } = [];

    /// <summary>What each variant in the chain changed, in its own words, by policy id.</summary>
    public IReadOnlyDictionary<string, string> Amendments { get; init; } = new Dictionary<string, string>();

    /// <summary>Entries variants in the chain took out of their bases' lists, for checking the reasons inherited rules give.</summary>
    public IReadOnlyList<ListRemoval> Removals { get; init; } = [];

    /// <summary>Named conditions as written, by name, after merging the chain.</summary>
    public IReadOnlyDictionary<string, string> NamedConditions { get; init; } = new Dictionary<string, string>();

    /// <summary>Named offense lists, by name, after merging the chain.</summary>
    public IReadOnlyDictionary<string, OffenseCategories> OffenseLists { get; init; } = new Dictionary<string, OffenseCategories>();

    /// <summary>Hold limits, by name, after merging the chain.</summary>
    public IReadOnlyDictionary<string, HoldLimit> Limits { get; init; } = new Dictionary<string, HoldLimit>();

    /// <summary>Which policy in the chain defined each named part, keyed <c>section:name</c> (e.g. <c>conditions:notifiable_charge</c>, <c>defaults:notify_ice</c>).</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>();

    /// <summary>The amendment that introduced a rule, when the rule came from a variant in the chain.</summary>
    public string? AmendmentFor(PolicyRule rule) =>
        rule.Origin is { } origin && Amendments.TryGetValue(origin, out var text) ? text : null;

    /// <summary>True when the policy may have been in force on <paramref name="day"/>, given how precisely its dates are known.</summary>
    public bool MayBeInForceOn(DateOnly day) =>
        (EffectiveFrom is not { } from || from.Earliest <= day) && (EffectiveUntil is not { } until || day <= until.Latest);

    /// <summary>The policy as it applies to bookings in <paramref name="bookings"/> (<c>--timezone</c>): a policy that names no zone (<c>local</c>, or a draft) judges its days there, look-backs and hold clocks included; any other policy, or a null zone, is itself.</summary>
    /// <remarks>Rules without a look-back are shared with this policy, not copied.</remarks>
    public Policy ForBookingsIn(JurisdictionTime? bookings)
    {
        var time = Time.ForBookingsIn(bookings);
        return ReferenceEquals(time, Time) ? this : this with
        {
            Time = time,
            Rules = [.. Rules.Select(r => ConditionCalendar.In(r.When, time) is var when && ReferenceEquals(when, r.When) ? r : r with { When = when })],
        };
    }

    /// <summary>True when the policy may have been in force on the day of a booking at <paramref name="bookedAt"/>, the day judged in the policy's own zone.</summary>
    public bool MayBeInForceAt(DateTimeOffset bookedAt) => Time.HoldsOnDayOf(bookedAt, MayBeInForceOn);
}
