namespace DetainerRules.Model.Scenarios;

/// <summary>What kind of warrant accompanies a detainer.</summary>
public enum WarrantKind
{
    None,

    /// <summary>Signed by an immigration officer (I-200 or I-205), not by a judge.</summary>
    Administrative,

    /// <summary>Signed by a judge on a finding of probable cause.</summary>
    Judicial,
}
