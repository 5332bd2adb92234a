using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Reports;

/// <summary>The batch writer as it was before records were rendered in the parallel stage (main at e08a2e7, copied as it was): each record made a string, written to a <see cref="TextWriter"/>.</summary>
/// <remarks>Kept as the oracle <see cref="BatchOutput"/>'s bytes are checked against.</remarks>
internal sealed class StringBatchOutput(TextWriter writer, IReadOnlyList<string> policies, bool csv)
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();
    private readonly string?[] _cells = new string?[BatchColumns.Policy.Count];

    /// <summary>The CSV header for these policies; each policy's columns are prefixed with its id and a colon.</summary>
    public string CsvHeader => string.Join(",", BatchColumns.All(policies).Select(Cell));

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

    private void WriteCsv(BatchResult result)
    {
        var cells = new List<string> { result.Record.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Record.Source, result.Record.Id ?? string.Empty, BatchColumns.Error(result) ?? string.Empty };
        for (var p = 0; p < policies.Count; p++)
        {
            if (result.Answers is not { } answers)
            {
                cells.AddRange(BatchColumns.Policy.Select(_ => string.Empty));
                continue;
            }

            BatchColumns.Values(answers[p], _cells);
            cells.AddRange(_cells.Select(c => c ?? string.Empty));
        }

        writer.WriteLine(string.Join(",", cells.Select(Cell)));
    }

    /// <summary>A CSV cell: quoted when it must be, and never read as a formula (see <see cref="SpreadsheetSafe"/>).</summary>
    private static string Cell(string text)
    {
        var safe = SpreadsheetSafe(text);
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>.</summary>
    /// <remarks>
    /// Spreadsheets run such a cell as a formula (<c>=HYPERLINK(...)</c> in a record id or in an
    /// error that echoes a value); the quote makes them show it as text, as OWASP's advice on CSV
    /// injection has it. None of the tool's own values starts with these characters.
    /// </remarks>
    private static string SpreadsheetSafe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private string Json(BatchResult result) => JsonReport.Render(w => WriteJson(w, result), JsonReport.Options with { Indented = false });

    private void WriteJson(Utf8JsonWriter w, BatchResult result)
    {
        w.WriteStartObject();
        w.WriteNumber("record", result.Record.Number);
        w.WriteString("source", result.Record.Source);
        w.WriteString("id", result.Record.Id);
        if (result.Answers is not { } answers)
        {
            WriteStrings(w, "errors", result.Failure is { } failure ? [failure] : result.Record.Errors.Select(x => x.ToString()));
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
                    WriteStrings(w, "notify_ice_at", d.Effect.At.Select(point => Vocabulary.Word(point)));
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

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }
}
