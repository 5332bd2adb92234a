using System.Diagnostics;
using System.Text;
using DetainerRules.Analysis.Batch;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Fuzz;

/// <summary>
/// Batch inputs through the readers, the evaluator and the output writer, checking that nothing is
/// lost: one result and one output line per record, numbered in order, counts that agree, every
/// problem at a position, in bounded time and memory.
/// </summary>
/// <remarks>
/// <c>jsonl</c> and <c>csv</c> take the input as a whole file (a CSV's first line is its header).
/// <c>batch</c> takes it as one corrupted record between valid ones: the first byte picks JSON
/// lines (even) or CSV (odd), the rest is the record's text, put after <see cref="Around"/> valid
/// records and before as many more; each valid record must come out exactly as in a clean run, and
/// no message may quote the records after it (a quote that swallows them would).
/// </remarks>
internal sealed class BatchHarness : IFuzzHarness
{
    /// <summary>Valid records before and after the corrupted one.</summary>
    public const int Around = 12;

    private readonly Lazy<IReadOnlyList<(string Label, IPolicyEvaluator Policy)>> _policies;
    private readonly Lazy<(string[] Json, string[] Csv, string[] Ids, string[] Answers)> _valid;

    public BatchHarness(Target target, Paths paths)
    {
        Target = target;
        _policies = new(() => [.. new[] { "lvmpd-2023", "california" }.Select(id => (id, (IPolicyEvaluator)DelegatePolicy.Compile(PolicyLoader.LoadFile(Path.Combine(paths.Rules, id + ".yaml")), PolicyLoader.LoadBeside)))]);
        _valid = new(() =>
        {
            var scenarios = BookingGenerator.Generate(2 * Around, seed: 11).ToList();
            var json = scenarios.Select(s => ScenarioJson.ToJson(s, indented: false)).ToArray();
            var answers = Run(string.Join('\n', json) + "\n", csv: false).Results.Select(Describe).ToArray();
            return (json, [.. scenarios.Select(ScenarioCsv.Row)], [.. scenarios.Select(s => s.Id)], answers);
        });
    }

    public Target Target { get; }

    public string LastOutcome { get; private set; } = string.Empty;

    public void WarmUp() => _ = _valid.Value;

    public void Check(string text)
    {
        var small = text.Length < Harness.SmallInput;
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        RunChecked(text);
        clock.Stop();
        var used = GC.GetTotalAllocatedBytes() - allocated;
        if (small && used > Harness.MemoryLimit)
        {
            throw new ContractViolationException("memory", $"{used / (1024 * 1024)} MiB allocated for an input of {text.Length} characters");
        }

        if (small && clock.Elapsed > Harness.TimeLimit)
        {
            clock.Restart();
            RunChecked(text);
            if (clock.Elapsed > Harness.TimeLimit)
            {
                throw new ContractViolationException("hang", $"{clock.Elapsed.TotalSeconds:F1} s for an input of {text.Length} characters (limit {Harness.TimeLimit.TotalSeconds} s)");
            }
        }
    }

    private void RunChecked(string text)
    {
        if (Target != Target.Batch)
        {
            CheckWhole(text, Target == Target.Csv);
            return;
        }

        var csv = text.Length > 0 && text[0] % 2 == 1;
        var corrupted = text.Length > 0 ? text[1..] : string.Empty;
        var valid = _valid.Value;
        var lines = csv ? valid.Csv : valid.Json;
        var input = (csv ? CsvScenarios.Header + "\n" : string.Empty)
            + string.Join('\n', lines[..Around]) + "\n" + corrupted + "\n" + string.Join('\n', lines[Around..]) + "\n";
        var run = CheckWhole(input, csv);
        if (run.Results.Count < 2 * Around)
        {
            throw new ContractViolationException("lost", $"{run.Results.Count} records out, fewer than the {2 * Around} valid ones around the corrupted record");
        }

        for (var i = 0; i < 2 * Around; i++)
        {
            var result = i < Around ? run.Results[i] : run.Results[run.Results.Count - (2 * Around) + i];
            if (result.Record.Id != valid.Ids[i] || Describe(result) != valid.Answers[i])
            {
                throw new ContractViolationException("lost", $"valid record {valid.Ids[i]} came out as {result.Record.Id ?? "(no id)"}: {Describe(result)}; expected {valid.Answers[i]}", "a valid record changed");
            }
        }

        foreach (var result in run.Results.Where(r => r.Record.Errors.Count > 0))
        {
            foreach (var error in result.Record.Errors)
            {
                if (valid.Ids[Around..].FirstOrDefault(id => error.Message.Contains(id, StringComparison.Ordinal)) is { } quoted)
                {
                    throw new ContractViolationException("echo", $"the error of record {result.Record.Number} quotes the later record {quoted}: {error.Message[..Math.Min(200, error.Message.Length)]}", "an error quotes later records");
                }
            }
        }
    }

