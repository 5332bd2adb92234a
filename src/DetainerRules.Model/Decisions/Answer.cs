using System.Diagnostics;

namespace DetainerRules.Model.Decisions;

/// <summary>One decision's answer, or the outcome, reduced to what can be compared between policies.</summary>
/// <param name="Value">The modality word (<c>required</c>) or the outcome word (<c>held_for_ice</c>).</param>
/// <param name="Detail">What else the answer carries: the notification points, the hold limit, or a conflict; null when nothing.</param>
/// <remarks>
/// Two policies give the same answer when value and detail are equal. A hold limit is compared by
/// what it says (hours, excluded days, description), never by its name in the policy file, so two
/// files that call the same 48 hours differently agree.
/// </remarks>
public sealed record Answer(string Value, string? Detail)
{
    /// <summary>The value in a reader's words where they differ from the vocabulary word: an outcome's (<c>held for ICE</c>).</summary>
    private string? Words { get; init; }

    /// <summary>The answer as a reader sees it: <c>required (booking, release)</c>, <c>held for ICE</c>.</summary>
    public string Text => (Words ?? Value) + (Detail is null ? string.Empty : $" ({Detail})");

    /// <summary>The answer to one decision.</summary>
    public static Answer Of(Decision decision)
    {
        var value = Vocabulary.Word(decision.Value);
        if (decision.IsConflict)
        {
            return new Answer(value, "rules conflict");
        }

        if (decision.Value is not (Modality.Required or Modality.Permitted))
        {
            return new Answer(value, null);
        }

        return decision.Kind switch
        {
            DecisionKind.NotifyIce when decision.Effect.At.Count > 0 => new Answer(value, string.Join(", ", decision.Effect.At.Select(p => Vocabulary.Word(p)))),
            DecisionKind.DelayRelease when decision.Effect.Limit is { } limit => new Answer(value, limit.Text),
            DecisionKind.NotifyIce or DecisionKind.DelayRelease => new Answer(value, null),
            DecisionKind.ReleaseIfIceAbsent or DecisionKind.TransferToIce or DecisionKind.IceJailAccess or DecisionKind.AskImmigrationStatus
                or DecisionKind.ShareCriminalIntelligence or DecisionKind.AssistCivilEnforcement => new Answer(value, null),
            _ => throw new UnreachableException($"no answer for decision {decision.Kind}"),
        };
    }

    /// <summary>The outcome, without the hold's end: that follows from the release time and the hold limit, which <c>delay_release</c> carries.</summary>
    public static Answer Of(OutcomeFinding outcome) => Of(outcome.Value);

    /// <summary>The outcome alone, as <see cref="Of(OutcomeFinding)"/> gives it.</summary>
    public static Answer Of(Outcome outcome) => new(Vocabulary.Word(outcome), null) { Words = OutcomeWords.Of(outcome) };

    public override string ToString() => Text;
}
