using DetainerRules.Analysis.Batch;

namespace DetainerRules.Reports;

/// <summary>Where a batch run's results go, one record at a time in input order (JSON lines, CSV or Parquet).</summary>
public interface IBatchSink
{
    /// <summary>Writes what comes before the first record (a header, a file's signature).</summary>
    void Begin();

    void Write(BatchResult result);

    /// <summary>Writes what is held back and what ends the file; called only when every record was written, so a run that fails leaves an unfinished file (which its owner removes).</summary>
    void End();
}
