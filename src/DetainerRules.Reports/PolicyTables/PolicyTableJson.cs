using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports.PolicyTables;

/// <summary>A <see cref="PolicyTable"/> as JSON: one object per scenario, a <c>policies</c> entry per column in the order asked, keys in a fixed order.</summary>
public static class PolicyTableJson
{
    public static string ToJson(PolicyTable table) => JsonReport.Render(w => Write(w, table));

    public static void Write(Utf8JsonWriter w, PolicyTable table)
    {
        w.WriteStartObject();
        w.WriteString("scenario", table.Scenario.Id);
        w.WriteString("booked_at", Format.Timestamp(table.Scenario.BookedAt));
        if (table.At is { } at)
        {
            w.WriteString("at", at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("at");
        }

        w.WriteStartArray("policies");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            WriteColumn(w, table, i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter w, PolicyTable table, int i)
    {
        var column = table.Columns[i];
        w.WriteStartObject();
        w.WriteString("name", column.Name);
        if (column.Verdict is not { } verdict)
        {
            w.WriteNull("policy");
            w.WriteBoolean("in_force", false);
            w.WriteString("not_in_force", column.NotInForce);
            w.WriteEndObject();
            return;
        }

        w.WriteString("policy", verdict.Policy.Id);
        w.WriteString("title", verdict.Policy.Title);
        w.WriteBoolean("in_force", true);
        w.WriteString("outcome", Vocabulary.Word(verdict.Outcome.Value));
        w.WriteString("outcome_text", table.Rows.Single(r => r.Key == "outcome").Cells[i]);
        JsonReport.WriteTime(w, "hold_until", verdict.HoldUntil);
        JsonReport.WriteLimit(w, PolicyTableRow.Limit(verdict));
        w.WriteStartObject("decisions");
        foreach (var decision in verdict.Decisions)
        {
            var answer = Answer.Of(decision);
            w.WriteStartObject(Vocabulary.Word(decision.Kind));
            w.WriteString("value", answer.Value);
            w.WriteString("detail", answer.Detail);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
