using DetainerRules.Analysis.Batch;
using Parquet;
using Parquet.Schema;

namespace DetainerRules.Reports;

/// <summary>Writes batch results as Apache Parquet: the CSV's columns (<see cref="BatchColumns"/>), typed, one row per input record in input order.</summary>
/// <remarks>
/// Records are held only until a row group is full (<see cref="RowGroupRecords"/>), then written
/// as one, so memory stays flat however long the run. <c>record</c> is an int64 and each policy's
/// <c>hold_until</c> a timestamp (UTC, milliseconds); every other column is text, as the CSV
/// gives it, without the CSV's formula quoting: Parquet holds data, and no reader runs a cell. A
/// value that is absent is null: <c>error</c> for a record with answers, every policy column for
/// a record without, <c>delay_limit</c> and <c>hold_until</c> where there is no limit or end.
/// <para>
/// Parquet.Net writes only asynchronously and the batch outputs are synchronous (the CSV and JSON
/// writers are, and the writing stage runs on one thread in input order), so each call is awaited
/// in place. That cannot deadlock: only <c>detainer batch</c> writes Parquet, on a thread with no
/// synchronization context, and the writer is never shared between threads.
/// </para>
/// </remarks>
public sealed class BatchParquet : IBatchSink
{
    /// <summary>Records per row group: a few megabytes held at once, and groups large enough for a reader to skip and scan well.</summary>
    public const int RowGroupRecords = 16_384;

    private readonly Stream _output;
    private readonly int _groupSize;
    private readonly ParquetSchema _schema;
    private readonly DataField[] _fields;
    private readonly long[] _numbers;
    private readonly string?[][] _text;
    private readonly DateTime?[][] _holds;
    private readonly string?[] _cells = new string?[BatchColumns.Policy.Count];
    private readonly int _holdColumn;
    private ParquetWriter? _writer;
    private int _count;

    /// <param name="output">The file's bytes; it need not seek.</param>
    /// <param name="rowGroupRecords">Records per row group (<see cref="RowGroupRecords"/> unless a test wants several small ones).</param>
    public BatchParquet(Stream output, IReadOnlyList<string> policies, int rowGroupRecords = RowGroupRecords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRecords, 1);
        _output = output;
        _groupSize = rowGroupRecords;
        _holdColumn = BatchColumns.Policy.ToList().IndexOf(BatchColumns.HoldUntil);
        List<DataField> fields = [new DataField<long>(BatchColumns.Record[0])];
        fields.AddRange(BatchColumns.Record.Skip(1).Select(Text));
        foreach (var policy in policies)
        {
            fields.AddRange(BatchColumns.Policy.Select(c => c == BatchColumns.HoldUntil
                ? new DateTimeDataField(BatchColumns.Name(policy, c), DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true)
                : Text(BatchColumns.Name(policy, c))));
        }

        _fields = [.. fields];
        _schema = new ParquetSchema(_fields);
        _numbers = new long[rowGroupRecords];
        _text = [.. Enumerable.Range(0, _fields.Length).Select(f => _fields[f] is DateTimeDataField || f == 0 ? [] : new string?[rowGroupRecords])];
        _holds = [.. policies.Select(_ => new DateTime?[rowGroupRecords])];
    }

    public void Begin() => _writer = ParquetWriter.CreateAsync(_schema, _output).GetAwaiter().GetResult();

    /// <summary>Nothing: a row group is written column by column, from the results themselves.</summary>
    public byte[] Render(BatchResult result) => [];

    public void Write(BatchResult result, byte[] rendered)
    {
        var row = _count++;
        _numbers[row] = result.Record.Number;
        _text[1][row] = result.Record.Source;
        _text[2][row] = result.Record.Id;
        _text[3][row] = BatchColumns.Error(result);
        for (var p = 0; p < _holds.Length; p++)
        {
            var first = BatchColumns.Record.Count + (p * BatchColumns.Policy.Count);
            if (result.Answers is { } answers)
            {
                BatchColumns.Values(answers[p], _cells);
                _holds[p][row] = answers[p].HoldUntil?.UtcDateTime;
            }
            else
            {
                Array.Clear(_cells);
                _holds[p][row] = null;
            }

            for (var c = 0; c < _cells.Length; c++)
            {
                if (c != _holdColumn)
                {
                    _text[first + c][row] = _cells[c];
                }
            }
        }

        if (_count == _groupSize)
        {
            WriteGroup();
        }
    }

    public void End()
    {
        var writer = _writer ?? throw new InvalidOperationException("Begin was not called");
        if (_count > 0)
        {
            WriteGroup();
        }

        // Disposing the writer writes the footer, which makes the file a Parquet file.
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer = null;
    }

    private static DataField Text(string name) => new DataField<string>(name, nullable: true);

    /// <summary>Writes the records held as one row group, column by column in the schema's order, and starts the next.</summary>
    private void WriteGroup()
    {
        var writer = _writer ?? throw new InvalidOperationException("Begin was not called");
        var rows = _count;
        using (var group = writer.CreateRowGroup())
        {
            var hold = 0;
            for (var f = 0; f < _fields.Length; f++)
            {
                var field = _fields[f];
                if (f == 0)
                {
                    group.WriteAsync<long>(field, _numbers.AsMemory(0, rows)).GetAwaiter().GetResult();
                }
                else if (field is DateTimeDataField)
                {
                    group.WriteAsync<DateTime>(field, _holds[hold++].AsMemory(0, rows)).GetAwaiter().GetResult();
                }
                else
                {
                    group.WriteAsync(field, new ArraySegment<string?>(_text[f], 0, rows)!).GetAwaiter().GetResult();
                }
            }

            group.CompleteValidate();
        }

        _count = 0;
        foreach (var column in _text)
        {
            // What was written is let go: the group's text is not held into the next.
            Array.Clear(column);
        }
    }
}
