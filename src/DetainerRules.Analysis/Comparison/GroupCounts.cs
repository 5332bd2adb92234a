using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>What every comparison reads off its groups of cases (one tuple of answers each): how often each pair of policies agrees, and which groups are splits in what order.</summary>
/// <remarks>Shared by the comparison that walks the cases (<see cref="PolicyComparer"/>) and the one that counts them on the product of diagrams (<see cref="SummaryComparer"/>), so the two cannot drift apart.</remarks>
internal static class GroupCounts
{
    /// <summary>For each pair of policies (by index), the cases where they give the same answer.</summary>
    /// <param name="answersOf">Each group's answers, one per policy.</param>
    /// <param name="casesIn">Each group's cases, each standing for <paramref name="multiplicity"/> compared cases.</param>
    public static long[,] Agreeing(IReadOnlyList<Answer[]> answersOf, Func<int, long> casesIn, long multiplicity, int policyCount)
    {
        // Counted per group, not per case: every case of a group agrees on the same pairs. Within a group the
        // answers are compared as numbers, each distinct answer numbered once: the whole catalog makes
        // thousands of groups of 78 answers, 6,084 pairs each.
        var agreeing = new long[policyCount, policyCount];
        var numbers = new Dictionary<Answer, int>();
        var numbered = new int[policyCount];
        for (var g = 0; g < answersOf.Count; g++)
        {
            for (var a = 0; a < policyCount; a++)
            {
                ref var number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(numbers, answersOf[g][a], out var known);
                number = known ? number : numbers.Count - 1;
                numbered[a] = number;
            }

            var cases = casesIn(g) * multiplicity;
            for (var a = 0; a < policyCount; a++)
            {
                for (var b = 0; b < policyCount; b++)
                {
                    agreeing[a, b] += numbered[a] == numbered[b] ? cases : 0;
                }
            }
        }

        return agreeing;
    }

    /// <summary>The groups where not every policy answers alike, largest first, then by their answers' texts; groups given in the order first met keep it among equals.</summary>
    public static List<int> Splits(IReadOnlyList<Answer[]> answersOf, Func<int, long> casesIn) =>
        [.. Enumerable.Range(0, answersOf.Count)
            .Where(g => answersOf[g].Distinct().Count() > 1)
            .OrderByDescending(casesIn)
            .ThenBy(g => string.Join("\u0001", answersOf[g].Select(a => a.Text)), StringComparer.Ordinal)];
}
