namespace DetainerRules.Model.Time;

/// <summary>A federal holiday and the day it is observed.</summary>
public sealed record FederalHoliday(DateOnly Observed, string Name);
