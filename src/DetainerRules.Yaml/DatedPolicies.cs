using System.Collections.Concurrent;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;

namespace DetainerRules.Yaml;

/// <summary>Policies as they decide bookings: each policy with the versions of its <c>bound_by</c> authorities in force on the booking day (<see cref="AuthoritiesInForce"/>), compiled once per composition however many bookings it decides.</summary>
/// <typeparam name="T">What a composition is compiled into: the rule network (<c>PolicyCompiler.Compose</c>), the delegate twin (<c>DelegatePolicy.Compose</c>), or either as <c>IPolicyEvaluator</c>. Only that one is compiled.</typeparam>
/// <remarks>
/// <para>
/// The compiler is handed in because this is the lowest layer that knows which authorities are in
/// force, and it cannot see the engines: the YAML project references the model and the language only,
/// the engine the model only. The engines' <c>Compose(policy, resolveAuthority, composedAuthority, bookings)</c>
/// fit <see cref="Composer"/> as they are.
/// </para>
/// <para>
/// Compositions are keyed as <see cref="AuthoritiesInForce.Key(Policy)"/> tells them apart (the policy, its
/// authorities' versions, and where the bookings are), so two days under the same law share one.
/// Safe to call from many threads: each key is compiled once, the others wait for it.
/// </para>
/// <para>
/// An authority inside a composition is itself a composition of this map, under the same authorities
/// in force: <c>california</c> bound above <c>los-angeles-county</c> and <c>stockton</c> on a day is
/// the very object <c>california</c> compiled alone that day is, compiled once, and asked once where
/// answers are kept by object (a comparison's). A different authority, or another version of it,
/// has another key, so another object. Only an absent layer (<see cref="AbsentLayer"/>) is composed
/// for each policy bound by it, since its reason names that policy and the day.
/// </para>
/// </remarks>
public sealed class DatedPolicies<T>
    where T : class
{
    private readonly Composer _compile;
    private readonly ConcurrentDictionary<string, Lazy<T>> _compiled;

    // This one and its siblings placed in other zones (In), by zone id ("" for none): one compiled map for all.
    private readonly ConcurrentDictionary<string, DatedPolicies<T>> _placed;

    /// <param name="catalog">Where the authorities' versions are looked up.</param>
    /// <param name="compile">The engine to compile into.</param>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the zone of every policy that names none; null judges days in each booking's written offset.</param>
    public DatedPolicies(PolicyCatalog catalog, Composer compile, JurisdictionTime? bookings = null)
        : this(catalog, compile, bookings, new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    private DatedPolicies(PolicyCatalog catalog, Composer compile, JurisdictionTime? bookings, ConcurrentDictionary<string, Lazy<T>> compiled, ConcurrentDictionary<string, DatedPolicies<T>> placed)
    {
        Catalog = catalog;
        _compile = compile;
        Bookings = bookings;
        _compiled = compiled;
        _placed = placed;
        _placed.TryAdd(ZoneKey(bookings), this);
    }

    /// <summary>An engine's compiler: a policy, how its <c>bound_by</c> entries resolve, and where the bookings are.</summary>
    public delegate T Compiler(Policy policy, Func<Policy, string, Policy> resolveAuthority, JurisdictionTime? bookings);

    /// <summary>An engine's compiler over authorities compiled elsewhere: a policy, how its <c>bound_by</c> entries resolve, the composition of each authority they resolve to, and where the bookings are.</summary>
    public delegate T Composer(Policy policy, Func<Policy, string, Policy> resolveAuthority, Func<Policy, T> composedAuthority, JurisdictionTime? bookings);

    public PolicyCatalog Catalog { get; }

    public JurisdictionTime? Bookings { get; }

    /// <summary>The same policies with the bookings placed in <paramref name="bookings"/> (null: judged in each booking's written offset), sharing what this one has compiled.</summary>
    /// <remarks>Safe to share: a composition's key holds where the bookings are (<see cref="AuthoritiesInForce.Key(Policy)"/>), so placed and unplaced compositions never meet under one key.</remarks>
    public DatedPolicies<T> In(JurisdictionTime? bookings) =>
        _placed.GetOrAdd(ZoneKey(bookings), _ => new DatedPolicies<T>(Catalog, _compile, bookings, _compiled, _placed));

    private static string ZoneKey(JurisdictionTime? bookings) => bookings?.ZoneId ?? string.Empty;

    /// <summary>How many compositions have been asked for so far.</summary>
    public int Count => _compiled.Count;

    /// <summary>The policy with the authorities in force on <paramref name="day"/> when given (<c>--at</c>), else at the booking (<see cref="At"/>).</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public T For(Policy policy, DateTimeOffset bookedAt, DateOnly? day) => day is { } on ? On(policy, on) : At(policy, bookedAt);

    /// <summary>The policy with the authorities in force at a booking, each judged on its own day there (<see cref="AuthoritiesInForce.At"/>).</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public T At(Policy policy, DateTimeOffset bookedAt) => Under(policy, AuthoritiesInForce.At(Catalog, bookedAt, Bookings));

    /// <summary>The policy with the authorities in force on one day (<see cref="AuthoritiesInForce.On"/>).</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public T On(Policy policy, DateOnly day) => Under(policy, AuthoritiesInForce.On(Catalog, day, Bookings));

    /// <summary>The version of <paramref name="choice"/> in force at each booking, with its authorities then: for a batch, where the same few compositions answer every record.</summary>
    /// <remarks>
    /// Which version and which authorities apply depends on the instant only through the day it falls
    /// on in each time zone the family and its possible authorities are judged in. Those days are
    /// remembered, so a record on days seen before skips the lookup (a version pick, the authorities'
    /// versions read from the catalog per record, and the key). Only answers are remembered, never a
    /// failure: a record whose version or authority cannot be told fails as it would alone.
    /// </remarks>
    /// <returns>The composition for a booking instant; throws <see cref="InvalidInputException"/> when no one version, or authority, can be told.</returns>
    public Func<DateTimeOffset, T> PerBooking(PolicyChoice choice)
    {
        T Look(DateTimeOffset bookedAt) => At(choice.On(bookedAt, Bookings), bookedAt);

        var zones = ZonesThatPick(choice);
        if (zones is null)
        {
            return Look;
        }

        var seen = new ConcurrentDictionary<DayInEachZone, T>();
        return bookedAt =>
        {
            var days = new DayInEachZone(zones, bookedAt);
            if (seen.TryGetValue(days, out var known))
            {
                return known;
            }

            var found = Look(bookedAt);
            seen.TryAdd(days, found);
            return found;
        };
    }

    /// <summary>The composition under these authorities.</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public T Under(Policy policy, AuthoritiesInForce inForce) =>
        _compiled.GetOrAdd(inForce.Key(policy), _ => new Lazy<T>(() => Compose(policy, inForce))).Value;

    /// <remarks>
    /// Authorities are taken from this map, so waits nest only down the graph of authorities (the engine
    /// plans the whole graph, refusing a cycle, before it asks for any), and never deadlock.
    /// </remarks>
    private T Compose(Policy policy, AuthoritiesInForce inForce) =>
        _compile(policy, inForce.Authority, authority => authority.Absent is null ? Under(authority, inForce) : Compose(authority, inForce), inForce.Bookings);

    /// <summary>Every zone (as the bookings' zone settles it) the choice's versions and all their possible authorities, at any depth, judge their days in; null when one cannot be read, and then nothing is remembered.</summary>
    private JurisdictionTime[]? ZonesThatPick(PolicyChoice choice)
    {
        var zones = new HashSet<JurisdictionTime>();
        var visited = new HashSet<Policy>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Policy>(choice.IsFamily ? choice.Timeline : [choice.Undated!]);
        try
        {
            while (pending.TryPop(out var policy))
            {
                if (!visited.Add(policy))
                {
                    continue;
                }

                zones.Add(policy.Time.ForBookingsIn(Bookings));
                foreach (var id in policy.BoundBy)
                {
                    var named = Catalog.Authority(policy, id);
                    pending.Push(named);
                    foreach (var version in Catalog.VersionsOf(named))
                    {
                        pending.Push(version);
                    }
                }
            }
        }
        catch (InvalidInputException)
        {
            // Some authority that may bind cannot be read: look every record up in full, so each fails, or not, as it would.
            return null;
        }

        return [.. zones];
    }

    /// <summary>The day a booking falls on in each of the zones that pick a composition: equal days, the same composition.</summary>
    private readonly struct DayInEachZone : IEquatable<DayInEachZone>
    {
        private readonly DateOnly[] _days;
        private readonly int _hash;

        public DayInEachZone(JurisdictionTime[] zones, DateTimeOffset bookedAt)
        {
            _days = new DateOnly[zones.Length];
            var hash = default(HashCode);
            for (var i = 0; i < zones.Length; i++)
            {
                _days[i] = zones[i].DayOf(bookedAt);
                hash.Add(_days[i]);
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(DayInEachZone other) => _hash == other._hash && _days.AsSpan().SequenceEqual(other._days);

        public override bool Equals(object? obj) => obj is DayInEachZone other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
