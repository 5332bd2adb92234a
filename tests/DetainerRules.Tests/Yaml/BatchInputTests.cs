using DetainerRules.Analysis.Batch;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// The batch readers: a broken record is one record with a positioned error and every other record
/// is read as if it were not there; records are bounded; white-space lines, byte-order marks and
/// ids behave the same in CSV and JSON lines.
/// </summary>
[TestFixture]
public class BatchInputTests
{
    private const string Booked = "2025-01-17T09:30:00-08:00";

    private static readonly List<Scenario> Generated = [.. BookingGenerator.Generate(300, seed: 21)];

    private static List<ScenarioRecord> Csv(string text) => [.. CsvScenarios.Read(new StringReader(text), "in.csv").Select(r => r.Parse())];

    private static List<ScenarioRecord> Jsonl(string text) => [.. ScenarioRecords.Jsonl(new StringReader(text), "in.jsonl").Select(r => r.Parse())];

    private static string CsvOf(IEnumerable<string> rows) => string.Join("\n", [ScenarioCsv.Header, .. rows]) + "\n";

    [Test]
    public void Csv_StrayQuoteMidFile_OneRowInErrorAndEveryOtherRowKept()
    {
        // Arrange: the case at a smaller scale: a quote opened at the start of row 151 and never closed.
        var rows = Generated.Select(ScenarioCsv.Row).ToList();
        rows[150] = "\"" + rows[150];

        // Act
        var records = Csv(CsvOf(rows));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Count.EqualTo(300));
            Assert.That(records.Select(r => r.Number), Is.EqualTo(Enumerable.Range(1, 300).Select(i => (long)i)));
            Assert.That(records[150].Errors.Single().ToString(), Does.StartWith("in.csv:152:1: error DR101: id: unterminated quote: the quote at column 1"));
            Assert.That(records[150].Errors.Single().Message, Has.Length.LessThan(200), "the message does not quote the rows it would have swallowed");
            Assert.That(records.Where((_, i) => i != 150).Select(r => r.Scenario?.Id), Is.EqualTo(Generated.Where((_, i) => i != 150).Select(s => s.Id)));
        }
    }

    [Test]
    public void Csv_StrayQuoteInALaterCell_KeepsTheIdReadBeforeIt()
    {
        var row = ScenarioCsv.Row(Generated[0]).Split(',');
        row[7] = "\"" + row[7];

        var records = Csv(CsvOf([string.Join(",", row), ScenarioCsv.Row(Generated[1])]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Count.EqualTo(2));
            Assert.That(records[0].Errors.Single().Field, Is.EqualTo("charges"));
            Assert.That(records[0].Errors.Single().Message, Does.StartWith("unterminated quote"));
            Assert.That(records[0].Id, Is.EqualTo(Generated[0].Id));
            Assert.That(records[1].Scenario?.Id, Is.EqualTo(Generated[1].Id));
        }
    }

    [Test]
    public void Csv_StrayQuoteInTheHeader_PositionedErrorWithABoundedMessage()
    {
        var text = CsvOf(Generated.Select(ScenarioCsv.Row)).Replace("id,booked_at", "id,\"booked_at", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidInputException>(() => Csv(text))!.Diagnostics.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ToString(), Does.StartWith("in.csv:1:4: error DR101: header: unterminated quote"));
            Assert.That(error.Message, Has.Length.LessThan(200));
            Assert.That(error.Message, Does.Not.Contain("resumes"), "a broken header stops the run");
        }
    }

    [Test]
    public void Csv_UnknownColumnOfAMegabyte_NamedInAFewWords()
    {
        var error = Assert.Throws<InvalidInputException>(() => Csv($"id,booked_at,charges,{new string('x', 1 << 20)}\n"))!.Diagnostics.Single();

        Assert.That(error.ToString(), Has.Length.LessThan(600));
    }

    [Test]
    public void Csv_QuotedCellWithALineBreak_IsOneRow()
    {
        var records = Csv($"id,booked_at,charges\n\"two\nlines\",{Booked},felony|robbery\nnext,{Booked},felony|theft\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records.Select(r => r.Scenario?.Id), Is.EqualTo(new[] { "two\nlines", "next" }));
            Assert.That(records.Select(r => r.Source), Is.EqualTo(new[] { "in.csv:2", "in.csv:4" }));
        }
    }

    [Test]
    public void Csv_QuoteThatClosesLinesLaterWithTheWrongCells_DoesNotSwallowThem()
    {
        // The quote opened on row 1 closes on row 3 ("x",) but the lines between would make a row of the wrong width.
        var records = Csv($"id,booked_at,charges\n\"a,{Booked},felony|robbery\nb,{Booked},felony|theft\n\"x\",{Booked},felony|dui\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Count.EqualTo(3));
            Assert.That(records[0].Errors.Single().Message, Does.StartWith("unterminated quote"));
            Assert.That(records[1].Scenario?.Id, Is.EqualTo("b"));
            Assert.That(records[2].Scenario?.Id, Is.EqualTo("x"));
        }
    }

    [Test]
    public void Csv_TextAfterAClosingQuote_IsAnErrorAtItsColumn()
    {
        var record = Csv($"id,booked_at,charges\n\"a\"b,{Booked},felony|robbery\n").Single();

        Assert.That(record.Errors.Single().ToString(), Does.StartWith("in.csv:2:4: error DR101: id: text after the closing quote"));
    }

    [Test]
    public void Csv_ExtraPartInAChargeOrConviction_IsAnErrorNotDropped()
    {
        var records = Csv($"id,booked_at,charges,convictions\na,{Booked},felony|robbery|robbery|NRS 200.380|extra,\nb,{Booked},felony|robbery,felony|theft|2015-05-14||theft|NRS 1|more\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records[0].Errors.Single().ToString(), Is.EqualTo("in.csv:2:29: error DR102: charges (charges[0]): `felony|robbery|robbery|NRS 200.380|extra` has 5 parts; an item has at most 4: level|category|offense|statute (write `\\|` for a `|` inside a part, `\\;` for a `;`)"));
            Assert.That(records[1].Errors.Single().Message, Does.Contain("has 7 parts; an item has at most 6: level|category|convicted_on|released_on|offense|statute"));
            Assert.That(records.Select(r => r.Id), Is.EqualTo(new[] { "a", "b" }), "the ids were readable");
        }
    }

    [Test]
    public void Csv_WrongNumberOfCells_KeepsAFirstColumnIdOnly()
    {
        var records = Csv($"id,booked_at,charges\na,{Booked}\n{Booked},felony|theft,b\n");
        var later = Csv($"booked_at,charges,id\n{Booked},felony|theft\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records[0].Errors.Single().Message, Is.EqualTo("expected 3 cells as in the header, found 2"));
            Assert.That(records[0].Id, Is.EqualTo("a"));
            Assert.That(later[0].Id, Is.Null, "a missing cell shifts the others: the third cell is not surely the id");
        }
    }

    [Test]
    public void SpacesOnlyLine_IsSkippedInCsvAndJsonLinesAlike()
    {
        var json = ScenarioJson.ToJson(Generated[0], indented: false);

        var csv = Csv($"id,booked_at,charges\n   \na,{Booked},felony|robbery\n \t \n");
        var jsonl = Jsonl($"   \n{json}\n \t \n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(csv.Select(r => (r.Number, r.Source, r.Scenario?.Id)), Is.EqualTo(new[] { (1L, "in.csv:3", (string?)"a") }));
            Assert.That(jsonl.Select(r => (r.Number, r.Source, r.Scenario?.Id)), Is.EqualTo(new[] { (1L, "in.jsonl:2", (string?)Generated[0].Id) }));
        }
    }

    [Test]
    public void ByteOrderMarkMidFile_IsNotPartOfTheId()
    {
        // Two files joined with cat: the second one's byte-order mark lands at the start of a line.
        var json = ScenarioJson.ToJson(Generated[0], indented: false);

        var csv = Csv($"id,booked_at,charges\na,{Booked},felony|robbery\n\uFEFFb,{Booked},felony|theft\n");
        var jsonl = Jsonl($"{json}\n\uFEFF{json}\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(csv.Select(r => r.Scenario?.Id), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(jsonl.Select(r => r.Scenario?.Id), Is.EqualTo(new[] { Generated[0].Id, Generated[0].Id }));
        }
    }

    [Test]
    public void RecordWithProblems_KeepsItsReadableId()
    {
        var csv = Csv($"id,booked_at,charges\nrow-id,{Booked},felonious|robbery\n,{Booked},felonious|robbery\n");
        var jsonl = Jsonl($$"""
            {"id": "line-id", "booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "felonious", "category": "theft"}]}
            {"booked_at": "{{Booked}}", "charges": [{"offense": "x", "level": "felonious", "category": "theft"}]}
            {"id": 7, "booked_at": "bad"}
            {"id": {"a": 1}, "booked_at": "bad"}
            {not json
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(csv.Select(r => (r.Id, r.Errors.Count)), Is.EqualTo(new[] { ((string?)"row-id", 1), ("row-2", 1) }));
            Assert.That(jsonl.Select(r => r.Id), Is.EqualTo(new[] { "line-id", "line-2", "7", null, null }), "an id that is not text, or a line that is not JSON, gives none");
            Assert.That(jsonl.All(r => r.Scenario is null), Is.True);
        }
    }

    [Test]
    public void JsonLines_LineLongerThanARecordMayBe_OneErrorAndTheNextLinesRead()
    {
        var json = ScenarioJson.ToJson(Generated[0], indented: false);
        var longLine = new string(' ', InputLimits.MaxFileLength) + "{}";

        var records = Jsonl($"{json}\n{longLine}\n{json}\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Count.EqualTo(3));
            Assert.That(records[1].Errors.Single().ToString(), Does.StartWith($"in.jsonl:2:1: error DR100: the line is 4,194,306 characters long; the limit for one record is 4,194,304"));
            Assert.That(records[2].Scenario?.Id, Is.EqualTo(Generated[0].Id));
        }
    }

    [Test]
    public void Csv_LineWithoutABreakLongerThanARecordMayBe_OneErrorRecord()
    {
        var records = Csv($"id,booked_at,charges\n{new string('x', InputLimits.MaxFileLength + 10)}");

        Assert.That(records.Single().Errors.Single().ToString(), Does.StartWith("in.csv:2:1: error DR100: the line is 4,194,314 characters long; the limit for one record is 4,194,304; the row is skipped"));
    }

    [Test]
    public void Reading_AnEndlessLineWhenCancelled_StopsInsteadOfReadingOn()
    {
        // What /dev/zero did to a run: one line without end. Cancelling (Ctrl+C, SIGTERM) must reach the reader inside the line.
        using var cancel = new CancellationTokenSource();
        var reader = new EndlessReader(() => cancel.Cancel(), cancelAfterReads: 50);

        Assert.Throws<OperationCanceledException>(() => ScenarioRecords.Jsonl(reader, "endless.jsonl", cancel.Token).Count());
        Assert.That(reader.Reads, Is.LessThan(60));
    }

    [Test]
    public void Csv_EndlessLineWhenCancelled_StopsInsteadOfReadingOn()
    {
        using var cancel = new CancellationTokenSource();
        var reader = new EndlessReader(() => cancel.Cancel(), cancelAfterReads: 50);

        Assert.Throws<OperationCanceledException>(() => CsvScenarios.Read(reader, "endless.csv", cancel.Token).Count());
    }

    /// <summary>Zeros without end, as <c>/dev/zero</c> reads; calls <c>onRead</c> once after a number of reads.</summary>
    private sealed class EndlessReader(Action onRead, int cancelAfterReads) : TextReader
    {
        public int Reads { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            if (++Reads == cancelAfterReads)
            {
                onRead();
            }

            Array.Fill(buffer, '\0', index, count);
            return count;
        }
    }
}
