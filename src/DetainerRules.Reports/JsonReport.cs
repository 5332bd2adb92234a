using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>Writes a verdict as the JSON contract: one object per scenario, keys in a fixed order.</summary>
public static class JsonReport
{
    /// <summary>How every JSON report is written: indented, LF line ends, non-ASCII text as is.</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string ToJson(Verdict verdict, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options with { Indented = indented }))
        {
            Write(writer, verdict);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, Verdict verdict)
    {
        w.WriteStartObject();
        WritePolicy(w, verdict.Policy);
        w.WriteString("scenario", verdict.Scenario.Id);
        w.WriteStartObject("decisions");
        foreach (var decision in verdict.Decisions)
        {
            w.WritePropertyName(Vocabulary.Word(decision.Kind));
            WriteDecision(w, decision, verdict.HoldUntil, verdict.Layers.GetValueOrDefault(decision.Kind));
        }

        w.WriteEndObject();
        w.WriteString("outcome", Vocabulary.Word(verdict.Outcome.Value));
        WriteTime(w, "hold_until", verdict.Outcome.HoldUntil);
        w.WriteString("outcome_reason", verdict.Outcome.Reason);
        if (verdict.AuthorityVerdicts.Count > 0)
        {
            w.WriteStartArray("disagreements");
            foreach (var d in verdict.Disagreements)
            {
                w.WriteStartObject();
                w.WriteString("decision", Vocabulary.Word(d.Decision));
                w.WriteString("policy", d.Policy);
                w.WriteString("policy_value", Vocabulary.Word(d.PolicyValue));
                w.WriteString("authority", d.Authority);
                w.WriteString("authority_value", Vocabulary.Word(d.AuthorityValue));
                w.WriteString("effective", Vocabulary.Word(d.Effective));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteIds(w, "fired_by_authorities", verdict.AuthorityVerdicts.SelectMany(a => a.Fired.Select(r => $"{a.Policy.Id}:{r.Id}")));
        }

        w.WriteStartArray("fired");
        foreach (var rule in verdict.Fired)
        {
            w.WriteStringValue(rule.Id);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter w, Policy policy)
    {
        w.WriteStartObject("policy");
        w.WriteString("id", policy.Id);
        w.WriteString("family", policy.Family);
        WriteIds(w, "lineage", policy.Lineage);
        w.WriteString("title", policy.Title);
        w.WriteString("jurisdiction", policy.Jurisdiction);
        w.WriteString("effective_from", policy.EffectiveFrom?.ToString());
        w.WriteString("effective_until", policy.EffectiveUntil?.ToString());
        w.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter w, Decision decision, DateTimeOffset? holdUntil, string? layer)
    {
        w.WriteStartObject();
        w.WriteString("value", Vocabulary.Word(decision.Value));
        if (layer is not null)
        {
            w.WriteString("layer", layer);
        }

        if (decision.Kind == DecisionKind.NotifyIce)
        {
            w.WriteStartArray("at");
            foreach (var point in decision.Effect.At)
            {
                w.WriteStringValue(Vocabulary.Word(point));
            }

            w.WriteEndArray();
        }

        if (decision.Kind == DecisionKind.DelayRelease)
        {
            WriteTime(w, "hold_until", holdUntil);
            WriteLimit(w, decision.Effect.Limit);
        }

        w.WriteString("sentence", Phrases.Sentence(decision, holdUntil));
        WriteIds(w, "rules", decision.Deciding.Select(a => a.Rule.Id));
        WriteIds(w, "introduced_by", decision.Deciding.Select(a => a.Rule.Origin ?? string.Empty));
        w.WriteBoolean("default", decision.Default is not null);
        w.WriteStartArray("because");
        foreach (var reason in decision.Default is { } d ? [d.Because] : decision.Deciding.Concat(decision.Conflict).Select(a => a.Rule.Because).Distinct())
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteStartArray("cites");
        foreach (var cite in decision.Cites)
        {
            w.WriteStringValue(cite.Text);
        }

        w.WriteEndArray();
        WriteIds(w, "overridden", decision.Overridden.Select(a => a.Rule.Id));
        if (decision.IsConflict)
        {
            w.WriteStartArray("conflict");
            foreach (var claim in decision.Conflict)
            {
                w.WriteStartObject();
                w.WriteString("rule", claim.Rule.Id);
                w.WriteString("value", Vocabulary.Word(claim.Effect.Value));
                w.WriteNumber("priority", claim.Rule.Priority);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("conflict");
        }

        w.WriteEndObject();
    }

    private static void WriteLimit(Utf8JsonWriter w, HoldLimit? limit)
    {
        if (limit is null)
        {
            w.WriteNull("limit");
            return;
        }

        w.WriteStartObject("limit");
        w.WriteString("name", limit.Name);
        if (limit.Hours is { } hours)
        {
            w.WriteNumber("hours", hours);
        }
        else
        {
            w.WriteNull("hours");
        }

        w.WriteBoolean("excludes_weekends", limit.ExcludesWeekends);
        w.WriteBoolean("excludes_federal_holidays", limit.ExcludesFederalHolidays);
        w.WriteString("text", limit.Text);
        w.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Format.Timestamp(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
