namespace DetainerRules.Language;

/// <summary>Codes for problems in conditions, stable so tools and tests can match on them.</summary>
public static class DiagnosticCodes
{
    public const string Syntax = "DR301";
    public const string UnknownName = "DR302";
    public const string WrongOperator = "DR303";
    public const string UnknownValue = "DR304";
    public const string WrongScope = "DR305";
    public const string Cycle = "DR306";
}
