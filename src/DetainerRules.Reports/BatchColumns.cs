using DetainerRules.Analysis.Batch;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>Batch results as a table, the layout CSV and Parquet share: the columns in order, and each cell's value.</summary>
/// <remarks>
/// Both table formats take their columns and values from here, so a column added to one is in the
/// other, in the same place, with the same text. Values are the raw text, before any format's
/// quoting; null where there is no value (no error, no limit, no end to a hold).
/// </remarks>
public static class BatchColumns
{
    /// <summary>The column of a policy holding the end of a hold: the one column of a policy that is not text in Parquet.</summary>
    public const string HoldUntil = "hold_until";

    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();

    /// <summary>The columns every record has, before the policies' own.</summary>
    public static IReadOnlyList<string> Record { get; } = ["record", "source", "id", "error"];

    /// <summary>Each policy's columns, in order; a table names them <c>POLICY:column</c>.</summary>
    public static IReadOnlyList<string> Policy { get; } = [.. PolicyNames()];

    /// <summary>Every column's name for these policies, in order.</summary>
    public static IEnumerable<string> All(IReadOnlyList<string> policies) =>
        Record.Concat(policies.SelectMany(p => Policy.Select(c => Name(p, c))));

    public static string Name(string policy, string column) => $"{policy}:{column}";

    /// <summary>The record's errors, or why evaluating it failed, as one text; null when it has answers.</summary>
    public static string? Error(BatchResult result) =>
        result.Failure ?? (result.Record.Errors.Count > 0 ? string.Join("; ", result.Record.Errors.Select(e => e.ToString())) : null);

    /// <summary>One policy's answers, one value per column of <see cref="Policy"/>.</summary>
    /// <param name="cells">Filled from index 0; as long as <see cref="Policy"/>.</param>
    public static void Values(PolicyAnswers answers, string?[] cells)
    {
        var i = 0;
        cells[i++] = answers.Version;
        foreach (var kind in Kinds)
        {
            var d = answers.Decisions[(int)kind];
            cells[i++] = Vocabulary.Word(d.Value);
            if (kind == DecisionKind.NotifyIce)
            {
                cells[i++] = string.Join(";", d.Effect.At.Select(x => Vocabulary.Word(x)));
            }

            if (kind == DecisionKind.DelayRelease)
            {
                cells[i++] = d.Effect.Limit?.Text;
                cells[i++] = answers.HoldUntil is { } until ? Format.Timestamp(until) : null;
            }
        }

        cells[i] = Vocabulary.Word(answers.Outcome);
    }

    private static IEnumerable<string> PolicyNames()
    {
        yield return "version";
        foreach (var kind in Kinds)
        {
            yield return Vocabulary.Word(kind);
            if (kind == DecisionKind.NotifyIce)
            {
                yield return "notify_ice_at";
            }

            if (kind == DecisionKind.DelayRelease)
            {
                yield return "delay_limit";
                yield return HoldUntil;
            }
        }

        yield return "outcome";
    }
}
