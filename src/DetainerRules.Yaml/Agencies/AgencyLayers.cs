using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;

namespace DetainerRules.Yaml.Agencies;

/// <summary>The layers of law that bind an agency on a day, composed as one policy bound by the others (rules/README.md, "decision is then composed").</summary>
/// <remarks>
/// <para>
/// The agency's own layer is its catalog policy (the version in force that day) where the roster
/// names one, otherwise a policy with no rules whose every decision is <c>unknown</c> because no
/// local policy is published: the tool never guesses what an agency does. Above it, as
/// authorities: the law of its state (every catalog policy family of the state that binds no
/// other and is no agency's own), and the 287(g) model policy (<c>287g-jem</c>, <c>287g-wso</c>,
/// <c>287g-tfm</c>) of each agreement in force that day. A layer the catalog lacks is named in
/// <see cref="Layered.Notes"/>, never filled in.
/// </para>
/// <para>
/// An authority the agency's own policy already declares (Harris County's <c>texas-sb8</c>) is not
/// added a second time, even as another version of its family.
/// </para>
/// </remarks>
public sealed class AgencyLayers
{
    private readonly PolicyCatalog _catalog;
    private readonly PolicyChoice? _own;
    private readonly IReadOnlyList<PolicyChoice> _stateLaw;

    public AgencyLayers(PolicyCatalog catalog, Agency agency, AgencyRoster roster)
    {
        _catalog = catalog;
        Agency = agency;
        _own = agency.Policy is { } own ? PolicyChoice.Resolve(catalog, own) : null;
        var local = roster.Agencies.Select(a => a.Policy).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _stateLaw = [.. catalog.Ids().Select(catalog.Load)
            .Where(p => p.State == agency.State && p.BoundBy.Count == 0 && !local.Contains(p.Family ?? p.Id) && !local.Contains(p.Id))
            .Select(p => p.Family ?? p.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => PolicyChoice.Resolve(catalog, name))];
    }

    public Agency Agency { get; }

    /// <summary>
    /// The law of a state as it binds an agency there with no policy of its own and no 287(g) agreement:
    /// what the map colours a state by. Its layers name no state law where the catalog has none.
    /// </summary>
    public static AgencyLayers StateLaw(PolicyCatalog catalog, string state, AgencyRoster roster) =>
        new(catalog, new Agency("state-law-" + state.ToLowerInvariant(), $"an agency of {UsJurisdictions.Names[state]} with no policy or agreement of its own", AgencyType.Other, state, null, null, null, []), roster);

    /// <summary>The layered policy for a booking at <paramref name="bookedAt"/>, with how to find its authorities.</summary>
    /// <exception cref="InvalidInputException">A layer's policy cannot be loaded.</exception>
    public Layered On(DateTimeOffset bookedAt)
    {
        var zone = _own is null ? _stateLaw.Select(s => s.Undated ?? s.On(bookedAt)).FirstOrDefault()?.Time : OwnZone(_own);
        var time = zone ?? JurisdictionTime.AsWritten;
        return On(time.DayOf(bookedAt), time);
    }

    /// <summary>The layered policy in force on <paramref name="day"/> (a comparison <c>--at</c> a date rather than a booking's moment).</summary>
    /// <exception cref="InvalidInputException">A layer's policy cannot be loaded.</exception>
    public Layered On(DateOnly day)
    {
        var zone = _own is null ? _stateLaw.Select(s => s.Undated ?? s.InForceOn(day)).OfType<Policy>().FirstOrDefault()?.Time : OwnZone(_own);
        return On(day, zone ?? JurisdictionTime.AsWritten);
    }

    /// <summary>The zone the agency's own policy judges days in: its family's, whether or not a version was in force that day.</summary>
    /// <remarks>
    /// Taken from the family rather than the version of the day, so that a booking before the agency's
    /// first version (or after its last) is still judged in the agency's zone and decided by the other
    /// layers, its own answers unknown, rather than refused.
    /// </remarks>
    private static JurisdictionTime OwnZone(PolicyChoice own) => (own.Undated ?? own.Timeline[^1]).Time;

