namespace DetainerRules.Model.Scenarios;

/// <summary>The arrested person, as far as the policies care.</summary>
/// <param name="ForeignBorn">Born outside the United States (naturalized citizens included); null when unknown.</param>
public sealed record Person(
    bool? ForeignBorn,
    Citizenship Citizenship,
    bool RegisteredSexOffender,
    bool OnTerroristWatchlist)
{
    /// <summary>The person has shown proof of U.S. citizenship or lawful immigration status (e.g. a government-issued ID), as Texas law asks.</summary>
    public bool LawfulStatusProof { get; init; }

    /// <summary>A person about whom nothing is known.</summary>
    public static Person Unknown { get; } = new(null, Citizenship.Unknown, false, false);
}
