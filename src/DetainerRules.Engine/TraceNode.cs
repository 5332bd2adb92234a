namespace DetainerRules.Engine;

/// <summary>One part of a condition, whether it held for a scenario, and the values that made it so.</summary>
/// <param name="Condition">The part, in the condition language.</param>
/// <param name="Values">What the scenario holds for the fields the part reads; null for parts made of other parts.</param>
public sealed record TraceNode(string Condition, bool Holds, string? Values, IReadOnlyList<TraceNode> Parts);
