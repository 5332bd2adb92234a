namespace DetainerRules.Model.Agencies;

/// <summary>A row of a source list that could not be read, kept in the roster so that no row is lost without a word.</summary>
/// <param name="Line">The row's line in the source file (the header is line 1).</param>
/// <param name="Agency">The agency the row names, when it names one.</param>
public sealed record RefusedRow(long Line, string? Agency, string Reason);
