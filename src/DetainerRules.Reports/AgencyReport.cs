using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>Agencies and their 287(g) agreements in words and tables: <c>detainer agencies list</c>, <c>show</c>, and README's summary.</summary>
public static class AgencyReport
{
    private static readonly AgreementModel[] Models = Enum.GetValues<AgreementModel>();

    /// <summary>One line per agency: id, state, type, its agreements (model and signing date), name.</summary>
    public static void List(TextWriter w, IEnumerable<Agency> agencies)
    {
        var rows = agencies.Select(a => (string[])
        [
            a.Id,
            a.State,
            Vocabulary.Word(a.Type),
            a.Agreements.Count == 0 ? "-" : string.Join(", ", a.Agreements.Select(Agreement)),
            a.Policy ?? "-",
            a.Name,
        ]).ToList();
        TextTable.Write(w, ["id", "state", "type", "287(g) agreements", "policy", "name"], rows);
        w.WriteLine($"{Count(rows.Count, "agency", "agencies")}");
    }

    /// <summary>An agency in full, with where each fact comes from.</summary>
    public static void Show(TextWriter w, Agency agency, AgencyRoster roster)
    {
        w.WriteLine(agency.Name);
        w.WriteLine($"  id: {agency.Id}");
        w.WriteLine($"  type: {Vocabulary.Word(agency.Type)}");
        w.WriteLine($"  state: {UsJurisdictions.Names[agency.State]} ({agency.State})");
        w.WriteLine($"  county: {agency.County ?? "not given"}");
        w.WriteLine($"  ORI: {agency.Ori ?? "not known"}");
        w.WriteLine($"  own policy in the catalog: {agency.Policy ?? "none (no published local policy in the catalog)"}");
        if (agency.Agreements.Count == 0)
        {
            w.WriteLine("  287(g) agreements: none listed");
        }
        else
        {
            w.WriteLine("  287(g) agreements:");
            foreach (var a in agency.Agreements)
            {
                var ends = a.Ends is { } e ? $", ended {Date(e)}" : string.Empty;
                w.WriteLine($"    {Name(a.Model)} ({Vocabulary.Word(a.Model)}): signed {Date(a.Signed)}{ends}; policy {a.PolicyId}");
            }
        }

        foreach (var roster1 in roster.Rosters.Where(r => r.Agencies.Any(a => a.Id == agency.Id)))
        {
            w.WriteLine($"  listed in: {roster1.Path} ({roster1.Source.Publisher}, {roster1.Source.Title}, as of {Date(roster1.Source.AsOf)})");
        }

        var key = AgencyNames.Key(agency.Name);
        foreach (var refused in roster.Rosters.SelectMany(r => r.Refused.Where(x => x.Agency is not null && AgencyNames.Key(x.Agency) == key).Select(x => (r, x))))
        {
            w.WriteLine($"  not read from {refused.r.Path}: line {refused.x.Line}: {refused.x.Reason}");
        }
    }

    /// <summary>README's summary: agencies and agreements per state and model, as of each source's date.</summary>
    public static string SummaryMarkdown(AgencyRoster roster)
    {
        var w = new StringWriter { NewLine = "\n" };
        var agreements = roster.Agencies.SelectMany(a => a.Agreements).ToList();
        var sources = string.Join("; ", roster.Rosters.Select(r => $"{MarkdownText.Text(r.Source.Publisher)}, {MarkdownText.Text(r.Source.Title)}, as of {Date(r.Source.AsOf)}"));
        var refused = roster.Rosters.Sum(r => r.Refused.Count);
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count(roster.Agencies.Count, "agency", "agencies")} with {Count(agreements.Count, "287(g) agreement", "287(g) agreements")} in {roster.Agencies.Select(a => a.State).Distinct().Count()} states ({sources}); {Count(refused, "row of the source was", "rows of the source were")} not read and {(refused == 1 ? "is" : "are")} listed in the roster's `refused`."));
        w.WriteLine();
        w.WriteLine($"| state | agencies | {string.Join(" | ", Models.Select(m => $"{Vocabulary.Word(m)} agreements"))} | with a catalog policy |");
        w.WriteLine($"|---|---:|{string.Concat(Models.Select(_ => "---:|"))}---:|");
        foreach (var state in StateAgreements.Of(roster))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Text(UsJurisdictions.Names[state.State])} ({state.State}) | {state.Agencies} | {string.Join(" | ", state.Agreements)} | {state.WithPolicy} |"));
        }

        var all = StateAgreements.All(roster);
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | {all.Agencies} | {string.Join(" | ", all.Agreements)} | {all.WithPolicy} |"));
        return w.ToString();
    }

    /// <summary>The model's name as ICE writes it.</summary>
    public static string Name(AgreementModel model) => model switch
    {
        AgreementModel.Jem => "Jail Enforcement Model",
        AgreementModel.Wso => "Warrant Service Officer",
        _ => "Task Force Model",
    };

    private static string Agreement(Agreement a) => $"{Vocabulary.Word(a.Model)} {Date(a.Signed)}{(a.Ends is { } e ? $" to {Date(e)}" : string.Empty)}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
