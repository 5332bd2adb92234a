using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DetainerRules.Analysis.Batch;
using DetainerRules.Cli;
using DetainerRules.Cli.Files;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using Parquet.Schema;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// <c>detainer batch --output FILE.parquet</c>: read back with Parquet.Net, every cell is the CSV
/// output's of the same run (same records, same order, same columns), typed where the type is
/// clear, with text from the input kept exactly as data, and written through the same writer as
/// every output, so an interrupted run leaves nothing.
/// </summary>
[TestFixture]
[Platform(Exclude = "Win", Reason = "hard links and signals as Unix has them")]
public class BatchParquetTests
{
    /// <summary>Ids a spreadsheet would run, a page would render, or a terminal would turn around: in Parquet they are data, byte for byte.</summary>
    private static readonly string[] HostileIds =
    [
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2",
        "@SUM(A1:A9)",
        "tab\tinside",
        "<script>alert(1)</script>",
        "\u202Eexe.txt\u202C and \u2066isolate\u2069 and zero\u200Bwidth",
        "comma, \"quote\" and\nline break",
    ];

    private string _dir = null!;
    private int _records;
    private (int Exit, string Out, string Err) _csvRun;
    private (int Exit, string Out, string Err) _parquetRun;
    private ParquetTable _parquet = null!;
    private List<string[]> _csv = null!;

    [OneTimeSetUp]
    public async Task RunBothFormats()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-parquet-").FullName;

        // Two policies written for the test: one holds on an I-247A for 48 clock hours (so hold_until has values), one refuses and gives notice at two points.
        Directory.CreateDirectory(Path.Combine(_dir, "rules"));
        File.WriteAllText(Path.Combine(_dir, "rules", "holding.yaml"), TestPolicies.Yaml("""
              - id: hold
                when: detainer.form = I-247A
                then:
                  delay_release: { value: required, limit: clock48 }
                because: b
                cite: src
            """).Replace("id: test-policy", "id: holding", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "rules", "refusing.yaml"), TestPolicies.Yaml("""
              - id: refuse
                when: detainer.form in [I-247A, I-247N, I-203]
                then:
                  delay_release: { value: forbidden }
                because: b
                cite: src
              - id: notify
                when: any charge(level = felony)
                then:
                  notify_ice: { value: permitted, at: [booking, release] }
                because: b
                cite: src
            """).Replace("id: test-policy", "id: refusing", StringComparison.Ordinal));

        // More records than two row groups hold, so the file has three; hostile ids and bad records among them.
        var lines = BookingGenerator.Generate((2 * BatchParquet.RowGroupRecords) + 100, seed: 12).Select(s => ScenarioJson.ToJson(s, indented: false)).ToList();
        lines.Insert(5, """{"id": "bad-level", "booked_at": "2025-01-17T09:30:00-08:00", "charges": [{"offense": "x", "level": "=HYPERLINK(\"http://x\")", "category": "theft"}]}""");
        lines.Insert(BatchParquet.RowGroupRecords + 3, "{not json");
        for (var i = 0; i < HostileIds.Length; i++)
        {
            var node = JsonNode.Parse(lines[100 + i])!;
            node["id"] = HostileIds[i];
            lines[100 + i] = node.ToJsonString();
        }

        _records = lines.Count;
        File.WriteAllLines(Path.Combine(_dir, "in.jsonl"), lines);

