using System.Globalization;
using System.Text;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Support;

/// <summary>Writes a scenario as block-style YAML, the way an analyst would type it, to check that YAML and JSON read alike.</summary>
internal static class ScenarioYaml
{
    public static string Write(Scenario s)
    {
        var y = new StringBuilder();
        y.Append("id: ").Append(Quote(s.Id)).Append('\n');
        y.Append("booked_at: ").Append(Format.Timestamp(s.BookedAt)).Append('\n');
        y.Append("person:\n");
        y.Append("  foreign_born: ").Append(s.Person.ForeignBorn switch { true => "true", false => "false", null => "~" }).Append('\n');
        y.Append("  citizenship: ").Append(Vocabulary.Word(s.Person.Citizenship)).Append('\n');
        y.Append("  registered_sex_offender: ").Append(Flag(s.Person.RegisteredSexOffender)).Append('\n');
        y.Append("  on_terrorist_watchlist: ").Append(Flag(s.Person.OnTerroristWatchlist)).Append('\n');
        y.Append("  lawful_status_proof: ").Append(Flag(s.Person.LawfulStatusProof)).Append('\n');
        y.Append("charges:\n");
        foreach (var c in s.Charges)
        {
            Offense(y, c.Offense, c.Statute, c.Level, c.Category);
        }

        y.Append(s.Convictions.Count == 0 ? "convictions: []\n" : "convictions:\n");
        foreach (var c in s.Convictions)
        {
            Offense(y, c.Offense, c.Statute, c.Level, c.Category);
            y.Append("    convicted_on: ").Append(Date(c.ConvictedOn)).Append('\n');
            if (c.ReleasedOn is { } released)
            {
                y.Append("    released_on: ").Append(Date(released)).Append('\n');
            }
        }

        if (s.Detainer is { } d)
        {
            y.Append("detainer:\n  form: ").Append(Vocabulary.Word(d.Form)).Append("\n  warrant: ").Append(Vocabulary.Word(d.Warrant)).Append('\n');
            if (d.WarrantCourt is { } court)
            {
                y.Append("  warrant_court: ").Append(Vocabulary.Word(court)).Append('\n');
            }

            if (d.WarrantOffense is { } offense)
            {
                y.Append("  warrant_offense: ").Append(Vocabulary.Word(offense)).Append('\n');
            }

            if (d.ReceivedAt is { } received)
            {
                y.Append("  received_at: ").Append(Format.Timestamp(received)).Append('\n');
            }
        }

        if (s.Custody.ReleaseEligibleAt is { } release)
        {
            y.Append("custody:\n  release_eligible_at: ").Append(Format.Timestamp(release)).Append('\n');
        }

        y.Append("ice:\n  present_at_release: ").Append(Flag(s.IcePresentAtRelease)).Append('\n');
        y.Append("requests: [").Append(string.Join(", ", s.Requests.Order().Select(r => Vocabulary.Word(r)))).Append("]\n");
        return y.ToString();
    }

    private static void Offense(StringBuilder y, string offense, string? statute, OffenseLevel level, OffenseCategory category)
    {
        y.Append("  - offense: ").Append(Quote(offense)).Append('\n');
        if (statute is not null)
        {
            y.Append("    statute: ").Append(Quote(statute)).Append('\n');
        }

        y.Append("    level: ").Append(Vocabulary.Word(level)).Append('\n');
        y.Append("    category: ").Append(Vocabulary.Word(category)).Append('\n');
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
