namespace DetainerRules.Model.Conditions;

/// <summary>The type of a field, which decides the operators it accepts.</summary>
public enum FieldKind
{
    /// <summary>Yes or no, always known.</summary>
    Flag,

    /// <summary>Yes, no, or unknown.</summary>
    OptionalFlag,

    /// <summary>A vocabulary value.</summary>
    Choice,

    /// <summary>A vocabulary value that may be absent (e.g. no detainer).</summary>
    OptionalChoice,

    /// <summary>A vocabulary value whose members are ordered.</summary>
    OrderedChoice,

    /// <summary>A set of vocabulary values.</summary>
    Set,
    Text,
    OptionalText,
}
