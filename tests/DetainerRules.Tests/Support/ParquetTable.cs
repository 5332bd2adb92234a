using Parquet;
using Parquet.Schema;

namespace DetainerRules.Tests.Support;

/// <summary>A Parquet file read whole with Parquet.Net: its fields, each row's values (long, DateTime, string or null) and each row group's size.</summary>
internal sealed record ParquetTable(IReadOnlyList<DataField> Fields, List<object?[]> Rows, List<long> GroupSizes)
{
    public IReadOnlyList<string> Names { get; } = [.. Fields.Select(f => f.Name)];

    public static async Task<ParquetTable> Read(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        var rows = new List<object?[]>();
        var sizes = new List<long>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            sizes.Add(count);
            var columns = new object?[fields.Length][];
            for (var f = 0; f < fields.Length; f++)
            {
                columns[f] = fields[f].ClrType == typeof(long) ? await Longs(group, fields[f], count)
                    : fields[f].ClrType == typeof(DateTime) ? await Times(group, fields[f], count)
                    : await Texts(group, fields[f], count);
            }

            rows.AddRange(Enumerable.Range(0, count).Select(r => columns.Select(c => c[r]).ToArray()));
        }

        return new ParquetTable(fields, rows, sizes);
    }

    public int Index(string name) => Names.ToList().IndexOf(name) is >= 0 and var i ? i : throw new AssertionException($"no column {name}");

    public IEnumerable<object?> Column(string name)
    {
        var index = Index(name);
        return Rows.Select(r => r[index]);
    }

    private static async Task<object?[]> Longs(ParquetRowGroupReader group, DataField field, int count)
    {
        var values = new long[count];
        await group.ReadAsync<long>(field, values);
        return [.. values.Cast<object?>()];
    }

    private static async Task<object?[]> Times(ParquetRowGroupReader group, DataField field, int count)
    {
        var values = new DateTime?[count];
        await group.ReadAsync<DateTime>(field, values);
        return [.. values.Select(v => (object?)v)];
    }

    private static async Task<object?[]> Texts(ParquetRowGroupReader group, DataField field, int count)
    {
        var values = new string?[count];
        await group.ReadAsync(field, values!);
        return [.. values];
    }
}
