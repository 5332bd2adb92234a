namespace DetainerRules.Model.Agencies;

/// <summary>The agencies of every roster file of a folder, merged by id: one agency, with the agreements of every file that lists it.</summary>
/// <param name="Rosters">The files, in name order.</param>
/// <param name="Agencies">In order of state, then name, then id.</param>
public sealed record AgencyRoster(IReadOnlyList<Roster> Rosters, IReadOnlyList<Agency> Agencies)
{
    public static AgencyRoster Empty { get; } = new([], []);
}
