namespace DetainerRules.Model.Agencies;

/// <summary>A list of agencies from one source: one roster file.</summary>
/// <param name="Refused">Rows of the source that could not be read (see <see cref="RefusedRow"/>).</param>
public sealed record Roster(RosterSource Source, IReadOnlyList<Agency> Agencies, IReadOnlyList<RefusedRow> Refused, string Path);