        _csvRun = Run("batch", "-p", "holding", "-p", "refusing", "--rules", "rules", "-i", "in.jsonl", "-o", "out.csv");
        _parquetRun = Run("batch", "-p", "holding", "-p", "refusing", "--rules", "rules", "-i", "in.jsonl", "-o", "out.parquet");
        _parquet = await ParquetTable.Read(Path.Combine(_dir, "out.parquet"));
        _csv = Csv(File.ReadAllText(Path.Combine(_dir, "out.csv")));
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Parquet_EveryCell_IsTheCsvCellOfTheSameRun()
    {
        Assert.That(_parquet.Names, Is.EqualTo(_csv[0]), "the same columns in the same order");
        Assert.That(_parquet.Rows, Has.Count.EqualTo(_csv.Count - 1));
        for (var r = 0; r < _parquet.Rows.Count; r++)
        {
            for (var c = 0; c < _parquet.Names.Count; c++)
            {
                var expected = _parquet.Rows[r][c] switch
                {
                    null => string.Empty,
                    long number => number.ToString(CultureInfo.InvariantCulture),
                    DateTime utc => utc.ToString("o", CultureInfo.InvariantCulture),
                    string text => SpreadsheetSafe(text),
                    var other => throw new AssertionException($"unexpected {other.GetType()}"),
                };
                var csv = _csv[r + 1][c];
                if (_parquet.Rows[r][c] is DateTime)
                {
                    // The CSV writes the instant with the jurisdiction's offset; Parquet holds the instant.
                    csv = DateTimeOffset.Parse(csv, CultureInfo.InvariantCulture).UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
                }

                Assert.That(csv, Is.EqualTo(expected), $"row {r + 1}, column {_parquet.Names[c]}");
            }
        }
    }

