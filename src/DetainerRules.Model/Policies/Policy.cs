using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;

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
    IReadOnlyDictionary<DecisionKind, DefaultDecision> Defaults,
    IReadOnlyList<PolicyRule> Rules,
    IReadOnlyList<string> OpenQuestions,
    SourceSpan Span)
{
    /// <summary>The name shared by successive versions of one agency's policy (e.g. <c>lvmpd</c>); null for a stand-alone policy.</summary>
    public string? Family { get; init; }

    /// <summary>The chain of policies this one is built from, the root first and this policy last.</summary>
    public IReadOnlyList<string> Lineage { get; init; } = [];

    /// <summary>What each variant in the chain changed, in its own words, by policy id.</summary>
    public IReadOnlyDictionary<string, string> Amendments { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the policy may have been in force on <paramref name="day"/>, given how precisely its dates are known.</summary>
    public bool MayBeInForceOn(DateOnly day) =>
        (EffectiveFrom is not { } from || from.Earliest <= day) && (EffectiveUntil is not { } until || day <= until.Latest);
}
