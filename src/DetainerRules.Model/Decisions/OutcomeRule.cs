using System.Diagnostics;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Decisions;

/// <summary>Derives what happens to the person from the decisions, the same way for every policy.</summary>
/// <remarks>
/// Permitted and unknown answers never become a yes or a no here: the agency's discretion, or the
/// sources' silence, is reported as <see cref="Outcome.Discretionary"/>. The findings are fixed
/// sentences, shared, so batch work derives outcomes without allocating.
/// </remarks>
public static class OutcomeRule
{
    private static readonly OutcomeFinding Transferred = new(Outcome.TransferredToIce, null, "ICE is present at release and the policy requires the transfer");
    private static readonly OutcomeFinding TransferForbidden = new(Outcome.Released, null, "ICE is present at release but the policy forbids a transfer");
    private static readonly OutcomeFinding TransferLeft = new(Outcome.Discretionary, null, "ICE is present at release and the policy leaves the transfer to the agency");
    private static readonly OutcomeFinding TransferSilent = new(Outcome.Discretionary, null, "ICE is present at release and the policy's sources do not say whether custody is handed over");
    private static readonly OutcomeFinding NoDetainer = new(Outcome.Released, null, "ICE is not present at release and has lodged no detainer, so nothing asks for a hold");
    private static readonly OutcomeFinding Held = new(Outcome.HeldForIce, null, "ICE is not present at release and the policy requires holding the person for ICE");
    private static readonly OutcomeFinding NotHeld = new(Outcome.Released, null, "ICE is not present at release and the policy does not hold people for ICE");
    private static readonly OutcomeFinding HoldLeft = new(Outcome.Discretionary, null, "ICE is not present at release and the policy leaves a hold to the agency");
    private static readonly OutcomeFinding HoldSilent = new(Outcome.Discretionary, null, "ICE is not present at release and the policy's sources do not say whether the person is held");

    public static OutcomeFinding Derive(Scenario scenario, Func<DecisionKind, Decision> decision, DateTimeOffset? holdUntil)
    {
        var finding = Find(scenario, decision(DecisionKind.TransferToIce).Value, decision(DecisionKind.DelayRelease).Value, decision(DecisionKind.ReleaseIfIceAbsent).Value);
        return holdUntil is not null && (ReferenceEquals(finding, Held) || ReferenceEquals(finding, HoldLeft)) ? finding with { HoldUntil = holdUntil } : finding;
    }

    /// <summary>The outcome alone, from every decision settled into an array at its kind's number, as the bulk paths settle them.</summary>
    public static Outcome Of(Scenario scenario, Decision[] decisions) =>
        Find(
            scenario,
            decisions[(int)DecisionKind.TransferToIce].Value,
            decisions[(int)DecisionKind.DelayRelease].Value,
            decisions[(int)DecisionKind.ReleaseIfIceAbsent].Value).Value;

    private static OutcomeFinding Find(Scenario scenario, Modality transfer, Modality delay, Modality release)
    {
        if (scenario.IcePresentAtRelease)
        {
            return transfer switch
            {
                Modality.Required => Transferred,
                Modality.Forbidden => TransferForbidden,
                Modality.Permitted => TransferLeft,
                Modality.Unknown => TransferSilent,
                _ => throw new UnreachableException($"no outcome for the transfer value {transfer}"),
            };
        }

        if (scenario.Detainer is null)
        {
            return NoDetainer;
        }

        if (delay == Modality.Required || release == Modality.Forbidden)
        {
            return Held;
        }

        if (delay == Modality.Forbidden || release == Modality.Required)
        {
            return NotHeld;
        }

        return delay == Modality.Permitted || release == Modality.Permitted ? HoldLeft : HoldSilent;
    }
}
