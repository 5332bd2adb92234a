using DetainerRules.Model.Decisions;

namespace DetainerRules.Yaml.Questions;

/// <summary>A plain-language question answered by one decision (or the outcome) on one scenario.</summary>
/// <param name="Decision">The decision that answers it; null when the answer is the outcome.</param>
public sealed record Question(string Ask, string ScenarioPath, DecisionKind? Decision);
