using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Reports;

/// <summary>Writes a scenario back out in the scenario file format (JSON), so generated or converted scenarios can be run like any other.</summary>
public static class ScenarioJson
{
    /// <param name="indented">False for one line, as JSON-lines batch input wants.</param>
    public static string ToJson(Scenario scenario, bool indented = true) =>
        JsonReport.Render(w => Write(w, scenario), new JsonWriterOptions { Indented = indented, NewLine = "\n" });

    public static void Write(Utf8JsonWriter w, Scenario s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        if (s.Description is { } description)
        {
            w.WriteString("description", description);
        }

        w.WriteString("booked_at", Format.Timestamp(s.BookedAt));
        w.WriteStartObject("person");
        foreach (var field in FieldCatalog.Person)
        {
            switch (field.Read(s, null))
            {
                case null:
                    w.WriteNull(field.Key);
                    break;
                case bool flag:
                    w.WriteBoolean(field.Key, flag);
                    break;
                case Enum word:
                    w.WriteString(field.Key, Vocabulary.Word(word));
                    break;
                case object other:
                    throw new InvalidOperationException($"no JSON for a value of type {other.GetType().Name} of {field.Name}");
            }
        }

        w.WriteEndObject();
        w.WriteStartArray("charges");
        foreach (var c in s.Charges)
        {
            WriteOffense(w, c.Offense, c.Statute, c.Level, c.Category);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("convictions");
        foreach (var c in s.Convictions)
        {
            WriteOffense(w, c.Offense, c.Statute, c.Level, c.Category);
            w.WriteString("convicted_on", c.ConvictedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (c.ReleasedOn is { } released)
            {
                w.WriteString("released_on", released.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteDetainer(w, s.Detainer);
        w.WriteStartObject("custody");
        if (s.Custody.ReleaseEligibleAt is { } release)
        {
            w.WriteString("release_eligible_at", Format.Timestamp(release));
        }

        w.WriteEndObject();
        w.WriteStartObject("ice");
        w.WriteBoolean("present_at_release", s.IcePresentAtRelease);
        w.WriteEndObject();
        JsonReport.WriteStrings(w, "requests", s.Requests.Order().Select(request => Vocabulary.Word(request)));
        w.WriteEndObject();
    }

    private static void WriteOffense(Utf8JsonWriter w, string offense, string? statute, OffenseLevel level, OffenseCategory category)
    {
        w.WriteStartObject();
        w.WriteString("offense", offense);
        if (statute is not null)
        {
            w.WriteString("statute", statute);
        }

        w.WriteString("level", Vocabulary.Word(level));
        w.WriteString("category", Vocabulary.Word(category));
    }

    private static void WriteDetainer(Utf8JsonWriter w, Detainer? detainer)
    {
        if (detainer is null)
        {
            w.WriteNull("detainer");
            return;
        }

        w.WriteStartObject("detainer");
        w.WriteString("form", Vocabulary.Word(detainer.Form));
        w.WriteString("warrant", Vocabulary.Word(detainer.Warrant));
        if (detainer.WarrantCourt is { } court)
        {
            w.WriteString("warrant_court", Vocabulary.Word(court));
        }

        if (detainer.WarrantOffense is { } offense)
        {
            w.WriteString("warrant_offense", Vocabulary.Word(offense));
        }

        if (detainer.ReceivedAt is { } received)
        {
            w.WriteString("received_at", Format.Timestamp(received));
        }

        w.WriteEndObject();
    }
}
