namespace DetainerRules.Model.Scenarios;

/// <summary>What is known of the person's citizenship.</summary>
public enum Citizenship
{
    Unknown,
    UsCitizen,
    Noncitizen,
}