    /// <summary>The whole text as a batch input: every record read is written, once, in order, and its problems are positioned.</summary>
    private (List<BatchResult> Results, BatchSummary? Summary) CheckWhole(string text, bool csv)
    {
        (List<BatchResult> Results, BatchSummary? Summary) run;
        try
        {
            run = Run(text, csv);
        }
        catch (InvalidInputException e) when (csv)
        {
            // A CSV whose header is wrong is refused whole, with positioned diagnostics.
            LastOutcome = "header refused: " + (e.Diagnostics.Count > 0 ? e.Diagnostics[0].ToString() : e.Message);
            CheckPositions(e.Diagnostics, text);
            return ([], null);
        }

        var (results, summary) = run;
        LastOutcome = $"{summary!.In} in, {summary.Out} out, {summary.Errors} with errors";
        if (summary.In != summary.Out || results.Count != summary.Out)
        {
            throw new ContractViolationException("counts", $"{summary.In} records read, {summary.Out} counted out, {results.Count} written");
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Record.Number != i + 1)
            {
                throw new ContractViolationException("order", $"output record {i + 1} is input record {results[i].Record.Number}");
            }

            CheckPositions(results[i].Record.Errors, text);
        }

        if (!csv && NonBlankLines(text) is var expected && expected != results.Count)
        {
            throw new ContractViolationException("counts", $"{expected} non-blank lines, {results.Count} records");
        }

        using var output = new MemoryStream();
        var sink = new BatchOutput(output, [.. _policies.Value.Select(p => p.Label)], csv: false);
        results.ForEach(r => sink.Write(r, sink.Render(r)));
        var lines = output.ToArray().Count(b => b == (byte)'\n');
        if (lines != results.Count)
        {
            throw new ContractViolationException("counts", $"{results.Count} records written as {lines} output lines");
        }

        return run;
    }

    private (List<BatchResult> Results, BatchSummary? Summary) Run(string text, bool csv)
    {
        var results = new List<BatchResult>();
        var reader = new StringReader(text);
        var records = csv ? CsvScenarios.Read(reader, "fuzz-input.csv") : ScenarioRecords.Jsonl(reader, "fuzz-input.jsonl");
        var summary = BatchEvaluator.Run(records, _policies.Value, results.Add, null, CancellationToken.None);
        return (results, summary);
    }

    private static void CheckPositions(IReadOnlyList<Diagnostic> diagnostics, string text)
    {
        var lines = text.Count(c => c == '\n') + text.Count(c => c == '\r') + 1;
        if (diagnostics.FirstOrDefault(d => d.Span.Line < 1 || d.Span.Column < 1 || d.Span.Line > lines || d.Message.Length == 0) is { } bad)
        {
            throw new ContractViolationException("position", $"diagnostic without a position in the input: {bad.Span.Line}:{bad.Span.Column} {bad.Code} {bad.Message[..Math.Min(200, bad.Message.Length)]}", bad.Code.Id);
        }
    }

    /// <summary>Lines with something other than white space, split as <see cref="TextReader.ReadLine"/> does, one leading byte-order mark ignored.</summary>
    private static int NonBlankLines(string text)
    {
        var count = 0;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
        {
            if (!string.IsNullOrWhiteSpace(line.StartsWith('\uFEFF') ? line[1..] : line))
            {
                count++;
            }
        }

        return count;
    }

    private static string Describe(BatchResult result)
    {
        if (result.Answers is not { } answers)
        {
            return "errors: " + string.Join("; ", result.Record.Errors.Select(e => e.Code));
        }

        var text = new StringBuilder();
        foreach (var a in answers)
        {
            text.Append(string.Join(",", a.Decisions.Select(d => $"{d.Kind}={d.Value}"))).Append($" {a.Outcome} {a.HoldUntil:O}|");
        }

        return text.ToString();
    }
}
