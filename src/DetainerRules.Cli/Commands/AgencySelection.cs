using System.Collections.Concurrent;
using DetainerRules.Analysis.Batch;
using DetainerRules.Engine;
using DetainerRules.Model.Agencies;
using DetainerRules.Yaml.Agencies;

namespace DetainerRules.Cli.Commands;

/// <summary>
/// Turns an <c>--agency</c> argument into the policy that bound the agency on a day (<see cref="AgencyLayers"/>),
/// compiled once per combination of layers: the one place <c>evaluate</c>, <c>batch</c> and <c>compare</c> get it.
/// </summary>
internal sealed class AgencySelection
{
    private readonly ConcurrentDictionary<string, Lazy<IPolicyEvaluator>> _compiled = new(StringComparer.Ordinal);
    private readonly Yaml.DatedPolicies<IPolicyEvaluator>.Compiler _compile;

    private AgencySelection(AgencyLayers layers, Yaml.DatedPolicies<IPolicyEvaluator>.Compiler compile)
    {
        Layers = layers;
        _compile = compile;
    }

    public Agency Agency => Layers.Agency;

    public AgencyLayers Layers { get; }

    /// <summary>The agency a name means, with the layers that can bind it.</summary>
    /// <param name="compile">What each combination of layers is compiled into (<see cref="PolicySelection.Engine"/>, or the rule network for <c>evaluate</c>).</param>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No agency matches (exit 1), or a layer's policy has problems.</exception>
    /// <exception cref="UsageException">Several agencies match; the candidates are listed (exit 2).</exception>
    public static AgencySelection Resolve(CliContext context, string name, string? state, string[]? rulesFolders, Yaml.DatedPolicies<IPolicyEvaluator>.Compiler compile)
    {
        var roster = AgenciesCommand.Load(context, rulesFolders);
        var agency = AgenciesCommand.Find(roster, name, AgenciesCommand.StateCode(state));
        return new AgencySelection(new AgencyLayers(context.Catalog(rulesFolders), agency, roster), compile);
    }

    /// <summary>The layers in force at a booking, and the policy they compile to.</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">A layer cannot be loaded, or no version of the agency's own family was in force that day.</exception>
    public (AgencyLayers.Layered Layered, IPolicyEvaluator Policy) On(DateTimeOffset bookedAt) => Compiled(Layers.On(bookedAt));

    /// <summary>The layers in force on a day (a comparison at <c>--at</c>), and the policy they compile to.</summary>
    public (AgencyLayers.Layered Layered, IPolicyEvaluator Policy) On(DateOnly day) => Compiled(Layers.On(day));

    /// <summary>For a batch: each record decided by the layers in force on its booking day, its <c>version</c> naming them.</summary>
    public BatchPolicy PerRecord() => BatchPolicy.Layered(Agency.Id, scenario =>
    {
        var (layered, policy) = On(scenario.BookedAt);
        return new BatchPolicy.Choice(policy, layered.Name);
    });

    private (AgencyLayers.Layered, IPolicyEvaluator) Compiled(AgencyLayers.Layered layered) =>
        (layered, _compiled.GetOrAdd(layered.Key, _ => new Lazy<IPolicyEvaluator>(() => _compile(layered.Policy, layered.Authority, null))).Value);
}
