namespace DetainerRules.Model.Conditions;

/// <summary>The scenario fields a condition may read; nothing else is reachable.</summary>
public enum Field
{
    ForeignBorn,
    Citizenship,
    RegisteredSexOffender,
    OnTerroristWatchlist,
    LawfulStatusProof,
    DetainerPresent,
    DetainerForm,
    DetainerWarrant,
    DetainerWarrantCourt,
    DetainerWarrantOffense,
    IcePresentAtRelease,
    Requests,
    OffenseLevel,
    OffenseCategory,
    OffenseStatute,
    OffenseText,
}