    [Test]
    public void Parquet_BothRuns_SameExitCodeAndSummary()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_parquetRun.Exit, Is.EqualTo(ExitCodes.RecordsRefused), _parquetRun.Err);
            Assert.That(_csvRun.Exit, Is.EqualTo(ExitCodes.RecordsRefused), _csvRun.Err);
            Assert.That(_parquetRun.Out, Does.StartWith($"{_records.ToString("N0", CultureInfo.InvariantCulture)} records in, {_records.ToString("N0", CultureInfo.InvariantCulture)} written to out.parquet, 2 with errors"));
            Assert.That(_parquetRun.Out.Replace("out.parquet", "out.csv", StringComparison.Ordinal), Is.EqualTo(_csvRun.Out));
            Assert.That(Directory.GetFiles(_dir, "*.partial"), Is.Empty);
        }
    }

    [Test]
    public void Parquet_MoreRecordsThanAGroup_SeveralGroupsInInputOrder()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_parquet.GroupSizes, Is.EqualTo(new long[] { BatchParquet.RowGroupRecords, BatchParquet.RowGroupRecords, _records - (2 * BatchParquet.RowGroupRecords) }));
            Assert.That(_parquet.Rows.Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(1, _records).Select(i => (long)i)));
        }
    }

    [Test]
    public void Parquet_Columns_TypedWhereTheTypeIsClear()
    {
        var fields = _parquet.Fields;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields[0].ClrType, Is.EqualTo(typeof(long)));
            Assert.That(fields[0].IsNullable, Is.False, "every record has a number");
            foreach (var policy in new[] { "holding", "refusing" })
            {
                var until = fields.Single(f => f.Name == $"{policy}:hold_until");
                Assert.That(until, Is.InstanceOf<DateTimeDataField>());
                Assert.That(((DateTimeDataField)until).IsAdjustedToUTC, Is.True);
                Assert.That(((DateTimeDataField)until).DateTimeFormat, Is.EqualTo(DateTimeFormat.Timestamp));
            }

            Assert.That(fields.Skip(1).Where(f => f is not DateTimeDataField).Select(f => f.IsNullable), Is.All.True);
            Assert.That(fields.Skip(1).Where(f => f is not DateTimeDataField).Select(f => f.ClrType), Is.All.Not.EqualTo(typeof(long)).And.All.Not.EqualTo(typeof(DateTime)));
        }
    }

    [Test]
    public void Parquet_TwoPolicies_EachAnswersInItsOwnColumns()
    {
        var holds = _parquet.Column("holding:hold_until").OfType<DateTime>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(holds, Is.Not.Empty, "the holding policy's holds have an end");
            Assert.That(holds.Select(h => h.Kind), Is.All.EqualTo(DateTimeKind.Utc));
            Assert.That(_parquet.Column("refusing:hold_until").OfType<DateTime>(), Is.Empty, "the refusing policy never holds");
            Assert.That(_parquet.Column("holding:delay_limit").OfType<string>().Distinct().Count(), Is.EqualTo(1), "the one limit, where there is a hold");
            Assert.That(_parquet.Column("holding:delay_limit").Count(v => v is not null), Is.EqualTo(_parquet.Column("holding:delay_release").Count(v => v is "required")));
            Assert.That(_parquet.Column("refusing:notify_ice_at").OfType<string>().Distinct(), Is.EquivalentTo(new[] { string.Empty, "booking;release" }));
            Assert.That(_parquet.Column("holding:version").OfType<string>().Distinct(), Is.EqualTo(new[] { "holding" }));
            Assert.That(_parquet.Column("refusing:delay_release").OfType<string>().Distinct(), Is.EquivalentTo(new[] { "unknown", "forbidden" }));
        }
    }

    [Test]
    public void Parquet_RecordsWithErrors_ErrorTextAndNoAnswers()
    {
        var error = _parquet.Index("error");
        var refused = _parquet.Rows.Where(r => r[error] is not null).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Select(r => (long)r[0]!), Is.EqualTo(new long[] { 6, BatchParquet.RowGroupRecords + 4 }), "one in the first group, one in the second");
            Assert.That((string)refused[0][error]!, Does.StartWith("in.jsonl:6:").And.Contain("error DR102: charges[0].level: `=HYPERLINK"));
            Assert.That(refused[0][_parquet.Index("id")], Is.EqualTo("bad-level"));
            Assert.That((string)refused[1][error]!, Does.StartWith($"in.jsonl:{BatchParquet.RowGroupRecords + 4}:").And.Contain("error DR101"));
            Assert.That(refused.SelectMany(r => r.Skip(BatchColumns.Record.Count)), Is.All.Null, "a refused record has no answers, not empty ones");
            Assert.That(_parquet.Rows.Where(r => r[error] is null).Select(r => r[_parquet.Index("holding:outcome")]), Is.All.Not.Null);
        }
    }

    [Test]
    public void Parquet_HostileText_KeptExactlyAsData()
    {
        var id = _parquet.Index("id");
        var ids = _parquet.Rows.Skip(100).Take(HostileIds.Length).Select(r => (string?)r[id]).ToList();
        var csvIds = _csv.Skip(101).Take(HostileIds.Length).Select(r => r[id]).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.EqualTo(HostileIds), "each id as the input gave it, with no quote added and nothing escaped");
            Assert.That(csvIds[0], Is.EqualTo("'" + HostileIds[0]), "the CSV of the same run quotes the formula; Parquet does not need to");
            Assert.That(((string)_parquet.Rows[5][_parquet.Index("error")]!).Contains("=HYPERLINK(\"http://x\")", StringComparison.Ordinal), Is.True, "an error echoing a value keeps it");
        }
    }

    [Test]
    public async Task Parquet_NoRecords_AFileWithTheColumnsAndNoRows()
    {
        File.WriteAllText(Path.Combine(_dir, "empty.jsonl"), string.Empty);

        var (exit, _, error) = Run("batch", "-p", "holding", "--rules", "rules", "-i", "empty.jsonl", "-o", "empty.parquet");
        var table = await ParquetTable.Read(Path.Combine(_dir, "empty.parquet"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(table.Names, Is.EqualTo(BatchColumns.All(["holding"])));
            Assert.That(table.Rows, Is.Empty);
        }
    }

    [Test]
    public void Parquet_UnknownExtension_UsageErrorNamingTheFormats()
    {
        var (exit, _, error) = Run("batch", "-p", "holding", "--rules", "rules", "-i", "in.jsonl", "-o", "out.xlsx");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--output `out.xlsx`: name a .jsonl, .csv or .parquet file"));
            Assert.That(File.Exists(Path.Combine(_dir, "out.xlsx")), Is.False);
        }
    }

    [Test]
    public void Parquet_OutputIsAHardLinkOfTheInput_RefusedAndTheInputUntouched()
    {
        var input = Path.Combine(_dir, "linked.jsonl");
        File.Copy(Path.Combine(_dir, "in.jsonl"), input, overwrite: true);
        var before = File.ReadAllBytes(input);
        var output = Path.Combine(_dir, "linked.parquet");
        File.Delete(output);
        using (var ln = Process.Start("ln", [input, output]))
        {
            ln.WaitForExit();
        }

        var (exit, _, error) = Run("batch", "-p", "holding", "--rules", "rules", "-i", "linked.jsonl", "-o", "linked.parquet");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--output `linked.parquet` is the same file as the input `"));
            Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
            Assert.That(Directory.GetFiles(_dir, "linked.parquet.*.partial"), Is.Empty);
        }
    }

    [Test]
    public void Parquet_Terminated_LeavesNoParquetFile()
    {
        // Arrange: enough records that the run is still writing row groups when it is stopped.
        var input = Path.Combine(_dir, "large.jsonl");
        File.WriteAllLines(input, BookingGenerator.Generate(200_000, seed: 13).Select(s => ScenarioJson.ToJson(s, indented: false)));
        var output = Path.Combine(_dir, "large.parquet");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "detainer.dll");
        using var run = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "batch", "-p", "holding", "--rules", "rules", "--input", input, "--output", output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _dir,
        })!;

        // Act: stop it once a row group is on disk (the first bytes are buffered until then).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Partials(output).Any(p => new FileInfo(p).Length > 0) && !run.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.That(run.HasExited, Is.False, "the run finished before it could be stopped; give it more records");
        using (var term = Process.Start("kill", ["-TERM", run.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            term.WaitForExit();
        }

        run.WaitForExit(60_000);
        var error = run.StandardError.ReadToEnd();

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Interrupted), error);
            Assert.That(error, Does.Contain("interrupted; " + output + " was not written"));
            Assert.That(File.Exists(output), Is.False);
            Assert.That(Partials(output), Is.Empty, "a run that is asked to stop removes its row groups");
        }
    }

    [Test]
    public void Parquet_WritingFails_TheOutputsErrorComesThroughAsItIs()
    {
        // The file's own error (a full disk, as OutputFile reports it) must reach the command unwrapped, so it exits 5 and removes the .partial.
        var sink = new BatchParquet(new FailingStream(afterBytes: 1000), ["p"], rowGroupRecords: 10);
        sink.Begin();

        var thrown = Assert.Throws<OutputException>(() =>
        {
            for (var i = 1; i <= 1000; i++)
            {
                sink.Write(new BatchResult(new ScenarioRecord(i, $"x.jsonl:{i}", null, []), null, "evaluation failed: " + new string('x', 50)), []);
            }

            sink.End();
        });

        Assert.That(thrown!.Message, Does.Contain("no space left"));
    }

    /// <summary>A CSV cell as the CSV output writes it before quoting: a formula's first character gets a <c>'</c>.</summary>
    private static string SpreadsheetSafe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>RFC 4180, read here apart from the tool's own reader: cells in double quotes may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        return rows;
    }

    /// <summary>A file that fills up: the first bytes are taken, then every write fails as <see cref="OutputFile"/> reports a full disk.</summary>
    private sealed class FailingStream(int afterBytes) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _written += count;
            if (_written > afterBytes)
            {
                throw new OutputException("`out.parquet`", "no space left on device");
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static string[] Partials(string output) => Directory.GetFiles(Path.GetDirectoryName(output)!, Path.GetFileName(output) + ".*.partial");

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, args);
}
