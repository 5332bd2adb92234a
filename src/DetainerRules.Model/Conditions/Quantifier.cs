namespace DetainerRules.Model.Conditions;

/// <summary>How many elements of a list must match.</summary>
public enum Quantifier
{
    Any,
    No,
    Every,
}
