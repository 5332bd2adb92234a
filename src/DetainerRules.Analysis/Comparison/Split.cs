using DetainerRules.Analysis.Grid;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>The cases where the policies answer one subject in one particular, not unanimous, way.</summary>
/// <param name="Answers">One answer per compared policy, in the comparison's order.</param>
/// <param name="Cases">How many compared cases answer this way.</param>
/// <param name="Regions">The cases as a few boxes of dimension values, largest first.</param>
/// <param name="Scenarios">When scenario files were compared: the ids of those that answer this way, in input order.</param>
public sealed record Split(IReadOnlyList<Answer> Answers, long Cases, IReadOnlyList<Region> Regions, IReadOnlyList<string> Scenarios)
{
    /// <summary>Which policies (by index) give each distinct answer, in order of first appearance.</summary>
    public IReadOnlyList<(Answer Answer, IReadOnlyList<int> Policies)> Camps =>
        [.. Answers.Select((a, i) => (a, i)).GroupBy(p => p.a).Select(g => (g.Key, (IReadOnlyList<int>)[.. g.Select(p => p.i)]))];
}
