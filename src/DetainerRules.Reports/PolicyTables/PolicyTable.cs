using DetainerRules.Model.Scenarios;

namespace DetainerRules.Reports.PolicyTables;

/// <summary>One scenario decided under several policies: a row per outcome line and decision, a column per policy.</summary>
/// <remarks>
/// The one model behind every format of <c>detainer evaluate</c> with several policies
/// (<see cref="PolicyTableReport"/>): the cells are worded here, once, so text, Markdown, HTML and
/// JSON cannot say different things. The columns keep the order the policies were asked in.
/// </remarks>
public sealed class PolicyTable
{
    /// <param name="at">The day that picked each family's version (<c>--at</c>); null: the scenario's booking day.</param>
    public PolicyTable(Scenario scenario, DateOnly? at, IReadOnlyList<PolicyColumn> columns)
    {
        Scenario = scenario;
        At = at;
        Columns = columns;
        Rows = PolicyTableRow.Of(columns);
    }

    public Scenario Scenario { get; }

    /// <summary>The day that picked each family's version; null: the scenario's booking day.</summary>
    public DateOnly? At { get; }

    public IReadOnlyList<PolicyColumn> Columns { get; }

    /// <summary>The outcome, the hold's end, its limit, then each decision; one cell per column.</summary>
    public IReadOnlyList<PolicyTableRow> Rows { get; }

    /// <summary>"Scenario ID: description", the heading every format gives the table.</summary>
    public string Heading => $"Scenario {Scenario.Id}" + (Scenario.Description is { } d ? $": {d.Trim()}" : string.Empty);

    /// <summary>"Booked 2025-01-17T09:30:00-08:00; 3 policies, each at the version in force that day".</summary>
    public string Scope =>
        $"Booked {Model.Format.Timestamp(Scenario.BookedAt)}; {Columns.Count} {(Columns.Count == 1 ? "policy" : "policies")}, a family at its version in force "
        + (At is { } day ? $"on {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : "on the booking day");

    /// <summary>One line per policy: the name asked for, the version that answered, and its title; or why none did.</summary>
    public IEnumerable<string> Notes() => Columns.Select(c => c.Verdict is { } v
        ? $"{c.Name}: {v.Policy.Id}, {v.Policy.Title.Trim()}"
        : $"{c.Name}: {PolicyTableRow.NotInForce}: {c.NotInForce}");
}
