using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>A policy as a batch applies it: one policy for every record, a family whose version each record's booking day picks, or an agency whose layers that day picks.</summary>
/// <remarks>
/// A dataset spans years, and a family's law changes within them: a 2019 booking is decided by the
/// law of 2019. The version is picked per record, the day judged in the family's time zone.
/// </remarks>
public sealed class BatchPolicy
{
    private readonly Func<Scenario, Choice> _pick;

    private BatchPolicy(string label, Func<Scenario, Choice> pick)
    {
        Label = label;
        _pick = pick;
    }

    /// <summary>The name results are labelled with: the policy's id, the family's name, or the agency's id.</summary>
    public string Label { get; }

    public static BatchPolicy Single(string label, IPolicyEvaluator policy)
    {
        var choice = new Choice(policy, policy.Policy.Id);
        return new(label, _ => choice);
    }

    /// <param name="pick">The version for a record; throws <see cref="Model.Diagnostics.InvalidInputException"/> when no one version was in force that day.</param>
    public static BatchPolicy Dated(string label, Func<Scenario, IPolicyEvaluator> pick) => new(label, s =>
    {
        var version = pick(s);
        return new Choice(version, version.Policy.Id);
    });

    /// <param name="pick">The policy for a record and the name of what it is made of that day (an agency's layers), which the record's <c>version</c> reports.</param>
    public static BatchPolicy Layered(string label, Func<Scenario, Choice> pick) => new(label, pick);

    /// <exception cref="Model.Diagnostics.InvalidInputException">No one version was in force on the record's booking day.</exception>
    public Choice For(Scenario scenario) => _pick(scenario);

    /// <summary>What decides one record, and the name its <c>version</c> column gives it.</summary>
    public sealed record Choice(IPolicyEvaluator Policy, string Version);
}
