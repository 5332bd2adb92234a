using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Expectations;

/// <summary>One scenario and what the policy should decide for it, with the reason drawn from the policy's source.</summary>
public sealed record ExpectationCase(
    string ScenarioId,
    string Because,
    IReadOnlyList<ExpectedDecision> Decisions,
    Outcome? Outcome,
    SourceSpan Span);
