using DetainerRules.Engine;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary>Turns a policy argument into a compiled policy: an id, a file, or a family at a date.</summary>
internal static class PolicySelection
{
    /// <summary>The policy compiled for bulk work: the rule network when <paramref name="reference"/>, else straight to its delegate twin.</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, a file with problems, or a family without a date that picks one version.</exception>
    public static IPolicyEvaluator Pick(CliContext context, PolicyCatalog catalog, string name, DateOnly? at, bool reference)
    {
        return Compile(catalog, Load(context, catalog, name, at), reference);
    }

    /// <summary>A policy for a batch: a family picks each record's version by its booking day (each version compiled once, when first needed); anything else is one policy.</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy or family, or a file with problems.</exception>
    public static Analysis.Batch.BatchPolicy PickPerRecord(CliContext context, PolicyCatalog catalog, string name, bool reference)
    {
        var asPath = context.Resolve(name);
        var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : name);
        if (!choice.IsFamily)
        {
            var single = Compile(catalog, choice.Undated!, reference);
            return Analysis.Batch.BatchPolicy.Single(single.Policy.Id, single);
        }

        var versions = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IPolicyEvaluator>>(StringComparer.Ordinal);
        return Analysis.Batch.BatchPolicy.Dated(name, scenario =>
        {
            var version = choice.On(scenario.BookedAt);
            return versions.GetOrAdd(version.Id, _ => new Lazy<IPolicyEvaluator>(() => Compile(catalog, version, reference))).Value;
        });
    }

    private static IPolicyEvaluator Compile(PolicyCatalog catalog, Model.Policies.Policy policy, bool reference) =>
        reference ? PolicyCompiler.Compile(policy, catalog.Authority) : DelegatePolicy.Compile(policy, catalog.Authority);

    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, a file with problems, or a family without a date that picks one version.</exception>
    private static Model.Policies.Policy Load(CliContext context, PolicyCatalog catalog, string name, DateOnly? at)
    {
        var asPath = context.Resolve(name);
        var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : name);
        if (at is null && choice.Undated is { } undated)
        {
            return undated;
        }

        if (at is null)
        {
            throw new Model.Diagnostics.InvalidInputException([Model.Diagnostics.Diagnostic.Error(
                new Model.Diagnostics.SourceSpan(name, 0, 0), Model.Diagnostics.DiagnosticCodes.Reference, "policy",
                $"`{name}` is a policy family: name a version, or give --at YYYY-MM-DD to pick the one in force that day")]);
        }

        return choice.On(at.Value);
    }
}
