using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Flips;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Reports;

/// <summary>Writes a verdict as the JSON contract: one object per scenario, keys in a fixed order.</summary>
public static class JsonReport
{
    /// <summary>How every JSON report is written: indented, LF line ends, non-ASCII text as is.</summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <param name="explanations">With <c>--explain</c>: each decision gets an <c>explanation</c> with its rules' conditions traced.</param>
    /// <param name="flips">With <c>--what-flips</c>: a <c>what_flips</c> object, per subject, of the smallest changes that change the answer.</param>
    public static string ToJson(Verdict verdict, bool indented = true, IReadOnlyDictionary<DecisionKind, DecisionExplanation>? explanations = null, IReadOnlyDictionary<Subject, IReadOnlyList<Flip>>? flips = null) =>
        Render(w => Write(w, verdict, explanations, flips), Options with { Indented = indented });

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the text, so each report only says what it writes.</summary>
    public static string Render(Action<Utf8JsonWriter> write, JsonWriterOptions? options = null) =>
        // The writer escapes controls but lets bidi and other format characters through; as \uXXXX they mean the same to a JSON reader and nothing to a terminal.
        Rendered(write, options, json => TerminalText.Escape(Encoding.UTF8.GetString(json.WrittenSpan), keepLineBreaks: true));

    /// <summary>The bytes of <see cref="Render"/>'s text and a line end in UTF-8, as the command line writes a report: what a server answers.</summary>
    /// <remarks>A report with nothing to escape (almost all) is copied out of the writer's buffer as it is, not decoded, checked and encoded again.</remarks>
    public static byte[] RenderLine(Action<Utf8JsonWriter> write, JsonWriterOptions? options = null) =>
        Rendered(write, options, json =>
        {
            if (!TerminalText.IsShownAsWritten(json.WrittenSpan, keepLineBreaks: true))
            {
                return Encoding.UTF8.GetBytes(TerminalText.Escape(Encoding.UTF8.GetString(json.WrittenSpan), keepLineBreaks: true) + "\n");
            }

            var line = new byte[json.WrittenCount + 1];
            json.WrittenSpan.CopyTo(line);
            line[^1] = (byte)'\n';
            return line;
        });

