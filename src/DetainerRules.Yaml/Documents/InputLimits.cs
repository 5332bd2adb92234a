namespace DetainerRules.Yaml.Documents;

/// <summary>Bounds on input files, so that a hostile or broken file fails fast with a clear message.</summary>
public static class InputLimits
{
    /// <summary>Largest policy or scenario file, in characters.</summary>
    public const int MaxFileLength = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings.</summary>
    public const int MaxDepth = 32;

    /// <summary>Longest single scalar, in characters.</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>Earliest year a date or time may have.</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year a date or time may have.</summary>
    public const int MaxYear = 2200;

    /// <summary>Most rules a policy may have, variants merged.</summary>
    public const int MaxRules = 10_000;
}
