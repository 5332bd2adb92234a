using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>Writes batch results, one output record per input record, as JSON lines or CSV (layouts in README).</summary>
public sealed class BatchOutput(TextWriter writer, IReadOnlyList<string> policies, bool csv)
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();
    private static readonly string[] RecordColumns = ["record", "source", "id", "error"];

    /// <summary>The CSV header for these policies; each policy's columns are prefixed with its id and a colon.</summary>
    public string CsvHeader => string.Join(",", RecordColumns.Concat(policies.SelectMany(p => PolicyColumns().Select(c => Cell($"{p}:{c}")))));

    public void Begin()
    {
        if (csv)
        {
            writer.WriteLine(CsvHeader);
        }
    }

    public void Write(BatchResult result)
    {
        if (csv)
        {
            WriteCsv(result);
        }
        else
        {
            writer.WriteLine(Json(result));
        }
    }

    private static IEnumerable<string> PolicyColumns()
    {
        foreach (var kind in Kinds)
        {
            yield return Vocabulary.Word(kind);
            if (kind == DecisionKind.NotifyIce)
            {
                yield return "notify_ice_at";
            }

            if (kind == DecisionKind.DelayRelease)
            {
                yield return "delay_limit";
                yield return "hold_until";
            }
        }

        yield return "outcome";
    }

    private static string Errors(BatchResult result) =>
        result.Failure ?? string.Join("; ", result.Record.Errors.Select(e => e.ToString()));

    private void WriteCsv(BatchResult result)
    {
        var cells = new List<string> { result.Record.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Record.Source, result.Record.Id ?? string.Empty, Errors(result) };
        for (var p = 0; p < policies.Count; p++)
        {
            if (result.Answers is not { } answers)
            {
                cells.AddRange(PolicyColumns().Select(_ => string.Empty));
                continue;
            }

            var a = answers[p];
            foreach (var kind in Kinds)
            {
                var d = a.Decisions[(int)kind];
                cells.Add(Vocabulary.Word(d.Value));
                if (kind == DecisionKind.NotifyIce)
                {
                    cells.Add(string.Join(";", d.Effect.At.Select(x => Vocabulary.Word(x))));
                }

                if (kind == DecisionKind.DelayRelease)
                {
                    cells.Add(d.Effect.Limit?.Text ?? string.Empty);
                    cells.Add(a.HoldUntil is { } until ? Format.Timestamp(until) : string.Empty);
                }
            }

            cells.Add(Vocabulary.Word(a.Outcome));
        }

        writer.WriteLine(string.Join(",", cells.Select(Cell)));
    }

    private static string Cell(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private string Json(BatchResult result) => JsonReport.Render(w => WriteJson(w, result), JsonReport.Options with { Indented = false });

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
