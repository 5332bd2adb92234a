using DetainerRules.Analysis;
using DetainerRules.Analysis.Space;
using DetainerRules.Reports;

namespace DetainerRules.Testing;

/// <summary>How a failing property shows its counter-example: the case in words and as a scenario file to paste and run.</summary>
internal static class Evidence
{
    public static IEnumerable<string> Case(ScenarioSpace space, Subject subject, int[] point)
    {
        yield return "case: " + (space.RelevantTo(subject).Count == 0 ? "every case" : space.Describe(point, space.RelevantTo(subject)));
        if (ComparisonSummary.Booking(space.Booking) is { } booking)
        {
            yield return booking;
        }

        yield return "scenario (save as a .json file and run `detainer evaluate` on it):";
        foreach (var line in ScenarioJson.ToJson(space.Build(point, "counter-example")).Split('\n'))
        {
            yield return "  " + line;
        }
    }
}
