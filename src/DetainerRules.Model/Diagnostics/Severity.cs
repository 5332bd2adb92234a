namespace DetainerRules.Model.Diagnostics;

/// <summary>How bad a finding is.</summary>
public enum Severity
{
    Error,
    Warning,
}
