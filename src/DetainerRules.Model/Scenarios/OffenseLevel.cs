namespace DetainerRules.Model.Scenarios;

/// <summary>How serious an offense is, ordered from least to most serious so that levels compare.</summary>
public enum OffenseLevel
{
    Infraction,
    Misdemeanor,
    GrossMisdemeanor,
    Felony,
}
