namespace DetainerRules.Model.Policies;

/// <summary>What bounds a hold past the release time.</summary>
/// <param name="Hours">The longest hold; null when no fixed number applies (e.g. "as the judge's warrant allows").</param>
/// <param name="ExcludesWeekends">The clock stops on Saturdays and Sundays.</param>
/// <param name="ExcludesFederalHolidays">The clock stops on U.S. federal holidays.</param>
public sealed record HoldLimit(
    string Name,
    int? Hours,
    bool ExcludesWeekends,
    bool ExcludesFederalHolidays,
    string? Description)
{
    /// <summary>The limit in words, e.g. <c>48 hours, excluding weekends and federal holidays</c>.</summary>
    public string Text
    {
        get
        {
            if (Hours is not { } hours)
            {
                return Description ?? Name;
            }

            var excluded = (ExcludesWeekends, ExcludesFederalHolidays) switch
            {
                (true, true) => ", excluding weekends and federal holidays",
                (true, false) => ", excluding weekends",
                (false, true) => ", excluding federal holidays",
                _ => string.Empty,
            };
            return $"{hours} hours{excluded}";
        }
    }
}
