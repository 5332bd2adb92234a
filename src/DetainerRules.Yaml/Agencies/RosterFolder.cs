using DetainerRules.Model.Agencies;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Yaml.Agencies;

/// <summary>Reads the roster files of a folder (<c>rules/agencies/</c>) and merges them by agency id.</summary>
/// <remarks>
/// ICE's list and the catalog's own file (which agency has which catalog policy) are kept apart so
/// that a fresh import replaces only ICE's; an agency both list is one agency. Where they say
/// different things of it (its name, type, state, county or ORI, or two policies) the roster is
/// refused rather than one file silently winning.
/// </remarks>
public static class RosterFolder
{
    /// <summary>The folder's name under a rules folder.</summary>
    public const string Name = "agencies";

    /// <summary>The roster files of <paramref name="folder"/>, in name order; none when it does not exist.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)] : [];

    /// <exception cref="InvalidInputException">A file has problems, or two files disagree about an agency; all problems are listed.</exception>
    /// <param name="shown">How messages name a file.</param>
    public static AgencyRoster Load(IEnumerable<string> files, Func<string, string>? shown = null)
    {
        var rosters = new List<Roster>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            try
            {
                rosters.Add(RosterLoader.LoadFile(file, shown?.Invoke(file)));
            }
            catch (InvalidInputException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        var merged = new Dictionary<string, (Agency Agency, Roster From)>(StringComparer.Ordinal);
        foreach (var roster in rosters)
        {
            foreach (var agency in roster.Agencies)
            {
                if (!merged.TryGetValue(agency.Id, out var known))
                {
                    merged[agency.Id] = (agency, roster);
                    continue;
                }

                if (Merge(known.Agency, agency) is { } both)
                {
                    merged[agency.Id] = (both, known.From);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error(new SourceSpan(roster.Path, 0, 0), DiagnosticCodes.Identity, "agencies",
                        $"agency `{agency.Id}` is also in {known.From.Path}, which says otherwise of its name, type, state, county, ORI or policy: make the two entries agree"));
                }
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new InvalidInputException(diagnostics);
        }

        return new AgencyRoster(rosters, [.. merged.Values.Select(v => v.Agency)
            .OrderBy(a => a.State, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)]);
    }

    /// <summary>One agency from two entries that agree where both speak; null when they contradict each other.</summary>
    private static Agency? Merge(Agency a, Agency b)
    {
        static bool Agree(string? x, string? y) => x is null || y is null || x == y;
        if (a.Name != b.Name || a.Type != b.Type || a.State != b.State || !Agree(a.County, b.County) || !Agree(a.Ori, b.Ori) || !Agree(a.Policy, b.Policy))
        {
            return null;
        }

        return a with
        {
            County = a.County ?? b.County,
            Ori = a.Ori ?? b.Ori,
            Policy = a.Policy ?? b.Policy,
            Agreements = [.. a.Agreements.Concat(b.Agreements).Distinct().OrderBy(x => x.Model).ThenBy(x => x.Signed)],
        };
    }
}
