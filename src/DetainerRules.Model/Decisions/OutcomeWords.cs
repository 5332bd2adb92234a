using System.Diagnostics;

namespace DetainerRules.Model.Decisions;

/// <summary>An outcome as a reader says it ("held for ICE"), for text, Markdown and HTML.</summary>
/// <remarks>The vocabulary word (<c>held_for_ice</c>) is for what machines and policy files read: JSON, CSV, expectation files.</remarks>
public static class OutcomeWords
{
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Released => "released",
        Outcome.HeldForIce => "held for ICE",
        Outcome.TransferredToIce => "transferred to ICE",
        Outcome.Discretionary => "discretionary",
        _ => throw new UnreachableException($"no words for the outcome {outcome}"),
    };
}