    private static T Rendered<T>(Action<Utf8JsonWriter> write, JsonWriterOptions? options, Func<ArrayBufferWriter<byte>, T> take)
    {
        // One buffer kept per thread: a batch renders a record per scenario and a server an answer per request, and
        // growing a fresh buffer to each answer's size cost more than writing it. A nested render takes a fresh one.
        var buffer = _spare ?? new ArrayBufferWriter<byte>();
        _spare = null;
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, options ?? Options))
            {
                write(writer);
            }

            return take(buffer);
        }
        finally
        {
            buffer.ResetWrittenCount();

            // A rare huge report (a whole space's comparison) is not kept alive by every thread that wrote one.
            _spare = buffer.Capacity <= KeptBuffer ? buffer : null;
        }
    }

    private const int KeptBuffer = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _spare;

    public static void Write(Utf8JsonWriter w, Verdict verdict, IReadOnlyDictionary<DecisionKind, DecisionExplanation>? explanations = null, IReadOnlyDictionary<Subject, IReadOnlyList<Flip>>? flips = null)
    {
        w.WriteStartObject();
        WritePolicy(w, verdict.Policy, verdict.Scenario.BookedAt, verdict.AuthorityVerdicts);
        w.WriteString("scenario", verdict.Scenario.Id);
        w.WriteStartObject("decisions");
        foreach (var decision in verdict.Decisions)
        {
            w.WritePropertyName(Vocabulary.Word(decision.Kind));
            WriteDecision(w, decision, verdict.HoldUntil, verdict.Layers.GetValueOrDefault(decision.Kind), explanations?.GetValueOrDefault(decision.Kind));
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
            WriteStrings(w, "fired_by_authorities", verdict.AuthorityVerdicts.SelectMany(a => a.Fired.Select(r => $"{a.Policy.Id}:{r.Id}")));
        }

        WriteStrings(w, "fired", verdict.Fired.Select(rule => rule.Id));
        if (flips is not null)
        {
            WriteFlips(w, flips);
        }

        w.WriteEndObject();
    }

    private static void WriteFlips(Utf8JsonWriter w, IReadOnlyDictionary<Subject, IReadOnlyList<Flip>> flips)
    {
        w.WriteStartObject("what_flips");
        foreach (var subject in Subject.All.Where(flips.ContainsKey))
        {
            w.WriteStartArray(subject.Name);
            foreach (var flip in flips[subject])
            {
                w.WriteStartObject();
                w.WriteStartArray("changes");
                foreach (var (dimension, from, to) in flip.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("dimension", dimension);
                    w.WriteString("from", from);
                    w.WriteString("to", to);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("value", flip.Answer.Value);
                w.WriteString("detail", flip.Answer.Detail);
                w.WritePropertyName("example");
                ScenarioJson.Write(w, flip.Example);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter w, Policy policy, DateTimeOffset bookedAt, IReadOnlyList<Verdict> authorities)
    {
        w.WriteStartObject("policy");
        w.WriteString("id", policy.Id);
        w.WriteString("family", policy.Family);
        WriteStrings(w, "lineage", policy.Lineage);
        w.WriteString("title", policy.Title);
        w.WriteString("jurisdiction", policy.Jurisdiction);
        w.WriteString("effective_from", policy.EffectiveFrom?.ToString());
        w.WriteString("effective_until", policy.EffectiveUntil?.ToString());
        w.WriteString("time_zone", policy.Time.Name);
        w.WriteBoolean("in_force_on_booking_day", policy.MayBeInForceAt(bookedAt));
        WriteFiles(w, policy, authorities);
        w.WriteEndObject();
    }

    /// <summary>The files the answers came from, each with its SHA-256, and those of the authorities the policy is bound by.</summary>
    private static void WriteFiles(Utf8JsonWriter w, Policy policy, IReadOnlyList<Verdict> authorities)
    {
        w.WriteStartArray("files");
        foreach (var file in policy.Files)
        {
            w.WriteStartObject();
            w.WriteString("path", file.Path);
            w.WriteString("sha256", file.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (authorities.Count == 0)
        {
            return;
        }

        w.WriteStartArray("bound_by");
        foreach (var authority in authorities)
        {
            w.WriteStartObject();
            w.WriteString("id", authority.Policy.Id);
            if (authority.Policy.Absent is { } absent)
            {
                w.WriteString("absent", absent);
            }

            WriteFiles(w, authority.Policy, authority.AuthorityVerdicts);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Each citation with what a reader needs to check it: the pinpoint, the quoted words, where to read them, and how it was verified.</summary>
    private static void WriteCitations(Utf8JsonWriter w, IReadOnlyList<Citation> cites)
    {
        w.WriteString("verified", Vocabulary.Word(Support.Of(cites)));
        w.WriteStartArray("citations");
        foreach (var cite in cites)
        {
            w.WriteStartObject();
            w.WriteString("source", cite.Source.Id);
            w.WriteString("title", cite.Source.Title);
            w.WriteString("citation", cite.Source.Citation);
            w.WriteString("at", cite.Pinpoint);
            w.WriteString("quote", cite.Quote);
            w.WriteString("url", cite.Link);
            w.WriteString("verified", Vocabulary.Word(cite.Verified));
            w.WriteString("note", cite.Note);
            w.WriteString("role", Vocabulary.Word(cite.Role));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteDecision(Utf8JsonWriter w, Decision decision, DateTimeOffset? holdUntil, string? layer, DecisionExplanation? explanation)
    {
        w.WriteStartObject();
        w.WriteString("value", Vocabulary.Word(decision.Value));
        if (layer is not null)
        {
            w.WriteString("layer", layer);
        }

        if (decision.Kind == DecisionKind.NotifyIce)
        {
            WriteStrings(w, "at", decision.Effect.At.Select(point => Vocabulary.Word(point)));
        }

        if (decision.Kind == DecisionKind.DelayRelease)
        {
            WriteTime(w, "hold_until", holdUntil);
            WriteLimit(w, decision.Effect.Limit);
        }

        w.WriteString("sentence", Phrases.Sentence(decision, holdUntil));
        WriteStrings(w, "rules", decision.Deciding.Select(a => a.Rule.Id));
        WriteStrings(w, "introduced_by", decision.Deciding.Select(a => a.Rule.Origin ?? string.Empty));
        w.WriteBoolean("default", decision.Default is not null);
        WriteStrings(w, "because", decision.Default is { } d ? [d.Because] : decision.Deciding.Concat(decision.Conflict).Select(a => a.Rule.Because).Distinct());
        WriteStrings(w, "cites", decision.Cites.Select(cite => cite.Text));
        WriteCitations(w, decision.Cites);
        WriteStrings(w, "overridden", decision.Overridden.Select(a => a.Rule.Id));
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

        if (explanation is not null)
        {
            w.WriteStartObject("explanation");
            WriteTraces(w, "deciding", explanation.Deciding);
            WriteTraces(w, "overridden", explanation.Overridden);
            WriteTraces(w, "conflict", explanation.Conflict);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteTraces(Utf8JsonWriter w, string name, IReadOnlyList<RuleTrace> traces)
    {
        w.WriteStartArray(name);
        foreach (var t in traces)
        {
            w.WriteStartObject();
            w.WriteString("rule", t.Rule.Id);
            w.WriteString("policy", t.Policy);
            w.WriteNumber("priority", t.Rule.Priority);
            w.WriteString("said", Vocabulary.Word(t.Said.Value));
            w.WriteString("when", t.Rule.WhenText.Trim());
            w.WritePropertyName("trace");
            WriteNode(w, t.When);
            w.WriteString("because", t.Rule.Because);
            WriteStrings(w, "cites", t.Rule.Cites.Select(cite => cite.Text));
            WriteCitations(w, t.Rule.Cites);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNode(Utf8JsonWriter w, TraceNode node)
    {
        w.WriteStartObject();
        w.WriteString("condition", node.Condition);
        w.WriteBoolean("holds", node.Holds);
        w.WriteString("values", node.Values);
        w.WriteStartArray("parts");
        foreach (var part in node.Parts)
        {
            WriteNode(w, part);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteLimit(Utf8JsonWriter w, HoldLimit? limit)
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

    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }

    internal static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
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
