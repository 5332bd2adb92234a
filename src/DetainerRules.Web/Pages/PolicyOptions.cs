using DetainerRules.Model.Policies;

namespace DetainerRules.Web.Pages;

/// <summary>What the Evaluate and Compare pages' policy selects offer: every family of the catalog (its version picked by the booking day) and every policy by id.</summary>
/// <param name="Families">Family names, in order.</param>
/// <param name="Versions">Each policy that loads, by id, with its title; a family's versions among them.</param>
public sealed record PolicyOptions(IReadOnlyList<string> Families, IReadOnlyList<(string Id, string Title)> Versions)
{
    public static PolicyOptions Of(IReadOnlyList<Policy> policies) => new(
        [.. policies.Select(p => p.Family).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. policies.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => (p.Id, p.Title.Trim()))])
    {
        Zones = [.. policies.Select(p => p.Time.ZoneId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };

    /// <summary>The IANA zones the catalog's policies name, in order: the suggestions of the time zone field (any zone of the database is accepted).</summary>
    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>The one policy chosen when the page is opened without any: the first family, else the first policy.</summary>
    public IReadOnlyList<string> Default => Families.Count > 0 ? [Families[0]] : Versions.Count > 0 ? [Versions[0].Id] : [];
}
