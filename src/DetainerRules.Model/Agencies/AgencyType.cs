namespace DetainerRules.Model.Agencies;

/// <summary>What kind of law enforcement body an agency is.</summary>
public enum AgencyType
{
    Sheriff,
    LocalPolice,
    StateAgency,
    Corrections,
    Other,
}
