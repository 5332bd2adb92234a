using System.Globalization;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;

namespace DetainerRules.Yaml;

/// <summary>The higher authorities that bound a policy on one day: each <c>bound_by</c> entry read as the version of its family in force then.</summary>
/// <remarks>
/// <para>
/// A policy names an authority once (<c>bound_by: [colorado]</c>), but the law it names changes:
/// Denver's 2017 ordinance was bound by no state law until Colorado's HB19-1124, then by that act,
/// then by the 2025 act. A booking is judged under the law of its day, so each entry stands for the
/// family of the policy it names (or that policy alone, when it has none), and the version in force
/// on the booking day, judged in that version's own time zone, is the one that binds. Where no
/// version was in force, the entry is an <see cref="AbsentLayer"/>: it binds nothing, and reports
/// say why, instead of applying a law that was not yet, or no longer, the law.
/// </para>
/// <para>
/// The versions come from the folder of the policy the entry names, never mixed with another
/// place's, as <see cref="PolicyChoice"/> picks a family's versions. Authorities of authorities are
/// read the same way, on the same day.
/// </para>
/// </remarks>
public sealed class AuthoritiesInForce
{
    private readonly PolicyCatalog _catalog;
    private readonly Func<Policy, DateOnly> _dayFor;
    private readonly string _describe;

    private AuthoritiesInForce(PolicyCatalog catalog, Func<Policy, DateOnly> dayFor, string describe, JurisdictionTime? bookings)
    {
        _catalog = catalog;
        _dayFor = dayFor;
        _describe = describe;
        Bookings = bookings;
    }

    /// <summary>Where the bookings are (<c>--timezone</c>), the zone of every policy that names none; null when not said. Compile with it (<c>PolicyCompiler.Compile(policy, inForce.Authority, inForce.Bookings)</c>) so the compiled policies judge their days as these authorities were chosen.</summary>
    public JurisdictionTime? Bookings { get; }

    /// <summary>The authorities in force at a booking, the day judged in each authority's own time zone (<paramref name="bookings"/> for one that names none), whatever offset the booking was written in.</summary>
    public static AuthoritiesInForce At(PolicyCatalog catalog, DateTimeOffset bookedAt, JurisdictionTime? bookings = null) =>
        new(catalog, p => p.Time.ForBookingsIn(bookings).DayOf(bookedAt), "the booking day", bookings);

    /// <summary>The authorities in force on a day the user names (<c>--at</c>) or a comparison is booked on; <paramref name="bookings"/> still sets the zone of the policies' own day arithmetic.</summary>
    public static AuthoritiesInForce On(PolicyCatalog catalog, DateOnly day, JurisdictionTime? bookings = null) =>
        new(catalog, _ => day, Date(day), bookings);

    /// <summary>The authority <paramref name="origin"/>'s <c>bound_by</c> entry <paramref name="id"/> stands for on this day; for the engine (<c>PolicyCompiler.Compile(policy, inForce.Authority)</c>).</summary>
    /// <exception cref="InvalidInputException">The authority cannot be loaded, or the sources date its versions too loosely to tell which one was in force.</exception>
    public Policy Authority(Policy origin, string id)
    {
        var named = _catalog.Authority(origin, id);
        var versions = _catalog.VersionsOf(named);
        var day = _dayFor(named);
        var candidates = versions.Where(v => v.MayBeInForceOn(_dayFor(v))).ToList();
        if (candidates.Count > 1)
        {
            // Versions dated to the month or year may both have been in force; one certainly in force settles it.
            candidates = candidates.Where(v => CertainlyInForce(v, _dayFor(v))).ToList();
        }

        return candidates.Count switch
        {
            1 => candidates[0],
            0 => Absent(origin, named, versions, day),
            _ => throw new InvalidInputException([Diagnostic.Error(Where(origin, id), DiagnosticCodes.Reference, "bound_by",
                $"more than one version of `{named.Family}` may have been in force on {Date(day)} (the sources date them only so precisely): {Describe(versions)}; {origin.Id} cannot tell which bound it that day")]),
        };
    }

    /// <summary>A key that tells compositions apart: the same key, the same policy, authorities and bookings' zone, so the same compiled policy.</summary>
    /// <exception cref="InvalidInputException">An authority cannot be loaded or told.</exception>
    public string Key(Policy policy) => Bookings is { ZoneId: { } zone } ? zone + "@" + Key(policy, 0) : Key(policy, 0);

    // An absent layer's title and reason name the day it was missing on (and the policy bound by it), so its key
    // holds them: two days without a version in force are two compositions, each saying its own day. Lengths
    // first, so no text a policy file supplies can make two keys alike.
    private string Key(Policy policy, int depth) =>
        policy.Absent is { } because
            ? policy.Span.File + "#" + policy.Id + "!" + Counted(policy.Title) + Counted(because)
            : depth > PolicyLoader.MaxChainLength || policy.BoundBy.Count == 0
            ? policy.Span.File + "#" + policy.Id
            : policy.Span.File + "#" + policy.Id + "[" + string.Join(";", policy.BoundBy.Select(id => Key(Authority(policy, id), depth + 1))) + "]";

    private static string Counted(string text) => text.Length.ToString(CultureInfo.InvariantCulture) + ":" + text;

    private Policy Absent(Policy origin, Policy named, IReadOnlyList<Policy> versions, DateOnly day)
    {
        var name = named.Family ?? named.Id;
        var because = named.Family is null
            ? $"`{named.Id}` ({Span(named)}), which {origin.Id} is bound by, was not in force on {_describe} ({Date(day)})"
            : $"no version of `{name}`, which {origin.Id} is bound by, was in force on {_describe} ({Date(day)}); versions: {Describe(versions)}";
        return AbsentLayer.Of(name, $"{name}: not in force on {Date(day)}", named.Jurisdiction, because, named.Time, named.State);
    }

    private static bool CertainlyInForce(Policy version, DateOnly day) =>
        (version.EffectiveFrom is not { } from || from.Latest <= day) && (version.EffectiveUntil is not { } until || day <= until.Earliest);

    private static SourceSpan Where(Policy origin, string id)
    {
        var index = origin.BoundBy.ToList().IndexOf(id);
        return index >= 0 && index < origin.BoundBySpans.Count ? origin.BoundBySpans[index] : origin.Span;
    }

    private static string Describe(IEnumerable<Policy> versions) =>
        string.Join(", ", versions.OrderBy(v => v.EffectiveFrom?.Earliest ?? DateOnly.MinValue).ThenBy(v => v.Id, StringComparer.Ordinal).Select(v => $"`{v.Id}` ({Span(v)})"));

    private static string Span(Policy p) => $"{p.EffectiveFrom?.ToString() ?? "start not given"} to {p.EffectiveUntil?.ToString() ?? "now"}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
