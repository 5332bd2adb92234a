using DetainerRules.Analysis.Batch;

namespace DetainerRules.Reports;

/// <summary>Where a batch run's results go, one record at a time in input order (JSON lines, CSV or Parquet).</summary>
/// <remarks>
/// A record's output is made in two steps, so that the costly one runs on every core:
/// <see cref="Render"/> beside the evaluation, on many threads at once, and <see cref="Write"/>
/// on one thread, in input order.
/// </remarks>
public interface IBatchSink
{
    /// <summary>Writes what comes before the first record (a header, a file's signature).</summary>
    void Begin();

    /// <summary>The record's output as bytes, line end included; called from many threads at once, so it shares no state. Empty for a format that writes by column (Parquet).</summary>
    byte[] Render(BatchResult result);

    /// <summary>Writes a record's result, with what <see cref="Render"/> made of it, after every record before it.</summary>
    void Write(BatchResult result, byte[] rendered);

    /// <summary>Writes what is held back and what ends the file; called only when every record was written, so a run that fails leaves an unfinished file (which its owner removes).</summary>
    void End();
}
