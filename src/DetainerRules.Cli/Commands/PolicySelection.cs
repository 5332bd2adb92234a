using DetainerRules.Analysis.Batch;
using DetainerRules.Analysis.Comparison;
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
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy that names none, its authorities' included, for its look-backs and hold clocks (<see cref="PickPerRecord"/>); null judges those in each scenario's written offset.</param>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, a file with problems, or a family without a date that picks one version.</exception>
    public static List<(string Name, IPolicyEvaluator Policy)> Pick(CliContext context, PolicyCatalog catalog, IEnumerable<string> names, DateOnly? at, bool reference, Model.Time.JurisdictionTime? bookings = null)
    {
        // Loaded, then compiled, two or more at once (the whole catalog takes a second alone for each); a failure is the first
        // name's in order, as when they were loaded one at a time (InParallel.Map).
        var loaded = InParallel.Map([.. names], name => (Name: name, Policy: Load(context, catalog, name, at)));
        var day = at ?? BookingDay.For([.. loaded.Select(p => p.Policy)]).Day;
        var policies = Compiled(catalog, reference, bookings);
        return [.. InParallel.Map(loaded, p => (p.Name, policies.On(p.Policy, day)))];
    }

    /// <summary>A policy for a batch: a family picks each record's version by its booking day, and every policy its authorities in force that day (each combination compiled once, when first needed).</summary>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy that names none, for its version, authorities, look-backs and hold clocks; null judges those in each record's written offset.</param>
    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy or family, or a file with problems.</exception>
    public static BatchPolicy PickPerRecord(CliContext context, PolicyCatalog catalog, string name, bool reference, Model.Time.JurisdictionTime? bookings = null)
    {
        var asPath = context.Resolve(name);
        var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : name);
        var policies = Compiled(catalog, reference, bookings);
        if (!choice.IsFamily && choice.Undated!.BoundBy.Count == 0)
        {
            var single = policies.On(choice.Undated, BookingDay.Preferred);
            return BatchPolicy.Single(single.Policy.Id, single);
        }

        var perBooking = policies.PerBooking(choice);
        return BatchPolicy.Dated(choice.IsFamily ? name : choice.Undated!.Id, scenario => perBooking(scenario.BookedAt));
    }

    /// <summary>What bulk work compiles a policy into: the rule network with its expressions compiled to IL when <paramref name="reference"/> (<c>--engine nrules</c>), else straight to the delegate twin.</summary>
    public static DatedPolicies<IPolicyEvaluator>.Compiler Engine(bool reference) =>
        reference ? PolicyCompiler.CompileForBulk : DelegatePolicy.Compile;

    /// <summary>Each policy compiled for bulk work (<see cref="Engine"/>), in the zone its authorities were chosen in, so its days are judged as its versions were picked; each authority compiled once, shared by the policies bound by it.</summary>
    private static DatedPolicies<IPolicyEvaluator> Compiled(PolicyCatalog catalog, bool reference, Model.Time.JurisdictionTime? bookings = null) =>
        new(catalog, Composer(reference), bookings);

    /// <summary>As <see cref="Engine"/>, over authorities composed by the same map (so of the same engine).</summary>
    private static DatedPolicies<IPolicyEvaluator>.Composer Composer(bool reference) => reference
        ? (policy, resolve, composed, bookings) => PolicyCompiler.ComposeForBulk(policy, resolve, a => (CompiledPolicy)composed(a), bookings)
        : (policy, resolve, composed, bookings) => DelegatePolicy.Compose(policy, resolve, a => (DelegatePolicy)composed(a), bookings);

    /// <exception cref="Model.Diagnostics.InvalidInputException">No such policy, a file with problems, or a family without a date that picks one version.</exception>
    private static Model.Policies.Policy Load(CliContext context, PolicyCatalog catalog, string name, DateOnly? at)
    {
        var asPath = context.Resolve(name);
        var choice = PolicyChoice.Resolve(catalog, File.Exists(asPath) ? asPath : name);
        return choice.OnDayOrUndated(at) ?? throw new Model.Diagnostics.InvalidInputException([Model.Diagnostics.Diagnostic.Error(
            new Model.Diagnostics.SourceSpan(name, 0, 0), Model.Diagnostics.DiagnosticCodes.Reference, "policy",
            $"`{name}` is a policy family: name a version, or give --at YYYY-MM-DD to pick the one in force that day")]);
    }
}
