namespace DetainerRules.Model.Agencies;

/// <summary>Finds an agency by id, ORI or name, forgiving the ways sources spell names (<see cref="AgencyNames.Key"/>).</summary>
/// <remarks>
/// An id or ORI names one agency. A name matches an agency whose name has the same key; failing
/// that, an agency whose initials (<c>LVMPD</c>, <c>NYC DOC</c>) or catalog policy it is; failing
/// that, every agency whose name holds all the words asked for ("las vegas metropolitan"). More
/// than one match is ambiguous and is never settled by a guess: the caller lists the candidates.
/// </remarks>
public static class AgencyLookup
{
    /// <summary>The agencies <paramref name="query"/> may mean, best matches only: one when it is clear, none when nothing matches.</summary>
    /// <param name="state">Only agencies of this state (postal code), when given.</param>
    public static IReadOnlyList<Agency> Find(AgencyRoster roster, string query, string? state = null)
    {
        var pool = state is null ? roster.Agencies : [.. roster.Agencies.Where(a => string.Equals(a.State, state, StringComparison.OrdinalIgnoreCase))];
        var trimmed = query.Trim();
        var byId = pool.Where(a => a.Id == trimmed || string.Equals(a.Ori, trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count > 0)
        {
            return byId;
        }

        var key = AgencyNames.Key(trimmed);
        if (key.Length == 0)
        {
            return [];
        }

        var exact = pool.Where(a => AgencyNames.Key(a.Name) == key).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        // Initials ("LVMPD", "NYC DOC") or the agency's catalog policy ("lvmpd").
        var letters = new string([.. trimmed.Where(char.IsAsciiLetterOrDigit)]).ToLowerInvariant();
        var named = pool.Where(a => string.Equals(a.Policy, trimmed, StringComparison.OrdinalIgnoreCase) || (letters.Length >= 3 && AgencyNames.Initials(a.Name) == letters)).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var words = key.Split(' ');
        return [.. pool.Where(a => AgencyNames.Key(a.Name).Split(' ') is var have && words.All(have.Contains))];
    }
}
