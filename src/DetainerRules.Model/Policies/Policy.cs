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
    SourceSpan Span);
