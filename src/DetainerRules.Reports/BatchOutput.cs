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
        w.WriteNumber("record", result.Record.Number);
        w.WriteString("source", result.Record.Source);
        w.WriteString("id", result.Record.Id);
        if (result.Answers is not { } answers)
        {
            JsonReport.WriteStrings(w, "errors", result.Failure is { } failure ? [failure] : result.Record.Errors.Select(x => x.ToString()));
            w.WriteEndObject();
            return;
        }

        w.WriteStartObject("policies");
        for (var p = 0; p < policies.Count; p++)
        {
            var a = answers[p];
            w.WriteStartObject(policies[p]);
            w.WriteString("version", a.Version);
            foreach (var kind in Kinds)
            {
                var d = a.Decisions[(int)kind];
                w.WriteString(Vocabulary.Word(kind), Vocabulary.Word(d.Value));
                if (kind == DecisionKind.NotifyIce)
                {
                    JsonReport.WriteStrings(w, "notify_ice_at", d.Effect.At.Select(point => Vocabulary.Word(point)));
                }

                if (kind == DecisionKind.DelayRelease)
                {
                    w.WriteString("delay_limit", d.Effect.Limit?.Text);
                    w.WriteString("hold_until", a.HoldUntil is { } until ? Format.Timestamp(until) : null);
                }
            }

            w.WriteString("outcome", Vocabulary.Word(a.Outcome));
            w.WriteStartObject("decided_by");
            foreach (var d in a.Decisions.Where(d => d.Deciding.Count > 0 || d.IsConflict))
            {
                w.WriteStartArray(Vocabulary.Word(d.Kind));
                foreach (var claim in d.Deciding.Concat(d.Conflict))
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
}
