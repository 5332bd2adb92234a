using DetainerRules.Analysis.Flips;

namespace DetainerRules.Reports;

/// <summary>A change that would flip an answer, in the words the text report and the workbench's Evaluate page both use.</summary>
public static class FlipText
{
    /// <summary>The heading before the list.</summary>
    public const string Heading = "What would change it";

    /// <summary>Said when no change to anything the policy reads changes the answer.</summary>
    public const string Nothing = "nothing in the scenario this policy reads.";

    /// <summary><c>forbidden if charge level were felony (now misdemeanor)</c>.</summary>
    public static string Of(Flip flip) =>
        $"{flip.Answer.Text} if {string.Join(" and ", flip.Changes.Select(c => $"{c.Dimension} were {c.To} (now {c.From})"))}";
}
