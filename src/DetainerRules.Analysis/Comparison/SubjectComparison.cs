namespace DetainerRules.Analysis.Comparison;

/// <summary>How the compared policies answer one subject over all compared cases.</summary>
/// <param name="Cases">The cases compared: points of the subject's part of the space, or scenario files.</param>
/// <param name="Differing">Cases where not every policy gives the same answer.</param>
/// <param name="Dimensions">The dimensions that can change this subject's answer (indices into the space).</param>
/// <param name="Agreeing">For each pair of policies (by index), the cases where they give the same answer.</param>
/// <param name="Splits">Each way the policies split, largest first.</param>
public sealed record SubjectComparison(
    Subject Subject,
    long Cases,
    long Differing,
    IReadOnlyList<int> Dimensions,
    long[,] Agreeing,
    IReadOnlyList<Split> Splits)
{
    /// <summary>The share of cases on which two policies agree, from 0 to 1; 1 when there are no cases.</summary>
    public double Agreement(int a, int b) => Cases == 0 ? 1 : (double)Agreeing[a, b] / Cases;
}
