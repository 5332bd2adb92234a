using DetainerRules.Analysis.Batch;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Yaml;

namespace DetainerRules.Cli.Commands;

/// <summary>Turns a policy argument into a compiled policy: an id, a file, or a family at a date.</summary>
internal static class PolicySelection
{
    /// <summary>Policies compiled for bulk work (a comparison, a space), all judged as of one day: the rule network when <paramref name="reference"/>, else straight to the delegate twin.</summary>
    /// <remarks>
    /// The day is <paramref name="at"/>, else the day the space is booked on (<see cref="BookingDay"/>): a family is
    /// taken at its version in force then, and each policy's authorities at theirs (<see cref="AuthoritiesInForce"/>).
    /// </remarks>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, a file with problems, or a family without a date that picks one version.</exception>
    public static List<(string Name, IPolicyEvaluator Policy)> Pick(CliContext context, PolicyCatalog catalog, IEnumerable<string> names, DateOnly? at, bool reference)
    {
        var loaded = names.Select(name => (Name: name, Policy: Load(context, catalog, name, at))).ToList();
        var inForce = AuthoritiesInForce.On(catalog, at ?? BookingDay.For([.. loaded.Select(p => p.Policy)]).Day);
        return [.. loaded.Select(p => (p.Name, Compile(p.Policy, inForce, reference)))];
    }

    /// <summary>A policy for a batch: a family picks each record's version by its booking day, and every policy its authorities in force that day (each combination compiled once, when first needed).</summary>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy that names none, for its version, authorities, look-backs and hold clocks; null judges those in each record's written offset.</param>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy or family, or a file with problems.</exception>
    public static BatchPolicy PickPerRecord(CliContext context, PolicyCatalog catalog, string name, bool reference, Model.Time.JurisdictionTime? bookings = null)
    {
        var asPath = context.Resolve(name);
        var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : name);
        if (!choice.IsFamily && choice.Undated!.BoundBy.Count == 0)
        {
            var single = Compile(choice.Undated, AuthoritiesInForce.On(catalog, BookingDay.Preferred, bookings), reference);
            return BatchPolicy.Single(single.Policy.Id, single);
        }

        var compositions = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IPolicyEvaluator>>(StringComparer.Ordinal);
        return BatchPolicy.Dated(choice.IsFamily ? name : choice.Undated!.Id, scenario =>
        {
            var version = choice.On(scenario.BookedAt, bookings);
            var inForce = AuthoritiesInForce.At(catalog, scenario.BookedAt, bookings);
            return compositions.GetOrAdd(inForce.Key(version), _ => new Lazy<IPolicyEvaluator>(() => Compile(version, inForce, reference))).Value;
        });
    }

    /// <summary>Compiled in the zone the authorities were chosen in (<see cref="AuthoritiesInForce.Bookings"/>), so its days are judged as its versions were picked.</summary>
    private static IPolicyEvaluator Compile(Model.Policies.Policy policy, AuthoritiesInForce inForce, bool reference) =>
        reference ? PolicyCompiler.Compile(policy, inForce.Authority, inForce.Bookings) : DelegatePolicy.Compile(policy, inForce.Authority, inForce.Bookings);

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
