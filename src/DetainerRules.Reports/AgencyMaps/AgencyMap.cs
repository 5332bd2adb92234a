using DetainerRules.Model.Agencies;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports.AgencyMaps;

/// <summary>What the map shows: one question, each state's law's answer to it on a day, and the roster's 287(g) counts per state.</summary>
/// <param name="Ask">The question in words.</param>
/// <param name="Scenario">The id of the scenario it is asked of.</param>
/// <param name="Decision">The decision that answers it.</param>
/// <param name="At">The day whose law answers.</param>
/// <param name="Sources">The roster's sources, each with its date.</param>
/// <param name="States">Every state and the District, in order of postal code.</param>
public sealed record AgencyMap(string Ask, string Scenario, DecisionKind Decision, DateOnly At, IReadOnlyList<RosterSource> Sources, IReadOnlyList<AgencyMap.StateView> States)
{
    /// <summary>One state: the catalog policies that are its law that day, their answer (none when it has none), and its roster counts (none when the roster lists no agency there).</summary>
    public sealed record StateView(string State, IReadOnlyList<Policy> Law, Decision? Answer, StateAgreements? Agreements);
}
