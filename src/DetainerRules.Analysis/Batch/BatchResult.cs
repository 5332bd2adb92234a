using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>What became of one input record: each policy's answers, or why there are none.</summary>
/// <param name="Answers">One per policy, in the order given; null when the record had problems or evaluation failed.</param>
/// <param name="Failure">Why evaluation failed; null otherwise (a record's own problems are in <c>Record.Errors</c>).</param>
public sealed record BatchResult(ScenarioRecord Record, IReadOnlyList<PolicyAnswers>? Answers, string? Failure);
