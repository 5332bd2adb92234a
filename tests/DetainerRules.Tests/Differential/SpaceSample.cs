using DetainerRules.Analysis.Space;

namespace DetainerRules.Tests.Differential;

/// <summary>Points of a scenario space to compare on: all of them when there are few, else a sample that still holds every class of every dimension.</summary>
internal static class SpaceSample
{
    public static IEnumerable<int[]> Points(ScenarioSpace space, int max, int seed)
    {
        if (space.Size <= max)
        {
            foreach (var point in space.Points())
            {
                yield return point;
            }

            yield break;
        }

        // The first points walk every dimension through its classes, each from a random start so
        // no two dimensions move in step; the rest are drawn at random.
        var random = new Random(seed);
        var widest = space.Dimensions.Max(d => d.Count);
        var starts = space.Dimensions.Select(d => random.Next(d.Count)).ToArray();
        for (var i = 0; i < max; i++)
        {
            yield return [.. space.Dimensions.Select((d, k) => i < widest ? (starts[k] + i) % d.Count : random.Next(d.Count))];
        }
    }
}
