using DetainerRules.Analysis.Space;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Comparison;

/// <summary>A box of cases described by the values it allows on some dimensions (any value on the rest), with an example.</summary>
/// <param name="Restrictions">Each restricted dimension (by index into the space) with the classes it allows, in dimension order.</param>
/// <param name="Description">The box in words; "every case" when nothing is restricted.</param>
/// <param name="Cases">How many compared cases of the split lie in the box.</param>
/// <param name="Example">A scenario in the box: the representative of a point (over the space) or a compared scenario file.</param>
public sealed record Region(IReadOnlyList<(int Dimension, IReadOnlyList<int> Values)> Restrictions, string Description, long Cases, Scenario Example);
