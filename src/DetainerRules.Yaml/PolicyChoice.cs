using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Yaml;

/// <summary>What a policy name names: one policy file, or a family whose version is picked by date.</summary>
/// <remarks>
/// A name can be both: <c>florida</c> is the family of Florida's versions and the id of the one in
/// force today. Where a date is given (a booking's, or one the user names) the family picks the version in
/// force then; where none is, the policy with that id is meant.
/// </remarks>
public sealed class PolicyChoice
{
    private readonly Policy? _single;
    private readonly IReadOnlyList<Policy> _versions;

    private PolicyChoice(string name, Policy? single, IReadOnlyList<Policy> versions)
    {
        Name = name;
        _single = single;
        _versions = versions;
    }

    /// <summary>The name as the user gave it.</summary>
    public string Name { get; }

    /// <summary>True when the name is a family and each scenario's date picks the version.</summary>
    public bool IsFamily => _versions.Count > 0;

    /// <summary>The policy meant when no date is given: the one with this id or file; null for a family that is not also a policy.</summary>
    public Policy? Undated => _single;

    /// <summary>The family's versions, oldest first (by start date, then id); empty when the name is not a family.</summary>
    public IReadOnlyList<Policy> Timeline => [.. _versions.OrderBy(v => v.EffectiveFrom?.Earliest ?? DateOnly.MinValue).ThenBy(v => v.Id, StringComparer.Ordinal)];

    /// <summary>A policy id or file, a family of the catalog's policies, or both.</summary>
    /// <param name="idsOnly">Look <paramref name="name"/> up in the catalog's folders only, never as a path (<see cref="PolicyCatalog.TryResolveId"/>).</param>
    /// <exception cref="InvalidInputException">Neither a policy nor a family, or a file with problems.</exception>
    public static PolicyChoice Resolve(PolicyCatalog catalog, string name, bool idsOnly = false)
    {
        var path = idsOnly ? catalog.TryResolveId(name) : catalog.TryResolve(name);
        var single = path is null ? null : catalog.Files.Load(path);

        // A file path names one policy; an id may also name the family its versions share.
        var isFile = path is not null && path == name;
        var versions = isFile ? [] : single is not null && NoFileCanBeOf(catalog, name) ? [] : Versions(catalog, name, single is not null);
        return single is null && versions.Count == 0 ? throw catalog.NotFound(name) : new PolicyChoice(name, single, versions);
    }

    /// <summary>The catalog's policies of family <paramref name="name"/>, all from one place of its search path, whatever else in the folders is broken.</summary>
    /// <remarks>
    /// <para>
    /// The versions come from the nearest place that holds any version of the family; versions in
    /// farther places are not mixed in, so a folder holding one re-dated version cannot silently
    /// combine with the shipped catalog's others into a family that exists nowhere.
    /// </para>
    /// <para>
    /// A file that fails to load is passed over when it says it belongs to another family or to none
    /// (<see cref="PolicyCatalog.BelongsTo"/>); one that says it belongs to this family stops the lookup, or
    /// another version would answer in its place. One too broken to tell stops it only where it could
    /// change the answer: when the name is a family, or names nothing else.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidInputException">A version of the family, or a file that may be one, has problems.</exception>
    private static List<Policy> Versions(PolicyCatalog catalog, string name, bool isAlsoAPolicy)
    {
        var versions = new List<Policy>();
        var ofTheFamily = new List<Diagnostic>();
        var untold = new List<Diagnostic>();
        foreach (var place in catalog.SearchPath.Places)
        {
            foreach (var path in PolicyCatalog.PolicyFilesIn(place.Folder))
            {
                try
                {
                    if (catalog.Files.Load(path) is { } policy && policy.Family == name)
                    {
                        versions.Add(policy);
                    }
                }
                catch (InvalidInputException e)
                {
                    switch (catalog.BelongsTo(path, name))
                    {
                        case true:
                            ofTheFamily.AddRange(e.Diagnostics);
                            break;
                        case null:
                            untold.AddRange(e.Diagnostics);
                            break;
                    }
                }
            }

            if (versions.Count > 0 || ofTheFamily.Count > 0)
            {
                break;
            }
        }

        List<Diagnostic> stopping = untold.Count > 0 && (versions.Count > 0 || ofTheFamily.Count > 0 || !isAlsoAPolicy) ? [.. ofTheFamily, .. untold] : ofTheFamily;
        return stopping.Count > 0 ? throw new InvalidInputException(stopping) : versions;
    }

