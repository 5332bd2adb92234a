namespace DetainerRules.Cli.Commands;

/// <summary>How <c>detainer generate</c> writes its records.</summary>
internal enum RecordFormat
{
    Jsonl,
    Csv,
}
