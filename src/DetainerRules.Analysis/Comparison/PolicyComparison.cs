using DetainerRules.Analysis.Space;

namespace DetainerRules.Analysis.Comparison;

/// <summary>What comparing several policies found, subject by subject.</summary>
/// <param name="Policies">The compared policies' labels, in the order given.</param>
/// <param name="Space">The space the policies span; its dimensions describe the regions.</param>
/// <param name="ScenarioCount">When scenario files were compared, how many; null when the whole space was.</param>
/// <param name="Excluded">Scenario files left out by <c>--where</c>.</param>
public sealed record PolicyComparison(
    IReadOnlyList<string> Policies,
    ScenarioSpace Space,
    int? ScenarioCount,
    int Excluded,
    IReadOnlyList<SubjectComparison> Subjects)
{
    /// <summary>For compared policies bound by higher authorities: where their own rules and each authority disagree.</summary>
    public IReadOnlyList<LayerComparison> Layers { get; init; } = [];

    /// <summary>True when the cases were counted without drawing regions (<see cref="SummaryComparer"/>): every split's region list is empty.</summary>
    public bool Summary { get; init; }

    /// <summary>True when every policy gives the same answer on every compared case of every subject.</summary>
    public bool Agree => Subjects.All(s => s.Differing == 0);

    public bool OverSpace => ScenarioCount is null;
}