    private Layered On(DateOnly day, JurisdictionTime time)
    {
        var notes = new List<string>();
        var state = UsJurisdictions.Names[Agency.State];
        var own = _own is null ? null : _own.InForceOn(day);
        notes.Add(_own is null ? "own policy: none published in the catalog, so its own answers are unknown"
            : own is null ? $"own policy: `{_own.Name}` was not in force on {Date(day)}, so its own answers are unknown"
            : $"own policy: {own.Id}{(own.Family is { } f ? $" (the version of `{f}` in force on {Date(day)})" : string.Empty)}");

        var declared = own is null ? [] : own.BoundBy.Select(id => _catalog.Authority(own, id)).Select(p => p.Family ?? p.Id).ToHashSet(StringComparer.Ordinal);
        var authorities = new Dictionary<string, Policy>(StringComparer.Ordinal);
        if (_stateLaw.Count == 0)
        {
            notes.Add($"state law: the catalog has no policy for {state}'s law");
        }

        foreach (var law in _stateLaw)
        {
            if (declared.Contains(law.Name))
            {
                notes.Add($"state law: `{law.Name}`, which {own!.Id} already declares in bound_by");
                continue;
            }

            var version = law.InForceOn(day);
            if (version is null)
            {
                notes.Add($"state law: no version of `{law.Name}` was in force on {Date(day)}");
                continue;
            }

            authorities[version.Id] = version;
            notes.Add($"state law: {version.Id}");
        }

        var agreements = Agency.InForceOn(day);
        if (Agency.Agreements.Count == 0)
        {
            notes.Add("287(g): no agreement listed");
        }

        foreach (var agreement in Agency.Agreements.Except(agreements))
        {
            notes.Add($"287(g): {Vocabulary.Word(agreement.Model)} signed {Date(agreement.Signed)}{(agreement.Ends is { } e ? $", ended {Date(e)}" : string.Empty)}: not in force on {Date(day)}");
        }

        foreach (var model in agreements.Select(a => a.Model).Distinct())
        {
            var signed = string.Join(", ", agreements.Where(a => a.Model == model).Select(a => Date(a.Signed)));
            var id = Agreement.ModelPolicyId(model);
            if (_catalog.TryResolve(id) is null)
            {
                notes.Add($"287(g): {Vocabulary.Word(model)} signed {signed}, in force on {Date(day)}; the catalog has no `{id}` policy, so this layer is left out");
                continue;
            }

            // The model agreement's text changed over the years: the version of the model policy in force that day.
            if (PolicyChoice.Resolve(_catalog, id).InForceOn(day) is not { } version)
            {
                notes.Add($"287(g): {Vocabulary.Word(model)} signed {signed}, in force on {Date(day)}; no version of `{id}` in the catalog was in force that day, so this layer is left out");
                continue;
            }

            authorities[id] = version;
            notes.Add($"287(g): {Vocabulary.Word(model)} signed {signed}, in force on {Date(day)}: {version.Id}");
        }

        var policy = (own ?? Silent(time)) is var layer && authorities.Count > 0
            ? layer with { BoundBy = [.. layer.BoundBy, .. authorities.Keys], BoundBySpans = [.. layer.BoundBySpans, .. authorities.Keys.Select(_ => layer.Span)] }
            : own ?? Silent(time);
        return new Layered(policy, authorities, notes, AuthoritiesInForce.On(_catalog, day));
    }

    /// <summary>The agency's own layer when it publishes no policy: no rules, every decision unknown, and why.</summary>
    private Policy Silent(JurisdictionTime time) => AbsentLayer.Of(
        "agency-" + Agency.Id.ToLowerInvariant(),
        $"{Agency.Name}: no published local policy",
        $"{Agency.Name} ({UsJurisdictions.Names[Agency.State]})",
        "no published local policy",
        time,
        Agency.State,
        "The roster lists this agency, but the catalog has no policy of its own: each of its own answers is unknown.");

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An agency's layers on one day: the policy to compile, and what was found for each layer.</summary>
    public sealed class Layered(Policy policy, IReadOnlyDictionary<string, Policy> added, IReadOnlyList<string> notes, AuthoritiesInForce inForce)
    {
        public Policy Policy { get; } = policy;

        /// <summary>The layers added above the agency's own, in the order of <c>bound_by</c>: its state's law, then the 287(g) models.</summary>
        public IReadOnlyList<Policy> Added { get; } = [.. policy.BoundBy.Where(added.ContainsKey).Select(id => added[id])];

        /// <summary>One line per layer, in words: what binds the agency, or that the catalog lacks it.</summary>
        public IReadOnlyList<string> Notes { get; } = notes;

        /// <summary>The layers by name, the agency's own first, each authority as the version in force that day (<c>agency-x+texas-sb4+287g-wso</c>).</summary>
        public string Name => string.Join('+', [Policy.Id, .. Policy.BoundBy.Select(id => Authority(Policy, id).Id)]);

        /// <summary>A key that tells layered policies apart, authorities of authorities included: the same key, the same compiled policy.</summary>
        public string Key => string.Join('|', [Policy.Id, .. Policy.BoundBy.Select(id => inForce.Key(Authority(Policy, id)))]);

        /// <summary>Finds an authority for the engine: the layers added here, else the version in force that day of what a policy's own <c>bound_by</c> names.</summary>
        public Policy Authority(Policy origin, string id) =>
            ReferenceEquals(origin, Policy) && added.TryGetValue(id, out var layer) ? layer : inForce.Authority(origin, id);
    }
}
