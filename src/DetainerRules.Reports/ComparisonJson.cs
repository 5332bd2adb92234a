using System.Globalization;
using System.Text.Json;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;

namespace DetainerRules.Reports;

/// <summary>A comparison as one JSON object: the space, then every subject with all its splits and regions.</summary>
public static class ComparisonJson
{
    public static string ToJson(PolicyComparison c) => JsonReport.Render(w => Write(w, c));

    private static void Write(Utf8JsonWriter w, PolicyComparison c)
    {
        w.WriteStartObject();
        JsonReport.WriteStrings(w, "policies", c.Policies);
        w.WriteString("over", c.OverSpace ? "space" : "scenarios");
        if (c.Summary)
        {
            // Only in a summary, so a full comparison's JSON stays as it was; every split's "regions" is then empty.
            w.WriteBoolean("summary", true);
        }

        if (c.ScenarioCount is { } count)
        {
            w.WriteNumber("scenarios", count);
            w.WriteNumber("excluded", c.Excluded);
        }

        w.WriteBoolean("agree", c.Agree);
        WriteSpace(w, c.Space);
        WriteSubjects(w, c);
        w.WriteStartArray("layers");
        foreach (var layer in c.Layers)
        {
            w.WriteStartObject();
            w.WriteString("policy", layer.Policy);
            w.WriteString("authority", layer.Authority);
            JsonReport.WriteStrings(w, "compared", layer.Findings.Policies);
            WriteSubjects(w, layer.Findings);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSubjects(Utf8JsonWriter w, PolicyComparison c)
    {
        w.WriteStartArray("subjects");
        foreach (var s in c.Subjects)
        {
            WriteSubject(w, c, s);
        }

        w.WriteEndArray();
    }

    private static void WriteSpace(Utf8JsonWriter w, ScenarioSpace space)
    {
        w.WriteStartObject("space");
        w.WriteString("size", space.Size.ToString(CultureInfo.InvariantCulture));
        JsonReport.WriteStrings(w, "where", space.Filter.Clauses);
        w.WriteString("booked_on", space.Booking.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        JsonReport.WriteStrings(w, "not_in_force_then", space.Booking.NotInForce);
        w.WriteStartArray("dimensions");
        foreach (var d in space.Dimensions)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("title", d.Title);
            w.WriteStartArray("values");
            for (var v = 0; v < d.Count; v++)
            {
                w.WriteStartObject();
                w.WriteString("label", d.Label(v));
                JsonReport.WriteStrings(w, "members", d.Members(v));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSubject(Utf8JsonWriter w, PolicyComparison c, SubjectComparison s)
    {
        w.WriteStartObject();
        w.WriteString("subject", s.Subject.Name);
        w.WriteNumber("cases", s.Cases);
        w.WriteNumber("differing", s.Differing);
        JsonReport.WriteStrings(w, "dimensions", s.Dimensions.Select(d => c.Space.Dimensions[d].Name));
        w.WriteStartArray("agreeing");
        for (var a = 0; a < c.Policies.Count; a++)
        {
            w.WriteStartArray();
            for (var b = 0; b < c.Policies.Count; b++)
            {
                w.WriteNumberValue(s.Agreeing[a, b]);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteStartArray("splits");
        foreach (var split in s.Splits)
        {
            WriteSplit(w, c, split);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSplit(Utf8JsonWriter w, PolicyComparison c, Split split)
    {
        w.WriteStartObject();
        w.WriteStartArray("answers");
        for (var p = 0; p < c.Policies.Count; p++)
        {
            w.WriteStartObject();
            w.WriteString("policy", c.Policies[p]);
            w.WriteString("value", split.Answers[p].Value);
            w.WriteString("detail", split.Answers[p].Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("summary", ComparisonSummary.Camps(c.Policies, split));
        w.WriteNumber("cases", split.Cases);
        if (!c.OverSpace)
        {
            JsonReport.WriteStrings(w, "scenarios", split.Scenarios);
        }

        w.WriteStartArray("regions");
        foreach (var region in split.Regions)
        {
            w.WriteStartObject();
            w.WriteString("description", region.Description);
            w.WriteNumber("cases", region.Cases);
            w.WriteStartArray("where");
            foreach (var (dimension, values) in region.Restrictions)
            {
                var d = c.Space.Dimensions[dimension];
                w.WriteStartObject();
                w.WriteString("dimension", d.Name);
                w.WriteString("description", d.Describe(values));
                JsonReport.WriteStrings(w, "values", values.Select(v => d.Label(v)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("example");
            ScenarioJson.Write(w, region.Example);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
