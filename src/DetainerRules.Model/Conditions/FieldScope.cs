namespace DetainerRules.Model.Conditions;

/// <summary>Where a field can be read: on the scenario, or on one charge or conviction inside a quantifier.</summary>
public enum FieldScope
{
    Scenario,
    Offense,
}
