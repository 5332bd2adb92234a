using System.Buffers;
using System.Text;
using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Reports;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Batch;

/// <summary>
/// The test a line passes before the fast readers take it (<see cref="PlainJson"/>), on text and on
/// the UTF-8 of a CSV row's JSON, and the CSV path that hands the direct reader bytes, not text.
/// </summary>
[TestFixture]
public class PlainJsonTests
{
    /// <summary>Characters about every edge of the text test: its control characters, YAML's line breaks, the byte-order mark, non-ASCII, surrogates.</summary>
    private static readonly string[] Palette =
        ["{", "{", " ", "\"", "a", ":", "1", "}", "\t", "\n", "\u0001", "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "é", "😀", "\ud83d", "\\"];

    [Test]
    public void ByteTest_NeverTakesWhatTheTextTestRefuses()
    {
        var random = new Random(41);
        var texts = Enumerable.Range(0, 20_000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Palette[random.Next(Palette.Length)]))).ToList();

        var takenByBytes = texts.Where(t => PlainJson.MayBeObject(Encoding.UTF8.GetBytes(t))).ToList();

        Assert.That(takenByBytes.Where(t => !PlainJson.MayBeObject(t)), Is.Empty, "the byte test must be the stricter");
        Assert.That(takenByBytes, Has.Count.GreaterThan(100), "the mix holds texts both tests take");
        Assert.That(texts.Count(t => PlainJson.MayBeObject(t)), Is.GreaterThan(takenByBytes.Count), "and texts only the text test takes (non-ASCII)");
    }

    [Test]
    public void WriterOutput_PassesTheByteTest_WhateverTheValues()
    {
        // A CSV row's JSON is written by Utf8JsonWriter with its default escaping; a good row must reach the direct reader.
        var random = new Random(42);
        for (var i = 0; i < 2_000; i++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => Palette[random.Next(Palette.Length)]));
            var json = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(json))
            {
                w.WriteStartObject();
                w.WriteString("id", value);
                w.WriteEndObject();
            }

            Assert.That(PlainJson.MayBeObject(json.WrittenSpan), Is.True, () => Encoding.UTF8.GetString(json.WrittenSpan));
        }
    }

    [Test]
    public void TryEncode_GivesTheTextsUtf8_AndRefusesALoneSurrogate()
    {
        Assert.That(PlainJson.TryEncode("""{"id":"é😀"}""", out var json), Is.True);
        try
        {
            Assert.That(json.Bytes.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes("""{"id":"é😀"}""")));
            Assert.That(json.NonAscii, Is.Not.Null, "byte and character indexes differ");
        }
        finally
        {
            json.Dispose();
        }

        Assert.That(PlainJson.TryEncode("{\"id\":\"\ud83d\"}", out _), Is.False);
        Assert.That(PlainJson.TryEncode("id: x", out _), Is.False);
        Assert.That(PlainJson.TryEncode("""  {"id":"x"}""", out var ascii), Is.True);
        Assert.That(ascii.NonAscii, Is.Null);
        ascii.Dispose();
    }

    [Test]
    public void CsvRows_AreReadAsTheSameBookingsAsJsonLines()
    {
        var bookings = BookingGenerator.Generate(400, seed: 23).ToList();
        var csv = ScenarioCsv.Header + "\n" + string.Concat(bookings.Select(s => ScenarioCsv.Row(s) + "\n"));
        var jsonl = string.Concat(bookings.Select(s => ScenarioJson.ToJson(s, indented: false) + "\n"));

        var fromCsv = CsvScenarios.Read(new StringReader(csv), "in.csv").Select(p => p.Parse()).ToList();
        var fromJson = ScenarioRecords.Jsonl(new StringReader(jsonl), "in.jsonl").Select(p => p.Parse()).ToList();

        Assert.That(fromCsv, Has.Count.EqualTo(bookings.Count));
        Assert.That(fromCsv.Where(r => r.Scenario is null).Select(r => r.Errors[0].ToString()), Is.Empty);
        Assert.That(fromCsv.Select(r => ScenarioJson.ToJson(r.Scenario!)), Is.EqualTo(fromJson.Select(r => ScenarioJson.ToJson(r.Scenario!))));
    }
}
