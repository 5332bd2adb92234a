using DetainerRules.Cli.Files;
using DetainerRules.Reports;

namespace DetainerRules.Cli.Commands;

/// <summary>How <c>detainer batch</c> writes its results, known by the output's extension.</summary>
internal enum BatchOutputFormat
{
    Jsonl,
    Csv,
    Parquet,
}

/// <summary>Picks the format and its writer.</summary>
internal static class BatchOutputFormats
{
    /// <summary>The format a file name asks for; null for an extension batch does not write.</summary>
    public static BatchOutputFormat? Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" => BatchOutputFormat.Jsonl,
        ".csv" => BatchOutputFormat.Csv,
        ".parquet" => BatchOutputFormat.Parquet,
        _ => null,
    };

    /// <summary>The writer of <paramref name="format"/> into <paramref name="file"/>: every format through its bytes (JSON lines and CSV are rendered to UTF-8 record by record, in parallel).</summary>
    public static IBatchSink Sink(BatchOutputFormat format, OutputFile file, IReadOnlyList<string> policies) => format switch
    {
        BatchOutputFormat.Parquet => new BatchParquet(file.Bytes, policies),
        _ => new BatchOutput(file.Bytes, policies, csv: format == BatchOutputFormat.Csv),
    };
}
