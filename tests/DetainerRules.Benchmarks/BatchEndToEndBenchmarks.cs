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

namespace DetainerRules.Benchmarks;

/// <summary>
/// <c>detainer batch</c> minus the files: <see cref="LineCount"/> JSON lines in memory read,
/// answered under <c>lvmpd-2023</c> by the delegate twin on every core and written as JSON lines
/// to a null stream; the mean is per record.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="YamlRecords"/> (the baseline) reads each line with the YAML reader as batch did
/// before the JSON node reader; <see cref="JsonRecords"/> is <see cref="ScenarioRecords.Jsonl"/> as
/// batch reads now. Both go through <c>BatchEvaluator.Run</c>
/// and <see cref="BatchOutput"/>, as the command does: rendered in the parallel stage, with reading,
/// evaluating and writing overlapped. (The baseline splits lines with
/// <see cref="StringReader.ReadLine"/>, not the bounded line reader, which flatters it slightly.)
/// <see cref="JsonSerial"/> is the JSON reader with the chunk loop as it was before that
/// (<see cref="SerialBatch"/>): each chunk read, then evaluated, then rendered and written on one thread.
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

        var yaml = Output(YamlRecords);
        if (yaml != Output(JsonRecords))
        {
            throw new InvalidOperationException("batch output differs between the YAML and the JSON node reader");
        }

        using var serial = new StringWriter { NewLine = "\n" };
        SerialBatch.Run(JsonRecords(), _policies, serial);
        if (serial.ToString() != yaml)
        {
            throw new InvalidOperationException("batch output differs between the overlapped stages and the serial baseline");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LineCount, Description = "batch, YAML reader (before)")]
    public long Yaml() => Run(YamlRecords(), Stream.Null);

    [Benchmark(OperationsPerInvoke = LineCount, Description = "batch, JSON node reader, stages one after another (before)")]
    public long JsonSerial()
    {
        using var writer = new StreamWriter(Stream.Null, leaveOpen: true);
        return SerialBatch.Run(JsonRecords(), _policies, writer);
    }

    [Benchmark(OperationsPerInvoke = LineCount, Description = "batch, JSON node reader, stages overlapped (now)")]
    public long Json() => Run(JsonRecords(), Stream.Null);

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

    private IEnumerable<PendingRecord> YamlRecords()
    {
        using var lines = new StringReader(_input);
        var number = 0L;
        while (lines.ReadLine() is { } text)
        {
            var n = ++number;
            yield return new PendingRecord(text.Length, () => new ScenarioRecord(n, $"{File}:{n}", ScenarioLoader.Load(text, File, $"line-{n}"), []));
        }
    }

    private IEnumerable<PendingRecord> JsonRecords() => ScenarioRecords.Jsonl(new StringReader(_input), File);

    private long Run(IEnumerable<PendingRecord> records, Stream to)
    {
        var output = new BatchOutput(to, [Policy], csv: false);
        return BatchEvaluator.Run(records, _policies, output.Render, output.Write, progress: null, CancellationToken.None).Out;
    }

    private string Output(Func<IEnumerable<PendingRecord>> records)
    {
        using var memory = new MemoryStream();
        Run(records(), memory);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
