namespace DetainerRules.Model.Scenarios;

/// <summary>
/// A jurisdiction-neutral offense taxonomy; each policy maps its own legal lists onto it.
/// </summary>
/// <remarks>The set is a public contract: members may be added, never renamed or repurposed.</remarks>
public enum OffenseCategory
{
    Homicide,
    SexualAssault,
    Kidnapping,
    Robbery,
    AggravatedAssault,
    AssaultOnOfficer,
    SimpleAssault,
    DomesticViolence,
    ChildAbuse,
    HumanTrafficking,
    Arson,
    Burglary,
    Theft,
    Fraud,
    Weapons,
    DrugTrafficking,
    DrugPossession,
    Dui,
    Gang,
    Terrorism,
    Escape,
    Traffic,
    PublicOrder,
    Other,
}
