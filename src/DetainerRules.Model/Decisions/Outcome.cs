namespace DetainerRules.Model.Decisions;

/// <summary>What happens to the person when they become eligible for release.</summary>
public enum Outcome
{
    Released,
    HeldForIce,
    TransferredToIce,

    /// <summary>The agency may choose, or the sources leave it open.</summary>
    Discretionary,
}
