namespace DetainerRules.Model.Policies;

/// <summary>What a citation does for the rule that gives it.</summary>
public enum CitationRole
{
    /// <summary>The rule rests on it: the rule is no better verified than this citation.</summary>
    Basis,

    /// <summary>
    /// Read beside the rule's basis, to corroborate or explain it (a news report of the ordinance, a
    /// bill summary beside the enrolled text); the rule does not rest on it, so it does not lower the rule's level.
    /// </summary>
    Context,
}
