using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Yaml.Batch;

/// <summary>Writes scenarios as rows of the batch CSV layout that <see cref="CsvScenarios"/> reads, for generated trial data.</summary>
public static class ScenarioCsv
{
    public static string Header => CsvScenarios.Header;

    public static string Row(Scenario s)
    {
        string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Flag(bool b) => b ? "true" : "false";
        var cells = new[]
        {
            s.Id,
            Format.Timestamp(s.BookedAt),
            s.Person.ForeignBorn is { } f ? Flag(f) : string.Empty,
            Vocabulary.Word(s.Person.Citizenship),
            Flag(s.Person.RegisteredSexOffender),
            Flag(s.Person.OnTerroristWatchlist),
            Flag(s.Person.LawfulStatusProof),
            string.Join(";", s.Charges.Select(c => $"{Vocabulary.Word(c.Level)}|{Vocabulary.Word(c.Category)}|{c.Offense}|{c.Statute}".TrimEnd('|'))),
            string.Join(";", s.Convictions.Select(c => $"{Vocabulary.Word(c.Level)}|{Vocabulary.Word(c.Category)}|{Date(c.ConvictedOn)}|{(c.ReleasedOn is { } r ? Date(r) : string.Empty)}|{c.Offense}|{c.Statute}".TrimEnd('|'))),
            s.Detainer is { } d ? Vocabulary.Word(d.Form) : string.Empty,
            s.Detainer is { } w ? Vocabulary.Word(w.Warrant) : string.Empty,
            s.Detainer?.ReceivedAt is { } received ? Format.Timestamp(received) : string.Empty,
            s.Custody.ReleaseEligibleAt is { } release ? Format.Timestamp(release) : string.Empty,
            Flag(s.IcePresentAtRelease),
            string.Join(";", s.Requests.Order().Select(r => Vocabulary.Word(r))),
        };
        return string.Join(",", cells.Select(Cell));
    }

    private static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
