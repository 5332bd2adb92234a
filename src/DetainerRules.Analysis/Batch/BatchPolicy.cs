using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>A policy as a batch applies it: one policy for every record, or a family whose version each record's booking day picks.</summary>
/// <remarks>
/// A dataset spans years, and a family's law changes within them: a 2019 booking is decided by the
/// law of 2019. The version is picked per record, the day judged in the family's time zone.
/// </remarks>
public sealed class BatchPolicy
{
    private readonly Func<Scenario, IPolicyEvaluator> _pick;

    private BatchPolicy(string label, Func<Scenario, IPolicyEvaluator> pick)
    {
        Label = label;
        _pick = pick;
    }

    /// <summary>The name results are labelled with: the policy's id, or the family's name.</summary>
    public string Label { get; }

    public static BatchPolicy Single(string label, IPolicyEvaluator policy) => new(label, _ => policy);

    /// <param name="pick">The version for a record; throws <see cref="Model.Diagnostics.InvalidInputException"/> when no one version was in force that day.</param>
    public static BatchPolicy Dated(string label, Func<Scenario, IPolicyEvaluator> pick) => new(label, pick);

    /// <exception cref="Model.Diagnostics.InvalidInputException">No one version was in force on the record's booking day.</exception>
    public IPolicyEvaluator For(Scenario scenario) => _pick(scenario);
}
