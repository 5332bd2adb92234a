using DetainerRules.Model.Decisions;

namespace DetainerRules.Yaml.Questions;

/// <summary>A plain-language question answered by one decision (or the outcome) on one scenario.</summary>
/// <param name="Decision">The decision that answers it; null when the answer is the outcome.</param>
/// <param name="Id">A short name to ask it by (<c>detainer agencies map --question</c>); optional.</param>
public sealed record Question(string Ask, string ScenarioPath, DecisionKind? Decision, string? Id = null);
