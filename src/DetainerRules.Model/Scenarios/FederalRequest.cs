namespace DetainerRules.Model.Scenarios;

/// <summary>Something federal immigration authorities asked of the agency besides a detainer.</summary>
public enum FederalRequest
{
    /// <summary>Join a civil immigration operation (a "roundup").</summary>
    CivilEnforcementOperation,
    JailAccess,
    Interview,
    ReleaseDateInformation,
    CriminalIntelligence,
}