    /// <summary>True when no file of the catalog can be a version of family <paramref name="name"/>, told mostly from the files' text without loading them.</summary>
    /// <remarks>
    /// <para>
    /// Only for a name that is also a policy: <see cref="Versions"/> then finds no version and reports nothing
    /// exactly when no file loads as one and none that fails says it is one (<see cref="PolicyCatalog.BelongsTo"/>),
    /// because a file too broken to tell stops the lookup only beside a version. A file whose text cannot state the
    /// family or extend another policy (<see cref="FamilyScan.CannotBeOf"/>) is neither, whether it loads or not;
    /// one whose keys, read without loading it, say it belongs elsewhere cannot load as a version (its <c>family</c>
    /// is read from the same keys, its base found the same way) and is passed over by <see cref="Versions"/> when it
    /// fails; only a file too broken to tell is loaded. When a file is a version, or says it is one, this answers
    /// false and <see cref="Versions"/> looks over every file, to report what it always reported.
    /// </para>
    /// <para>
    /// The keys are first read without building the files' nodes (<see cref="FamilyScan.PlainlyNotOf"/>), which
    /// answers for nearly every file of the catalog; a file it cannot answer for is read whole by
    /// <see cref="FamilyScan.Belongs"/>. Each file's text is read once for both. In the shipped catalog the keys come from
    /// its <see cref="CatalogIndex"/>, written when the tool is built, for every file whose text is still the text it was
    /// written from: parsing the keys of its 40 or so files that mention <c>extends</c> was about a tenth of a cold
    /// <c>evaluate</c>.
    /// </para>
    /// <para>
    /// <c>evaluate --policy lvmpd-2023</c> loaded every policy of the catalog (78 files) to learn that no
    /// family is called <c>lvmpd-2023</c>: most of a cold run's time.
    /// </para>
    /// </remarks>
    internal static bool NoFileCanBeOf(PolicyCatalog catalog, string name)
    {
        var read = new Dictionary<string, Documents.YamlMapping?>(StringComparer.Ordinal);
        var skimmed = new FamilyKeys();
        foreach (var place in catalog.SearchPath.Places)
        {
            foreach (var path in PolicyCatalog.PolicyFilesIn(place.Folder))
            {
                var text = FamilyScan.TextOf(path);
                if (FamilyScan.TextCannotBeOf(text, name) || (text is not null && FamilyScan.PlainlyNotOf(catalog.SearchPath, path, text, name, skimmed)))
                {
                    continue;
                }

                switch (FamilyScan.Belongs(catalog.SearchPath, path, name, read))
                {
                    case false:
                        continue;
                    case true:
                        return false;
                }

                // Too broken to tell by its keys: it counts only if it loads as a version.
                try
                {
                    if (catalog.Files.Load(path) is { } policy && policy.Family == name)
                    {
                        return false;
                    }
                }
                catch (InvalidInputException)
                {
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The policy meant for a comparison as of <paramref name="day"/>: with a day, the version in force then;
    /// without one, the policy of this name, or null for a family no policy shares the name of (the caller asks for a day).
    /// </summary>
    /// <exception cref="InvalidInputException">No version, or more than one, may have been in force that day.</exception>
    public Policy? OnDayOrUndated(DateOnly? day) => day is { } d ? On(d) : _single;

    /// <summary>The policy that applies on <paramref name="day"/>: the single policy, or the one version of the family in force then.</summary>
    /// <exception cref="InvalidInputException">No version, or more than one, may have been in force that day.</exception>
    public Policy On(DateOnly day) =>
        !IsFamily ? _single! : Pick(v => v.MayBeInForceOn(day), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The policy that applies to a booking at <paramref name="bookedAt"/>, the day judged in each version's own jurisdiction, whatever offset the record was written in.</summary>
    /// <param name="bookings">Where the bookings are (<c>--timezone</c>): the jurisdiction's zone for a version that names none (<c>local</c>); null judges such a version's day in the offset <paramref name="bookedAt"/> is written in.</param>
    /// <returns>The version as loaded: the engine localizes it when it is compiled with the same zone.</returns>
    /// <exception cref="InvalidInputException">No version, or more than one, may have been in force that day.</exception>
    public Policy On(DateTimeOffset bookedAt, Model.Time.JurisdictionTime? bookings = null) =>
        !IsFamily ? _single! : Pick(
            v => v.MayBeInForceOn(v.Time.ForBookingsIn(bookings).DayOf(bookedAt)),
            string.Join(" / ", _versions.Select(v => v.Time.ForBookingsIn(bookings).DayOf(bookedAt)).Distinct().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The policy in force on <paramref name="day"/>, or null when none was: a single policy whose dates exclude the day, or a family with no version then.</summary>
    /// <exception cref="InvalidInputException">More than one version of the family may have been in force that day.</exception>
    public Policy? InForceOn(DateOnly day) =>
        !IsFamily ? (_single!.MayBeInForceOn(day) ? _single : null)
        : _versions.Any(v => v.MayBeInForceOn(day)) ? On(day) : null;

    private Policy Pick(Func<Policy, bool> inForce, string when)
    {
        var candidates = _versions.Where(inForce).OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw Fail($"no version of `{Name}` was in force on {when}; versions (all in {Folder(_versions[0])}): {Describe(_versions)}"),
            _ => throw Fail($"more than one version of `{Name}` may have been in force on {when} (the sources date them only so precisely): {Describe(candidates)}; name one of them instead of the family"),
        };
    }

    private static string Folder(Policy version) => Path.GetDirectoryName(version.Span.File) ?? version.Span.File;

    private static string Describe(IEnumerable<Policy> versions) =>
        string.Join(", ", versions.OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => $"`{v.Id}` ({v.EffectiveFrom?.ToString() ?? "?"} to {v.EffectiveUntil?.ToString() ?? "now"})"));

    private InvalidInputException Fail(string message) =>
        new([Diagnostic.Error(new SourceSpan(Name, 0, 0), DiagnosticCodes.Reference, "policy", message)]);
}
