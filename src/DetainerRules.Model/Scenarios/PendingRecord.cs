namespace DetainerRules.Model.Scenarios;

/// <summary>A record taken from a batch input but not yet parsed: how much text it holds, and the function that parses it.</summary>
/// <remarks>
/// Parsing (the costly part) runs on many cores while the input is walked on one; the length lets
/// the walker bound how much unparsed text it holds at once, whatever the size of the records.
/// </remarks>
public sealed record PendingRecord(long Length, Func<ScenarioRecord> Parse);
