using System.Globalization;
using System.Text.Json;
using DetainerRules.Analysis.Batch;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>A batch run's summary: the counts per policy, and, with several policies, where each pair disagrees; as lines for the terminal and as the <c>--summary</c> JSON.</summary>
public static class BatchDisagreement
{
    /// <summary>One paragraph per pair: records that differ per decision and on the outcome, and the extra detention each one's holds add.</summary>
    public static IEnumerable<string> Lines(BatchSummary summary)
    {
        foreach (var pair in summary.Pairs)
        {
            var (a, b) = (summary.Policies[pair.First], summary.Policies[pair.Second]);
            yield return $"{a} vs {b}: {Count(pair.Records)} records answered by both";
            var differing = Enum.GetValues<DecisionKind>().Where(k => pair.Differ(k) > 0).Select(k => $"{Vocabulary.Word(k)} {Count(pair.Differ(k))}").ToList();
            yield return $"  differ on: {(differing.Count == 0 && pair.OutcomeDiffers == 0 ? "nothing" : string.Join(", ", [.. differing, $"outcome {Count(pair.OutcomeDiffers)}"]))}";
            yield return $"  {a} holds longer in {Count(pair.FirstLonger)} records, {Hours(pair.FirstExtra)} hours of extra detention in all";
            yield return $"  {b} holds longer in {Count(pair.SecondLonger)} records, {Hours(pair.SecondExtra)} hours of extra detention in all";
            if (pair.Unmeasured > 0)
            {
                yield return $"  {Count(pair.Unmeasured)} records held with no computable end (no release time, or a limit without fixed hours) are left out of the hours";
            }
        }
    }

    /// <summary>The summary as one JSON object: totals, each policy's counts, and each pair's disagreement.</summary>
    public static string ToJson(BatchSummary summary) => JsonReport.Render(w => Write(w, summary));

    private static void Write(Utf8JsonWriter w, BatchSummary summary)
    {
        w.WriteStartObject();
        w.WriteNumber("records_in", summary.In);
        w.WriteNumber("records_out", summary.Out);
        w.WriteNumber("records_with_errors", summary.Errors);
        w.WriteStartArray("policies");
        for (var p = 0; p < summary.Policies.Count; p++)
        {
            w.WriteStartObject();
            w.WriteString("policy", summary.Policies[p]);
            w.WriteStartObject("decisions");
            foreach (var kind in Enum.GetValues<DecisionKind>())
            {
                w.WriteStartObject(Vocabulary.Word(kind));
                foreach (var value in Enum.GetValues<Modality>())
                {
                    w.WriteNumber(Vocabulary.Word(value), summary.Count(p, kind, value));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("outcomes");
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                w.WriteNumber(Vocabulary.Word(outcome), summary.Count(p, outcome));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("pairs");
        foreach (var pair in summary.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("first", summary.Policies[pair.First]);
            w.WriteString("second", summary.Policies[pair.Second]);
            w.WriteNumber("records", pair.Records);
            w.WriteStartObject("differ");
            foreach (var kind in Enum.GetValues<DecisionKind>())
            {
                w.WriteNumber(Vocabulary.Word(kind), pair.Differ(kind));
            }

            w.WriteNumber("outcome", pair.OutcomeDiffers);
            w.WriteEndObject();
            w.WriteNumber("first_holds_longer", pair.FirstLonger);
            w.WriteNumber("first_extra_hold_hours", pair.FirstExtra.TotalHours);
            w.WriteNumber("second_holds_longer", pair.SecondLonger);
            w.WriteNumber("second_extra_hold_hours", pair.SecondExtra.TotalHours);
            w.WriteNumber("holds_without_end", pair.Unmeasured);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("#,0.##", CultureInfo.InvariantCulture);
}
