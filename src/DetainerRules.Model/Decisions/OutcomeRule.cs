using DetainerRules.Model.Scenarios;

namespace DetainerRules.Model.Decisions;

/// <summary>Derives what happens to the person from the decisions, the same way for every policy.</summary>
/// <remarks>
/// Permitted and unknown answers never become a yes or a no here: the agency's discretion, or the
/// sources' silence, is reported as <see cref="Outcome.Discretionary"/>.
/// </remarks>
public static class OutcomeRule
{
    public static OutcomeFinding Derive(Scenario scenario, Func<DecisionKind, Decision> decision, DateTimeOffset? holdUntil)
    {
        if (scenario.IcePresentAtRelease)
        {
            return decision(DecisionKind.TransferToIce).Value switch
            {
                Modality.Required => new(Outcome.TransferredToIce, null, "ICE is present at release and the policy requires the transfer"),
                Modality.Forbidden => new(Outcome.Released, null, "ICE is present at release but the policy forbids a transfer"),
                Modality.Permitted => new(Outcome.Discretionary, null, "ICE is present at release and the policy leaves the transfer to the agency"),
                _ => new(Outcome.Discretionary, null, "ICE is present at release and the policy's sources do not say whether custody is handed over"),
            };
        }

        if (scenario.Detainer is null)
        {
            return new(Outcome.Released, null, "ICE is not present at release and has lodged no detainer, so nothing asks for a hold");
        }

        var delay = decision(DecisionKind.DelayRelease).Value;
        var release = decision(DecisionKind.ReleaseIfIceAbsent).Value;
        if (delay == Modality.Required || release == Modality.Forbidden)
        {
            return new(Outcome.HeldForIce, holdUntil, "ICE is not present at release and the policy requires holding the person for ICE");
        }

        if (delay == Modality.Forbidden || release == Modality.Required)
        {
            return new(Outcome.Released, null, "ICE is not present at release and the policy does not hold people for ICE");
        }

        return delay == Modality.Permitted || release == Modality.Permitted
            ? new(Outcome.Discretionary, holdUntil, "ICE is not present at release and the policy leaves a hold to the agency")
            : new(Outcome.Discretionary, null, "ICE is not present at release and the policy's sources do not say whether the person is held");
    }
}
