using System.Diagnostics;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Reports;

/// <summary>Each decision and outcome in plain English.</summary>
public static class Phrases
{
    /// <summary>A short title for a decision, e.g. "ICE notification".</summary>
    public static string Title(DecisionKind kind) => kind switch
    {
        DecisionKind.NotifyIce => "Notify ICE",
        DecisionKind.DelayRelease => "Delay release for ICE",
        DecisionKind.ReleaseIfIceAbsent => "Release if ICE is absent",
        DecisionKind.TransferToIce => "Transfer to ICE",
        DecisionKind.IceJailAccess => "ICE access to the jail",
        DecisionKind.AskImmigrationStatus => "Ask about immigration status",
        DecisionKind.ShareCriminalIntelligence => "Share criminal intelligence",
        DecisionKind.AssistCivilEnforcement => "Join civil immigration operations",
        _ => throw new UnreachableException($"no title for decision {kind}"),
    };

    /// <summary>The decision as a sentence without a final period.</summary>
    public static string Sentence(Decision decision, DateTimeOffset? holdUntil)
    {
        var (must, may, mustNot, unknown) = Verbs(decision.Kind);
        var sentence = decision.Value switch
        {
            Modality.Required => must,
            Modality.Permitted => may,
            Modality.Forbidden => mustNot,
            Modality.Unknown => unknown,
            _ => throw new UnreachableException($"no sentence for the value {decision.Value}"),
        };
        return sentence + Details(decision, holdUntil);
    }

    public static string Outcome(OutcomeFinding outcome) => outcome.Value switch
    {
        Model.Decisions.Outcome.Released or Model.Decisions.Outcome.TransferredToIce => OutcomeWords.Of(outcome.Value),
        Model.Decisions.Outcome.HeldForIce => OutcomeWords.Of(outcome.Value) + (outcome.HoldUntil is { } until ? $" until {Format.Timestamp(until)}" : " (its end cannot be computed: the release time or a fixed limit is missing)"),
        Model.Decisions.Outcome.Discretionary => outcome.HoldUntil is { } end ? $"at the agency's discretion (a hold could last until {Format.Timestamp(end)})" : "at the agency's discretion or not settled by the sources",
        _ => throw new UnreachableException($"no phrase for the outcome {outcome.Value}"),
    };

    private static string Details(Decision decision, DateTimeOffset? holdUntil)
    {
        if (decision.Value is not (Modality.Required or Modality.Permitted))
        {
            return string.Empty;
        }

        if (decision.Kind == DecisionKind.NotifyIce && decision.Effect.At.Count > 0)
        {
            // A loop, not a query: a query over an enum is framework code compiled at every start.
            var points = new string[decision.Effect.At.Count];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = Vocabulary.Word(decision.Effect.At[i]);
            }

            return " at " + string.Join(" and at ", points);
        }

        if (decision.Kind == DecisionKind.DelayRelease && decision.Effect.Limit is { } limit)
        {
            return holdUntil is { } until ? $", for at most {limit.Text} (until {Format.Timestamp(until)})" : $", for at most {limit.Text}";
        }

        return string.Empty;
    }

    private static (string Must, string May, string MustNot, string Unknown) Verbs(DecisionKind kind) => kind switch
    {
        DecisionKind.NotifyIce => ("ICE must be notified", "The agency may notify ICE", "ICE must not be notified", "The sources do not say whether ICE is notified"),
        DecisionKind.DelayRelease => ("Release must be delayed for ICE", "Release may be delayed for ICE", "Release must not be delayed for ICE", "The sources do not say whether release is delayed for ICE"),
        DecisionKind.ReleaseIfIceAbsent => ("The person must be released if ICE is not there at release time", "The person may be released if ICE is not there at release time", "The person must not be released while ICE is absent", "The sources do not say whether the person is released when ICE is absent"),
        DecisionKind.TransferToIce => ("Custody must be handed to ICE when ICE is there", "Custody may be handed to ICE when ICE is there", "Custody must not be handed to ICE", "The sources do not say whether custody is handed to ICE"),
        DecisionKind.IceJailAccess => ("ICE must be given access to the jail", "ICE may be given access to the jail", "ICE must not be given access to the jail", "The sources do not say whether ICE may enter the jail"),
        DecisionKind.AskImmigrationStatus => ("Officers must ask about immigration status", "Officers may ask about immigration status", "Officers must not ask about immigration status", "The sources do not say whether officers ask about immigration status"),
        DecisionKind.ShareCriminalIntelligence => ("Criminal intelligence must be shared with ICE", "Criminal intelligence may be shared with ICE", "Criminal intelligence must not be shared with ICE", "The sources do not say whether criminal intelligence is shared with ICE"),
        DecisionKind.AssistCivilEnforcement => ("The agency must join civil immigration operations", "The agency may join civil immigration operations", "The agency must not join civil immigration operations", "The sources do not say whether the agency joins civil immigration operations"),
        _ => throw new UnreachableException($"no verbs for decision {kind}"),
    };
}
