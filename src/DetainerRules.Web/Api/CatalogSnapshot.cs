using System.Collections.Concurrent;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary>The catalog as its files stand, shared by every request until one of them changes: each file loaded once, each policy compiled once (the delegate twin, which the differential suites hold to the rule network's verdicts), each name resolved once.</summary>
/// <remarks>
/// <para>
/// The compiled policies are <see cref="DatedPolicies{T}"/>, the one cache the command line uses, kept
/// for as long as the snapshot. Its size is bounded by the catalog's: one entry per policy and
/// authorities in force, and per name that resolves. A policy a request brings as text
/// (<see cref="DetachedPolicy"/>) is never kept: its key, a made-up path and its id, could name another
/// request's text, and requests would fill memory. It is compiled for its request alone.
/// </para>
/// <para>
/// Safe to share between threads: <see cref="PolicyFiles"/> reads each file once under its own lock, the caches here are
/// concurrent, and compiled policies evaluate concurrently (a session per evaluation).
/// </para>
/// </remarks>
public sealed class CatalogSnapshot
{
    private readonly Action _compiled;
    private readonly DatedPolicies<DelegatePolicy>.Composer _compileTwin;
    private readonly DatedPolicies<DelegatePolicy> _twins;
    private readonly ConcurrentDictionary<string, PolicyChoice> _choices = new(StringComparer.Ordinal);
    private readonly Lazy<(List<Policy> Policies, List<Diagnostic> Problems)> _all;
    private readonly ConcurrentDictionary<string, Pages.ExpectationCases> _cases = new(StringComparer.Ordinal);

    /// <param name="compiled">Told of each compilation (the tests count them).</param>
    internal CatalogSnapshot(CatalogSearchPath searchPath, Action compiled)
    {
        Catalog = new PolicyCatalog(searchPath);
        _compiled = compiled;
        _compileTwin = Counted<DelegatePolicy>(DelegatePolicy.Compose);
        _twins = new(Catalog, _compileTwin);
        _all = new(() => CatalogLookup.LoadAll(Catalog));
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>Every policy of the catalog that loads, and the problems of those that do not (<see cref="CatalogLookup.LoadAll"/>), read once.</summary>
    public (List<Policy> Policies, List<Diagnostic> Problems) All => _all.Value;

    /// <summary>A policy or family by name (<see cref="CatalogLookup.Choose"/>); a name that resolves is remembered, a failure is looked up again each time.</summary>
    /// <exception cref="Http.ProblemException">400: not an id; 404: no such policy or family.</exception>
    /// <exception cref="InvalidInputException">The policy, or a version of the family, has problems.</exception>
    public PolicyChoice Choose(string name, string field) =>
        _choices.TryGetValue(name, out var known) ? known : _choices.GetOrAdd(name, CatalogLookup.Choose(Catalog, name, field));

    /// <summary>The delegate twin of <paramref name="policy"/> with the authorities in force at a booking or on a day (<see cref="DatedPolicies{T}.For"/>), every policy that names no zone placed in <paramref name="bookings"/> when given (<c>--timezone</c>).</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public DelegatePolicy Twin(Policy policy, DateTimeOffset bookedAt, DateOnly? day, JurisdictionTime? bookings = null) => Of(policy, bookings).For(policy, bookedAt, day);

    /// <summary>The delegate twin of <paramref name="policy"/> with the authorities in force on <paramref name="day"/>, placed in <paramref name="bookings"/> as <see cref="Twin(Policy, DateTimeOffset, DateOnly?, JurisdictionTime?)"/> is.</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public DelegatePolicy Twin(Policy policy, DateOnly day, JurisdictionTime? bookings = null) => Of(policy, bookings).On(policy, day);

    /// <summary>The expectation cases of a catalog policy, run under its cached twins once for this snapshot (and again when a file they read changes: <see cref="Pages.ExpectationCases.Stale"/>), so a page view does not run them all.</summary>
    /// <remarks>Two requests that find no run both run the cases; the last one's is kept, and both are the same.</remarks>
    public Pages.ExpectationCases CasesOf(Policy policy)
    {
        if (IsFromRequest(policy))
        {
            return Pages.ExpectationCases.Run(policy, (p, at, bookings) => Twin(p, at, null, bookings));
        }

        if (_cases.TryGetValue(policy.Id, out var known) && !known.Stale)
        {
            return known;
        }

        var run = Pages.ExpectationCases.Run(policy, (p, at, bookings) => Twin(p, at, null, bookings));
        _cases[policy.Id] = run;
        return run;
    }

    /// <summary>True for a policy a request brought as text rather than a file of the catalog.</summary>
    public static bool IsFromRequest(Policy policy) => string.Equals(Path.GetDirectoryName(policy.Span.File), DetachedPolicy.Folder, StringComparison.Ordinal);

    /// <summary>The shared cache for a catalog file (one for each zone the bookings are placed in); a cache of its own, dropped with the request, for a text.</summary>
    /// <remarks>The placed caches are bounded as the shared one is, times the zones asked for, and the database has a few hundred.</remarks>
    private DatedPolicies<DelegatePolicy> Of(Policy policy, JurisdictionTime? bookings) =>
        IsFromRequest(policy) ? new DatedPolicies<DelegatePolicy>(Catalog, _compileTwin, bookings)
        : _twins.In(bookings);

    private DatedPolicies<T>.Composer Counted<T>(DatedPolicies<T>.Composer compile)
        where T : class =>
        (policy, authority, composed, bookings) =>
        {
            _compiled();
            return compile(policy, authority, composed, bookings);
        };
}
