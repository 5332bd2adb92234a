namespace DetainerRules.Model.Policies;

/// <summary>How a citation was checked: what a reader may rely on.</summary>
/// <remarks>Ordered from the strongest to the weakest support, so levels compare.</remarks>
public enum Verification
{
    /// <summary>The provision's own text was read, and its operative words are quoted.</summary>
    Primary,

    /// <summary>A report or summary of the provision was read, not the provision.</summary>
    Secondary,

    /// <summary>Our reading where the text is open, or our mapping of it onto the model; the citation says why.</summary>
    Judgement,

    /// <summary>The citation does not say how it was checked.</summary>
    Unstated,
}
