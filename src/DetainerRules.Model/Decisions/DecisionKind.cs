namespace DetainerRules.Model.Decisions;

/// <summary>The questions every policy answers for an arrest.</summary>
/// <remarks>A public contract: members may be added, never renamed or repurposed.</remarks>
public enum DecisionKind
{
    NotifyIce,
    DelayRelease,
    ReleaseIfIceAbsent,
    TransferToIce,
    IceJailAccess,
    AskImmigrationStatus,
    ShareCriminalIntelligence,
    AssistCivilEnforcement,
}
