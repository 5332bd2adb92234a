namespace DetainerRules.Model.Agencies;

/// <summary>A law enforcement agency, with the 287(g) agreements a roster lists for it.</summary>
/// <param name="Id">Stable: the agency's ORI where known, else a slug of its state and name (<c>nv-las-vegas-metropolitan-police-department</c>).</param>
/// <param name="State">The postal code of its state.</param>
/// <param name="Policy">The catalog policy family of the agency's own published policy (<c>lvmpd</c>); null when it has none in the catalog.</param>
public sealed record Agency(string Id, string Name, AgencyType Type, string State, string? County, string? Ori, string? Policy, IReadOnlyList<Agreement> Agreements)
{
    /// <summary>The agreements in force on <paramref name="day"/>, in order of model and signing.</summary>
    public IReadOnlyList<Agreement> InForceOn(DateOnly day) => [.. Agreements.Where(a => a.InForceOn(day)).OrderBy(a => a.Model).ThenBy(a => a.Signed)];
}
