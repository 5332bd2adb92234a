namespace DetainerRules.Model.Agencies;

/// <summary>One state's agencies in a roster, and their 287(g) agreements by model: what README's summary and the map count.</summary>
/// <param name="Agreements">Agreements of each model, in the order of <see cref="AgreementModel"/>.</param>
/// <param name="AgenciesWith">Agencies with at least one agreement of each model, in the same order.</param>
/// <param name="WithPolicy">Agencies with a catalog policy of their own.</param>
public sealed record StateAgreements(string State, int Agencies, IReadOnlyList<int> Agreements, IReadOnlyList<int> AgenciesWith, int WithPolicy)
{
    private static readonly AgreementModel[] Models = Enum.GetValues<AgreementModel>();

    /// <summary>Each state of the roster, in order of postal code.</summary>
    public static IReadOnlyList<StateAgreements> Of(AgencyRoster roster) =>
        [.. roster.Agencies.GroupBy(a => a.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Count(g.Key, [.. g]))];

    /// <summary>Every agency of the roster, whatever its state.</summary>
    public static StateAgreements All(AgencyRoster roster) => Count("all", roster.Agencies);

    private static StateAgreements Count(string state, IReadOnlyList<Agency> agencies) => new(
        state,
        agencies.Count,
        [.. Models.Select(m => agencies.Sum(a => a.Agreements.Count(g => g.Model == m)))],
        [.. Models.Select(m => agencies.Count(a => a.Agreements.Any(g => g.Model == m)))],
        agencies.Count(a => a.Policy is not null));
}
