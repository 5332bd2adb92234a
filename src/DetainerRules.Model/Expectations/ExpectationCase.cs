using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Expectations;

/// <summary>One scenario and what one policy should decide for it, with the reason drawn from the policy's source.</summary>
/// <param name="ScenarioId">The scenario referred to (an id or a path), or the inline scenario's id.</param>
public sealed record ExpectationCase(
    string ScenarioId,
    string Because,
    IReadOnlyList<ExpectedDecision> Decisions,
    Outcome? Outcome,
    SourceSpan Span)
{
    /// <summary>The scenario, when the case writes it out rather than referring to a file.</summary>
    public Scenario? Inline { get; init; }

    /// <summary>The policy the expectations are for.</summary>
    public string PolicyId { get; init; } = string.Empty;

    /// <summary>Where the case's booking is (the case's <c>timezone</c>, else its file's): the zone of a policy that names none (<c>time_zone: local</c>), as <c>--timezone</c> gives it; null when neither says.</summary>
    public Time.JurisdictionTime? Bookings { get; init; }
}
