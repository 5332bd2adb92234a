using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DetainerRules.Analysis.Batch;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Benchmarks;

/// <summary>
/// <c>detainer batch</c> minus the files: <see cref="LineCount"/> JSON lines in memory read,
/// answered under <c>lvmpd-2023</c> by the delegate twin on every core and written as JSON lines
/// to a null stream; the mean is per record.
/// </summary>
/// <remarks>
/// <para>
/// Two rows are batch as it was: <see cref="Yaml"/> (the baseline; each line read by YamlDotNet's
/// parser and the loader, as when issue 18 was filed) and <see cref="NodeReader"/> (the JSON node
/// reader and the loader, as until 2 December 2026), both through the chunk loop as it was then
/// (<see cref="SerialBatch"/>: each chunk read, evaluated, then rendered and written on one thread).
/// <see cref="Now"/> is batch as the command runs it: <see cref="ScenarioRecords.Jsonl"/> (a good
/// line read straight into the scenario) through <c>BatchEvaluator.Run</c>, each record rendered
/// by <see cref="BatchOutput"/> in the parallel stage. (The old rows split lines with
/// <see cref="StringReader.ReadLine"/>, not the bounded line reader, which flatters them slightly.)
/// </para>
/// <para>
/// <see cref="Ceiling"/> is what the same work could cost at best: each line read by hand with
/// <see cref="Utf8JsonReader"/> (<see cref="HandReadLine"/>), answered by the hand-written
/// policy, the record number, id and eight answers (not the limits, times and outcome batch writes) written with <see cref="Utf8JsonWriter"/>, chunks of
/// <see cref="BatchEvaluator.ChunkSize"/> lines under <see cref="Parallel.For(int, int, Action{int})"/>
/// and written in order. It checks nothing and explains nothing.
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class BatchEndToEndBenchmarks
{
    public const int LineCount = 100_000;
    private const string Policy = "lvmpd-2023";
    private const string File = "bench.jsonl";

    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();

    private string _input = string.Empty;
    private BatchPolicy[] _policies = [];

    [GlobalSetup]
    public void Setup()
    {
        _input = string.Join("\n", BookingGenerator.Generate(LineCount, BatchBenchmarks.Seed).Select(s => ScenarioJson.ToJson(s, indented: false))) + "\n";
        _policies = [BatchPolicy.Single(Policy, DelegatePolicy.From(Equivalence.Network(Policy)))];

        // The ceiling reads what the loader reads, on the lines where that can be checked quickly.
        foreach (var line in _input.Split('\n').Take(2000).Where(l => l.Length > 0))
        {
            if (ScenarioJson.ToJson(HandReadLine.Read(Encoding.UTF8.GetBytes(line))) != ScenarioJson.ToJson(ScenarioLoader.Load(line, File, "line")))
            {
                throw new InvalidOperationException($"the hand-written reader misreads {line}");
            }
        }

        var now = Output();
        foreach (var (name, records) in new[] { ("YAML", YamlRecords()), ("node reader", NodeRecords()) })
        {
            using var serial = new StringWriter { NewLine = "\n" };
            SerialBatch.Run(records, _policies, serial);
            if (serial.ToString() != now)
            {
                throw new InvalidOperationException($"batch output differs between the {name} baseline and batch now");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LineCount, Description = "before: YAML reader + loader, rendered and written on one thread")]
    public long Yaml()
    {
        using var writer = new StreamWriter(Stream.Null, leaveOpen: true);
        return SerialBatch.Run(YamlRecords(), _policies, writer);
    }

    [Benchmark(OperationsPerInvoke = LineCount, Description = "before: JSON node reader + loader, rendered and written on one thread")]
    public long NodeReader()
    {
        using var writer = new StreamWriter(Stream.Null, leaveOpen: true);
        return SerialBatch.Run(NodeRecords(), _policies, writer);
    }

    [Benchmark(OperationsPerInvoke = LineCount, Description = "now: direct reader, rendered in the parallel stage")]
    public long Now() => Run(Stream.Null);

    [Benchmark(OperationsPerInvoke = LineCount, Description = "ceiling: Utf8JsonReader + hand-written + Utf8JsonWriter")]
    public long Ceiling()
    {
        using var lines = new StringReader(_input);
        var chunk = new List<string>(BatchEvaluator.ChunkSize);
        var outputs = new byte[BatchEvaluator.ChunkSize][];
        var written = 0L;
        var number = 0L;
        while (true)
        {
            chunk.Clear();
            while (chunk.Count < BatchEvaluator.ChunkSize && lines.ReadLine() is { } line)
            {
                chunk.Add(line);
            }

            if (chunk.Count == 0)
            {
                return written;
            }

            var first = number;
            Parallel.For(0, chunk.Count, i => outputs[i] = Answer(first + i + 1, chunk[i]));
            for (var i = 0; i < chunk.Count; i++)
            {
                Stream.Null.Write(outputs[i]);
                written += outputs[i].Length;
            }

            number += chunk.Count;
        }
    }

    private static byte[] Answer(long number, string line)
    {
        var scenario = HandReadLine.Read(Encoding.UTF8.GetBytes(line));
        var answer = HandWritten.Lvmpd2023.Answer(scenario);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("record", number);
            w.WriteString("id", scenario.Id);
            w.WriteStartObject(Policy);
            foreach (var kind in Kinds)
            {
                w.WriteString(Vocabulary.Word(kind), Vocabulary.Word(answer[kind]));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private IEnumerable<PendingRecord> YamlRecords() =>
        Lines((n, text) => ScenarioLoader.Load(DocumentReader.Read(File, text).Root, $"line-{n}"));

    private IEnumerable<PendingRecord> NodeRecords() =>
        Lines((n, text) => ScenarioLoader.Load(JsonNodeReader.Read(File, text), $"line-{n}"));

    private IEnumerable<PendingRecord> Lines(Func<long, string, Scenario> read)
    {
        using var lines = new StringReader(_input);
        var number = 0L;
        while (lines.ReadLine() is { } text)
        {
            var n = ++number;
            yield return new PendingRecord(text.Length, () => new ScenarioRecord(n, $"{File}:{n}", read(n, text), []));
        }
    }

    private long Run(Stream to)
    {
        var output = new BatchOutput(to, [Policy], csv: false);
        return BatchEvaluator.Run(ScenarioRecords.Jsonl(new StringReader(_input), File), _policies, output.Render, output.Write, progress: null, CancellationToken.None).Out;
    }

    private string Output()
    {
        using var memory = new MemoryStream();
        Run(memory);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
