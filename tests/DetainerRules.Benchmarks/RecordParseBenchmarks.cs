using System.Text;
using BenchmarkDotNet.Attributes;
using DetainerRules.Analysis.Batch;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.Reports;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Benchmarks;

/// <summary>
/// One JSON-lines batch record read into a scenario: YamlDotNet's parser and the loader (the
/// baseline), the JSON node reader and the loader, the direct reader (batch now), and a hand-written
/// reader that checks nothing (the ceiling); the mean is per record.
/// </summary>
/// <remarks>
/// <see cref="RecordCount"/> lines as <c>detainer generate</c> writes them (seeded), parsed one after
/// another on one thread. The first two end in the same loader and its checks; <c>nodes only</c> rows
/// stop at the node tree, so the difference to the full rows is the loader's share. The direct
/// reader makes the loader's checks on the JSON reader's tokens, with no nodes; the hand-written one
/// makes none. Setup checks that every path gives the same scenario for every line, and that the
/// direct reader takes every line itself.
/// </remarks>
[MemoryDiagnoser]
public class RecordParseBenchmarks
{
    public const int RecordCount = 4096;
    private const string File = "bench.jsonl";

    private string[] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        _lines = [.. BookingGenerator.Generate(RecordCount, 2026).Select(s => ScenarioJson.ToJson(s, indented: false))];
        for (var i = 0; i < _lines.Length; i++)
        {
            var yaml = ScenarioJson.ToJson(ScenarioLoader.Load(DocumentReader.Read(File, _lines[i]).Root, "line"));
            var fast = ScenarioJson.ToJson(ScenarioLoader.Load(JsonNodeReader.Read(File, _lines[i]), "line"));
            if (yaml != fast || JsonNodeReader.TryRead(File, _lines[i]) is null)
            {
                throw new InvalidOperationException($"line {i + 1}: the JSON node reader did not give the YAML reader's scenario, or left the line to it");
            }

            if (JsonScenarioReader.TryRead(_lines[i], "line") is not { } direct || ScenarioJson.ToJson(direct) != yaml)
            {
                throw new InvalidOperationException($"line {i + 1}: the direct reader did not give the loader's scenario, or left the line to it");
            }

            if (ScenarioJson.ToJson(HandReadLine.Read(Encoding.UTF8.GetBytes(_lines[i]))) != ScenarioJson.ToJson(ScenarioLoader.Load(DocumentReader.Read(File, _lines[i]).Root, "line")))
            {
                throw new InvalidOperationException($"line {i + 1}: the hand-written reader misreads it");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RecordCount, Description = "YAML reader + loader (before)")]
    public int Yaml()
    {
        var charges = 0;
        foreach (var line in _lines)
        {
            charges += ScenarioLoader.Load(DocumentReader.Read(File, line).Root, "line").Charges.Count;
        }

        return charges;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "JSON node reader + loader (batch before)")]
    public int Json()
    {
        var charges = 0;
        foreach (var line in _lines)
        {
            charges += ScenarioLoader.Load(JsonNodeReader.Read(File, line), "line").Charges.Count;
        }

        return charges;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "direct reader (batch now)")]
    public int Direct()
    {
        var charges = 0;
        foreach (var line in _lines)
        {
            charges += JsonScenarioReader.TryRead(line, "line")!.Charges.Count;
        }

        return charges;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "ceiling: hand-written Utf8JsonReader, no checks")]
    public int Hand()
    {
        var charges = 0;
        foreach (var line in _lines)
        {
            charges += HandReadLine.Read(Encoding.UTF8.GetBytes(line)).Charges.Count;
        }

        return charges;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "YAML reader, nodes only")]
    public int YamlNodes()
    {
        var entries = 0;
        foreach (var line in _lines)
        {
            entries += ((YamlMapping)DocumentReader.Read(File, line).Root).Entries.Count;
        }

        return entries;
    }

    [Benchmark(OperationsPerInvoke = RecordCount, Description = "JSON node reader, nodes only")]
    public int JsonNodes()
    {
        var entries = 0;
        foreach (var line in _lines)
        {
            entries += JsonNodeReader.TryRead(File, line)!.Entries.Count;
        }

        return entries;
    }
}
