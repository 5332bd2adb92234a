namespace DetainerRules.Yaml;

/// <summary>Codes for problems in files, stable so tools and tests can match on them.</summary>
public static class PolicyDiagnosticCodes
{
    /// <summary>The file cannot be read.</summary>
    public const string File = "DR100";

    /// <summary>Not well-formed YAML or JSON, or beyond a size limit.</summary>
    public const string Syntax = "DR101";

    /// <summary>A field is missing, unknown, of the wrong type, or outside its vocabulary.</summary>
    public const string Field = "DR102";

    /// <summary>Two things share an id, or an id is malformed.</summary>
    public const string Identity = "DR201";

    /// <summary>A reference to a source, limit, list or condition that does not exist.</summary>
    public const string Reference = "DR202";

    /// <summary>A decision with no default, or an effect missing what its decision needs.</summary>
    public const string Completeness = "DR203";

    /// <summary>Rules that read and set decisions in a cycle; policies that extend or bind each other in one, or beyond the limits.</summary>
    public const string Cycle = "DR204";

    /// <summary>A policy names a file it may not read: an absolute path, one outside the rules folders and its own root, or a file that is not a policy.</summary>
    public const string Reach = "DR205";
}
