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
        var policy = Load(context, catalog, name, at);
        return reference ? PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside) : DelegatePolicy.Compile(policy, PolicyLoader.LoadBeside);
    }

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
                new Model.Diagnostics.SourceSpan(name, 0, 0), PolicyDiagnosticCodes.Reference, "policy",
                $"`{name}` is a policy family: name a version, or give --at YYYY-MM-DD to pick the one in force that day")]);
        }

        return choice.On(at.Value);
    }
}
