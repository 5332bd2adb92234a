using DetainerRules.Analysis.Space;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Flips;

/// <summary>A smallest change to a scenario that changes one answer: "if the charge were a felony, ICE would be notified".</summary>
/// <param name="Changes">Each changed dimension: its name, what the scenario has, and the values that flip the answer (any one of them).</param>
/// <param name="Answer">The answer after the change.</param>
/// <param name="Example">The scenario with one such change made.</param>
public sealed record Flip(IReadOnlyList<(string Dimension, string From, string To)> Changes, Answer Answer, Scenario Example);
