using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Scenarios;

/// <summary>One record of a batch input: the scenario it holds, or what is wrong with it.</summary>
/// <param name="Number">The record's place in the input, from 1.</param>
/// <param name="Source">Where it is: <c>file:line</c> for JSONL and CSV, the file for a folder.</param>
/// <param name="Scenario">The scenario; null when the record has problems.</param>
/// <param name="Errors">The problems, each with its position and field; empty when the record is good.</param>
public sealed record ScenarioRecord(long Number, string Source, Scenario? Scenario, IReadOnlyList<Diagnostic> Errors)
{
    /// <summary>The id a record with problems gives, when it could be read; ignored when there is a scenario.</summary>
    public string? ReadableId { get; init; }

    /// <summary>The record's id: the scenario's, or for a record with problems the id it gives if that could be read.</summary>
    public string? Id => Scenario?.Id ?? ReadableId;
}
