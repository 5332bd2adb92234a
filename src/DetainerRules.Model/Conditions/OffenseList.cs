namespace DetainerRules.Model.Conditions;

/// <summary>The lists of offenses a scenario holds.</summary>
public enum OffenseList
{
    Charges,
    Convictions,
}
