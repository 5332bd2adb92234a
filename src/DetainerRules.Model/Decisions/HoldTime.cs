using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;

namespace DetainerRules.Model.Decisions;

/// <summary>When a hold for ICE would end, from the release time and the limit the policy sets.</summary>
public static class HoldTime
{
    /// <summary>The end of the hold, or null when the decision allows no hold, the limit has no fixed length, or the release time is unknown.</summary>
    /// <remarks>The end is written in the jurisdiction's local time (<paramref name="time"/>).</remarks>
    public static DateTimeOffset? Until(Scenario scenario, Decision delayRelease, JurisdictionTime time)
    {
        if (delayRelease.Value is not (Modality.Required or Modality.Permitted)
            || delayRelease.Effect.Limit is not { Hours: { } hours } limit
            || scenario.Custody.ReleaseEligibleAt is not { } start)
        {
            return null;
        }

        return HoldClock.End(start, hours, limit.ExcludesWeekends, limit.ExcludesFederalHolidays, time);
    }
}
