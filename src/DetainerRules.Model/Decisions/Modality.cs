namespace DetainerRules.Model.Decisions;

/// <summary>What the law or policy says about an action.</summary>
/// <remarks>Most of these laws permit rather than require, so a decision is never a bare yes or no.</remarks>
public enum Modality
{
    /// <summary>The policy's sources are silent; nothing is guessed.</summary>
    Unknown,
    Forbidden,

    /// <summary>Left to the agency's discretion.</summary>
    Permitted,
    Required,
}
