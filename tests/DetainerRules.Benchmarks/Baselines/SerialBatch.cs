using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>
/// <c>detainer batch</c> as it ran before the pipeline (main at e08a2e7): read a chunk, evaluate it
/// across cores, then on one thread render each result to a string and write it to a
/// <see cref="TextWriter"/>, with the cores idle while reading and writing.
/// </summary>
/// <remarks>
/// The chunk loop and the JSON-lines writing are copies of that code. Each chunk is evaluated by
/// <see cref="BatchEvaluator.Run(IEnumerable{PendingRecord}, IReadOnlyList{BatchPolicy}, Action{BatchResult}, Action{long}?, CancellationToken)"/>
/// over the chunk alone (the old <c>Evaluate</c> is private), which costs a task or two a chunk.
/// </remarks>
public static class SerialBatch
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();
    private static readonly JsonWriterOptions LineOptions = JsonReport.Options with { Indented = false };

    public static long Run(IEnumerable<PendingRecord> records, IReadOnlyList<BatchPolicy> policies, TextWriter writer)
    {
        var labels = policies.Select(p => p.Label).ToArray();
        var chunk = new List<PendingRecord>(BatchEvaluator.ChunkSize);
        var results = new List<BatchResult>(BatchEvaluator.ChunkSize);
        var written = 0L;
        using var input = records.GetEnumerator();
        while (true)
        {
            chunk.Clear();
            var characters = 0L;
            while (chunk.Count < BatchEvaluator.ChunkSize && characters < BatchEvaluator.ChunkCharacters && input.MoveNext())
            {
                chunk.Add(input.Current);
                characters += input.Current.Length;
            }

            if (chunk.Count == 0)
            {
                return written;
            }

            results.Clear();
            BatchEvaluator.Run(chunk, policies, results.Add, progress: null, CancellationToken.None);
            foreach (var result in results)
            {
                writer.WriteLine(JsonReport.Render(w => WriteJson(w, result, labels), LineOptions));
                written++;
            }
        }
    }

    private static void WriteJson(Utf8JsonWriter w, BatchResult result, string[] policies)
    {
        w.WriteStartObject();
        w.WriteNumber("record", result.Record.Number);
        w.WriteString("source", result.Record.Source);
        w.WriteString("id", result.Record.Id);
        if (result.Answers is not { } answers)
        {
            Strings(w, "errors", result.Failure is { } failure ? [failure] : result.Record.Errors.Select(x => x.ToString()));
            w.WriteEndObject();
            return;
        }

        w.WriteStartObject("policies");
        for (var p = 0; p < policies.Length; p++)
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
                    Strings(w, "notify_ice_at", d.Effect.At.Select(point => Vocabulary.Word(point)));
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

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
