using System.Text;
using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>Writes batch results, one output record per input record, as JSON lines or CSV (layouts in README).</summary>
/// <remarks>
/// Each record is rendered to UTF-8 on its own (<see cref="Render"/>, on any thread) and its bytes
/// copied to the output in order; every line, the header's too, ends with <c>\n</c>.
/// </remarks>
public sealed class BatchOutput(Stream output, IReadOnlyList<string> policies, bool csv) : IBatchSink
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();
    private static readonly JsonWriterOptions LineOptions = JsonReport.Options with { Indented = false };

    // Every record writes the same keys and words: encoded once, with the writer's own encoder, so the bytes are the same.
    private static readonly JsonEncodedText RecordKey = Encoded("record");
    private static readonly JsonEncodedText SourceKey = Encoded("source");
    private static readonly JsonEncodedText IdKey = Encoded("id");
    private static readonly JsonEncodedText PoliciesKey = Encoded("policies");
    private static readonly JsonEncodedText VersionKey = Encoded("version");
    private static readonly JsonEncodedText NotifyAtKey = Encoded("notify_ice_at");
    private static readonly JsonEncodedText DelayLimitKey = Encoded("delay_limit");
    private static readonly JsonEncodedText HoldUntilKey = Encoded("hold_until");
    private static readonly JsonEncodedText OutcomeKey = Encoded("outcome");
    private static readonly JsonEncodedText DecidedByKey = Encoded("decided_by");
    private static readonly JsonEncodedText[] KindWords = Words(Kinds);
    private static readonly JsonEncodedText[] ModalityWords = Words(Enum.GetValues<Modality>());
    private static readonly JsonEncodedText[] OutcomeWords = Words(Enum.GetValues<Outcome>());
    private static readonly JsonEncodedText[] PointWords = Words(Enum.GetValues<NotificationPoint>());

    // The labels come from the command line and policy files: encoded once as well, escaped as any text from them is.
    private readonly JsonEncodedText[] _labels = [.. policies.Select(Encoded)];

    /// <summary>The CSV header for these policies; each policy's columns are prefixed with its id and a colon.</summary>
    public string CsvHeader => BatchCsv.Header(policies);

    public void Begin()
    {
        if (csv)
        {
            output.Write(Encoding.UTF8.GetBytes(CsvHeader + "\n"));
        }
    }

    public byte[] Render(BatchResult result) =>
        csv ? BatchCsv.Row(result, policies.Count) : JsonReport.RenderLine(w => WriteJson(w, result), LineOptions);

    public void Write(BatchResult result, byte[] rendered) => output.Write(rendered);

    /// <summary>Nothing is held back: each record is written as it comes, and the file's owner flushes it.</summary>
    public void End()
    {
    }

    private void WriteJson(Utf8JsonWriter w, BatchResult result)
    {
        w.WriteStartObject();
        w.WriteNumber(RecordKey, result.Record.Number);
        w.WriteString(SourceKey, result.Record.Source);
        w.WriteString(IdKey, result.Record.Id);
        if (result.Answers is not { } answers)
        {
            JsonReport.WriteStrings(w, "errors", result.Failure is { } failure ? [failure] : result.Record.Errors.Select(x => x.ToString()));
            w.WriteEndObject();
            return;
        }

        w.WriteStartObject(PoliciesKey);
        for (var p = 0; p < policies.Count; p++)
        {
            var a = answers[p];
            w.WriteStartObject(_labels[p]);
            w.WriteString(VersionKey, a.Version);
            foreach (var kind in Kinds)
            {
                var d = a.Decisions[(int)kind];
                w.WriteString(KindWords[(int)kind], ModalityWords[(int)d.Value]);
                if (kind == DecisionKind.NotifyIce)
                {
                    w.WriteStartArray(NotifyAtKey);
                    foreach (var point in d.Effect.At)
                    {
                        w.WriteStringValue(PointWords[(int)point]);
                    }

                    w.WriteEndArray();
                }

                if (kind == DecisionKind.DelayRelease)
                {
                    w.WriteString(DelayLimitKey, d.Effect.Limit?.Text);
                    w.WriteString(HoldUntilKey, a.HoldUntil is { } until ? Format.Timestamp(until) : null);
                }
            }

            w.WriteString(OutcomeKey, OutcomeWords[(int)a.Outcome]);
            w.WriteStartObject(DecidedByKey);
            foreach (var d in a.Decisions)
            {
                if (d.Deciding.Count == 0 && !d.IsConflict)
                {
                    continue;
                }

                w.WriteStartArray(KindWords[(int)d.Kind]);
                foreach (var claim in d.Deciding)
                {
                    w.WriteStringValue(claim.Rule.Id);
                }

                foreach (var claim in d.Conflict)
                {
                    w.WriteStringValue(claim.Rule.Id);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static JsonEncodedText Encoded(string text) => JsonEncodedText.Encode(text, LineOptions.Encoder);

    /// <summary>Each value's word, at the value's number.</summary>
    private static JsonEncodedText[] Words<T>(T[] values)
        where T : struct, Enum
    {
        var words = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            words[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = Encoded(Vocabulary.Word(value));
        }

        return words;
    }
}
