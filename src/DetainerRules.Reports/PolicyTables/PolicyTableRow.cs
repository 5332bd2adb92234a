using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports.PolicyTables;

/// <summary>A row of a <see cref="PolicyTable"/>: its key (the JSON and vocabulary word), its title, and one cell per policy.</summary>
/// <param name="Short">A short heading, for the text layout where the rows become columns.</param>
/// <param name="Decision">The decision the row shows; null for the outcome, the hold's end and its limit.</param>
public sealed record PolicyTableRow(string Key, string Title, string Short, DecisionKind? Decision, IReadOnlyList<string> Cells)
{
    /// <summary>What a cell says for a policy with no version in force.</summary>
    public const string NotInForce = "not in force";

    /// <summary>Every row, in order: the outcome, the hold's end and the limit bounding it, then each decision.</summary>
    internal static IReadOnlyList<PolicyTableRow> Of(IReadOnlyList<PolicyColumn> columns)
    {
        PolicyTableRow Row(string key, string title, string shortTitle, Func<Verdict, string> cell, DecisionKind? decision = null) =>
            new(key, title, shortTitle, decision, [.. columns.Select(c => c.Verdict is { } v ? cell(v) : NotInForce)]);

        List<PolicyTableRow> rows =
        [
            Row("outcome", "Outcome", "outcome", v => Phrases.Outcome(v.Outcome)),
            Row("hold_until", "Hold until", "hold until", HoldUntil),
            Row("limit", "Hold limit", "limit", v => Limit(v) is { } limit ? $"{limit.Name}: {limit.Text}" : "none"),
        ];
        rows.AddRange(Enum.GetValues<DecisionKind>().Select(kind =>
            Row(Vocabulary.Word(kind), Phrases.Title(kind), ShortTitle(kind), v => Cell(v[kind]), kind)));
        return rows;
    }

    /// <summary>The hold's end; where a hold is allowed but its end unknown (no release time, or a limit without fixed hours), that is said, not "no hold".</summary>
    private static string HoldUntil(Verdict verdict) => verdict.HoldUntil is { } until
        ? Format.Timestamp(until)
        : verdict[DecisionKind.DelayRelease].Value is Modality.Required or Modality.Permitted ? "cannot be computed" : "no hold";

    /// <summary>A decision's answer; a hold's limit is left to the limit row, so the delay column stays narrow and says it once.</summary>
    private static string Cell(Decision decision)
    {
        var answer = Answer.Of(decision);
        return decision.Kind == DecisionKind.DelayRelease && !decision.IsConflict ? answer.Value : answer.Text;
    }

    private static string ShortTitle(DecisionKind kind) => kind switch
    {
        DecisionKind.NotifyIce => "notify",
        DecisionKind.DelayRelease => "delay",
        DecisionKind.ReleaseIfIceAbsent => "release if absent",
        DecisionKind.TransferToIce => "transfer",
        DecisionKind.IceJailAccess => "jail access",
        DecisionKind.AskImmigrationStatus => "ask status",
        DecisionKind.ShareCriminalIntelligence => "share intel",
        DecisionKind.AssistCivilEnforcement => "civil ops",
        _ => throw new System.Diagnostics.UnreachableException($"no short title for decision {kind}"),
    };

    /// <summary>The limit that bounds a hold: <c>delay_release</c>'s, where it allows one.</summary>
    internal static Model.Policies.HoldLimit? Limit(Verdict verdict) =>
        verdict[DecisionKind.DelayRelease] is { Value: Modality.Required or Modality.Permitted } delay ? delay.Effect.Limit : null;
}
