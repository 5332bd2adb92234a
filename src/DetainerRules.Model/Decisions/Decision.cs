using DetainerRules.Model.Policies;

namespace DetainerRules.Model.Decisions;

/// <summary>The resolved answer to one decision for one scenario, with what decided it.</summary>
/// <param name="deciding">The assertions that set the answer; empty when the default applied.</param>
/// <param name="overridden">Assertions of lower priority that lost to the deciding ones.</param>
/// <param name="conflict">Assertions of equal, highest priority that disagree; the value is then unknown.</param>
/// <param name="default">The default that applied, when no rule decided.</param>
public sealed class Decision(
    DecisionEffect effect,
    IReadOnlyList<Assertion> deciding,
    IReadOnlyList<Assertion> overridden,
    IReadOnlyList<Assertion> conflict,
    DefaultDecision? @default)
{
    public DecisionEffect Effect { get; } = effect;
    public DecisionKind Kind => Effect.Decision;
    public Modality Value => Effect.Value;
    public IReadOnlyList<Assertion> Deciding { get; } = deciding;
    public IReadOnlyList<Assertion> Overridden { get; } = overridden;
    public IReadOnlyList<Assertion> Conflict { get; } = conflict;
    public DefaultDecision? Default { get; } = @default;
    public bool IsConflict => Conflict.Count > 0;

    // Every report reads the citations at least twice per decision, and the delegate twin hands out one decision to many scenarios.
    private IReadOnlyList<Citation>? _cites;

    /// <summary>The citations behind this answer, in a stable order without repeats.</summary>
    public IReadOnlyList<Citation> Cites => _cites ??=
        (Default is { } d ? d.Cites : Deciding.SelectMany(a => a.Rule.Cites).Concat(Conflict.SelectMany(a => a.Rule.Cites)))
        .Distinct()
        .ToList();
}
