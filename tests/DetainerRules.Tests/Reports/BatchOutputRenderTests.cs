using System.Text;
using DetainerRules.Analysis.Batch;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml.Batch;

namespace DetainerRules.Tests.Reports;

/// <summary>
/// <see cref="BatchOutput"/> renders each record to UTF-8 in the parallel stage: its bytes must be
/// those the writer wrote when it made a string per record (<see cref="StringBatchOutput"/>), for
/// generated bookings, records in error and hostile text alike.
/// </summary>
[TestFixture]
public class BatchOutputRenderTests
{
    private const string File = "bookings.jsonl";

    /// <summary>Ids a spreadsheet would run as formulas, that CSV must quote, and that are not ASCII.</summary>
    private static readonly string[] HostileIds =
    [
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rReturn", "a,b", "say \"hi\"", "line\nbreak",
        "Ünïcödé 名前 😀", "bidi \u202E txt", "'already quoted", "\"=quoted formula\"", "=", string.Empty,
    ];

    /// <summary>Lines that are records in error, some echoing hostile values into their errors.</summary>
    private static readonly string[] BrokenLines =
    [
        "not json",
        """{"id": "=cmd|' /C calc'!A0", "booked_at": "=1+1"}""",
        """{"id": "bad-level", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "=felony,\"quoted\"\nnew"}]}""",
        """{"id": "ü\u00e9\ud83d\ude00", "booked_at": "yesterday"}""",
        """{"id": "lone \ud800 surrogate", "booked_at": "2025-01-17T09:30:00-08:00", "charges": []}""",
        "{\"id\": \"tab\\tand\\u0007bell\", \"colour\": \"red\"}",
    ];

    /// <summary>Labels as the output names the deciders: a policy id, and an agency's name as a roster spells it (any text).</summary>
    private static readonly string[] Policies = ["lvmpd-2023", "Peñuelas & 'Sheriff' <+> \"HQ\" =1"];

    private static readonly BatchPolicy[] Evaluators = [BatchPolicy.Single(Policies[0], TestPolicies.ShippedDelegate("lvmpd-2023")), BatchPolicy.Single(Policies[1], TestPolicies.ShippedDelegate("nyc"))];

    [TestCase(false)]
    [TestCase(true)]
    public void Render_GeneratedAndHostileRecords_BytesAsTheStringWriterWroteThem(bool csv)
    {
        // Arrange: the results of a run over bookings, hostile ids and broken lines, taken in order.
        var results = new List<BatchResult>();
        BatchEvaluator.Run(Records(), Evaluators, results.Add, null, CancellationToken.None);
        var before = OldBytes(results, csv);

        // Act: rendered and written as the command does, in the parallel stage.
        using var output = new MemoryStream();
        var sink = new BatchOutput(output, Policies, csv);
        sink.Begin();
        var summary = BatchEvaluator.Run(Records(), Evaluators, sink.Render, sink.Write, null, CancellationToken.None);
        sink.End();

        // Assert
        var after = output.ToArray();
        var text = Encoding.UTF8.GetString(after);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Out, Is.EqualTo(results.Count));
            Assert.That(summary.Errors, Is.GreaterThanOrEqualTo(BrokenLines.Length));
            Assert.That(after, Is.EqualTo(before), FirstDifference(before, after));
            Assert.That(text, Does.Not.Contain("\r\n"));
            Assert.That(text, Does.Contain("Ünïcödé 名前"));

            // The hostile text is there to be handled: quoted, guarded, escaped.
            if (csv)
            {
                Assert.That(text, Does.Contain(",\"'=HYPERLINK(\"\"http").And.Contain(",'+1,").And.Contain(",\"say \"\"hi\"\"\",").And.Contain("😀"));
            }
            else
            {
                Assert.That(text, Does.Contain("\"bidi \\u202E txt\"").And.Contain("\\uD83D\\uDE00"));
            }
        }
    }

    [Test]
    public void Render_FromManyThreadsAtOnce_EachRecordAsRenderedAlone()
    {
        // Arrange
        var results = new List<BatchResult>();
        BatchEvaluator.Run(Records(), Evaluators, results.Add, null, CancellationToken.None);
        var json = new BatchOutput(Stream.Null, Policies, csv: false);
        var csv = new BatchOutput(Stream.Null, Policies, csv: true);
        var alone = results.Select(r => (json.Render(r), csv.Render(r))).ToArray();

        // Act: every record rendered by both writers on many threads, several times over.
        var together = new (byte[] Json, byte[] Csv)[results.Count * 8];
        Parallel.For(0, together.Length, i => together[i] = (json.Render(results[i % results.Count]), csv.Render(results[i % results.Count])));

        // Assert
        for (var i = 0; i < together.Length; i++)
        {
            Assert.That(together[i], Is.EqualTo(alone[i % results.Count]), $"record {(i % results.Count) + 1}");
        }
    }

    private static IEnumerable<PendingRecord> Records()
    {
        var scenarios = BookingGenerator.Generate(600, seed: 11).ToList();
        var lines = new List<string>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = i % 7 == 3 ? new Scenario(scenarios[i]) { Id = HostileIds[i % HostileIds.Length] } : scenarios[i];
            lines.Add(ScenarioJson.ToJson(scenario, indented: false));
            if (i % 50 == 0)
            {
                lines.Add(BrokenLines[i / 50 % BrokenLines.Length]);
            }
        }

        return ScenarioRecords.Jsonl(new StringReader(string.Join("\n", lines) + "\n"), File);
    }

    /// <summary>The bytes the writer wrote before: strings through a UTF-8 writer with <c>\n</c> line ends, as the output file's writer was.</summary>
    private static byte[] OldBytes(IReadOnlyList<BatchResult> results, bool csv)
    {
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" })
        {
            var old = new StringBatchOutput(writer, Policies, csv);
            old.Begin();
            results.ToList().ForEach(old.Write);
        }

        return memory.ToArray();
    }

    private static string FirstDifference(byte[] before, byte[] after)
    {
        var at = before.AsSpan().CommonPrefixLength(after);
        var line = before.AsSpan(0, at).Count((byte)'\n') + 1;
        return $"first difference at byte {at}, output line {line}";
    }
}
