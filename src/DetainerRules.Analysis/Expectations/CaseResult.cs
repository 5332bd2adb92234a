using DetainerRules.Model.Decisions;
using DetainerRules.Model.Expectations;

namespace DetainerRules.Analysis.Expectations;

/// <summary>What running one expectation case found.</summary>
/// <param name="File">The expectation file the case is in.</param>
/// <param name="Verdict">The policy's verdict; null when the case could not be run.</param>
/// <param name="Error">Why the case could not be run (an unknown policy or scenario, a failed evaluation); null when it ran.</param>
public sealed record CaseResult(string File, ExpectationCase Case, Verdict? Verdict, IReadOnlyList<Mismatch> Mismatches, string? Error)
{
    public bool Passed => Error is null && Mismatches.Count == 0;
}
