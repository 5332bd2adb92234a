using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>
/// The catalog's policies written by hand as plain C#: the fastest anyone could answer them, and
/// what the engine is measured against. Each method is the merged policy
/// (<c>detainer show --policy ID</c>) with its priorities, defaults and chained rules worked out
/// ahead of time; <see cref="Equivalence"/> proves it gives the engine's answers.
/// </summary>
public static class HandWritten
{
    /// <summary>LVMPD Policy 4.166 as revised in 2023 (<c>rules/lvmpd-2023.yaml</c> over <c>lvmpd-2019.yaml</c>).</summary>
    /// <remarks>
    /// All four rules have priority 0 and never claim the same decision with different values
    /// (<c>no-delay-without-judicial-warrant</c> and <c>judicial-warrant-may-hold</c> exclude each
    /// other), so each decision is the one rule's claim or the default. The 2019 rule is removed by
    /// the 2023 variant, and every 2019 default is overridden by a 2023 one.
    /// </remarks>
    public static class Lvmpd2023
    {
        public const string HoldLimit = "as long as the judge's warrant allows";

        public static BaselineAnswer Answer(Scenario s)
        {
            // notify-foreign-born-listed-charge: an unknown birthplace is not "born abroad".
            var notify = Modality.Unknown;
            var notifyAt = NotifyPoints.None;
            if (s.Person.ForeignBorn == true && AnyNotifiableCharge(s.Charges))
            {
                notify = Modality.Required;
                notifyAt = NotifyPoints.Booking | NotifyPoints.Release;
            }

            // judicial_warrant is false without a detainer, so `not judicial_warrant` holds then.
            Modality delay, release;
            string? limit = null;
            if (s.Detainer is { Warrant: WarrantKind.Judicial })
            {
                // judicial-warrant-may-hold
                delay = Modality.Permitted;
                limit = HoldLimit;
                release = Modality.Permitted;
            }
            else
            {
                // no-delay-without-judicial-warrant
                delay = Modality.Forbidden;
                release = Modality.Required;
            }

            // ice-may-pick-up-notified-person reads the settled notify_ice; otherwise the default (unknown).
            var transfer = notify == Modality.Required ? Modality.Permitted : Modality.Unknown;

            return new BaselineAnswer(
                notify,
                notifyAt,
                delay,
                limit,
                release,
                transfer,
                IceJailAccess: Modality.Unknown,
                AskImmigrationStatus: Modality.Forbidden,
                ShareCriminalIntelligence: Modality.Permitted,
                AssistCivilEnforcement: Modality.Forbidden);
        }

        /// <summary><c>any charge(notifiable_charge)</c>: a violent felony, or domestic violence or DUI at any level.</summary>
        private static bool AnyNotifiableCharge(IReadOnlyList<Charge> charges)
        {
            for (var i = 0; i < charges.Count; i++)
            {
                var c = charges[i];
                if (c.Category is OffenseCategory.DomesticViolence or OffenseCategory.Dui
                    || (c.Level == OffenseLevel.Felony && IsViolentFelonyCategory(c.Category)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>lvmpd_violent_felony</c>.</summary>
        private static bool IsViolentFelonyCategory(OffenseCategory category) => category is
            OffenseCategory.Homicide or OffenseCategory.SexualAssault or OffenseCategory.Kidnapping or OffenseCategory.Robbery
            or OffenseCategory.AggravatedAssault or OffenseCategory.AssaultOnOfficer or OffenseCategory.ChildAbuse
            or OffenseCategory.HumanTrafficking or OffenseCategory.Arson or OffenseCategory.Terrorism;
    }

    /// <summary>California's TRUST Act and Values Act (<c>rules/california.yaml</c>).</summary>
    /// <remarks>
    /// Priorities worked out: <c>meets-7282-5-a</c> (10) beats <c>judicial-warrant-transfer</c> (5),
    /// which beats <c>record-may-meet-7282-5</c> and <c>pending-serious-felony-charge</c> (0). Rules
    /// of equal priority claim the same value (unknown), so no conflict can arise.
    /// </remarks>
    public static class California
    {
        public static BaselineAnswer Answer(Scenario s)
        {
            var bookedOn = s.BookedOn;
            var fiveYears = bookedOn.AddYears(-5);
            var fifteenYears = bookedOn.AddYears(-15);

            // meets_7282_5_a and may_meet_7282_5_a, in one pass over the convictions.
            var meets = s.Person.RegisteredSexOffender;
            var mayMeet = false;
            var convictions = s.Convictions;
            for (var i = 0; i < convictions.Count; i++)
            {
                var c = convictions[i];
                if (c.Level == OffenseLevel.Felony)
                {
                    // any conviction(level = felony)
                    mayMeet = true;

                    // any conviction(serious_or_violent) at any time, or any conviction(listed_felony and within 15 years)
                    if (IsSeriousOrViolentCategory(c.Category)
                        || (IsListedFelonyCategory(c.Category) && c.ConvictedOn >= fifteenYears && c.ConvictedOn <= bookedOn))
                    {
                        meets = true;
                    }
                }
                else if (c.Level is OffenseLevel.Misdemeanor or OffenseLevel.GrossMisdemeanor
                    && IsListedCategory(c.Category) && c.ConvictedOn >= fiveYears && c.ConvictedOn <= bookedOn)
                {
                    mayMeet = true;
                }
            }

            var judicialWarrant = s.Detainer is { Warrant: WarrantKind.Judicial };

            Modality notify, transfer;
            var notifyAt = NotifyPoints.None;
            if (meets)
            {
                // meets-7282-5-a, priority 10.
                notify = Modality.Permitted;
                notifyAt = NotifyPoints.Release;
                transfer = Modality.Permitted;
            }
            else
            {
                // record-may-meet-7282-5 and pending-serious-felony-charge both claim unknown; else the default.
                notify = mayMeet || AnySeriousOrViolentCharge(s.Charges) ? Modality.Unknown : Modality.Forbidden;

                // judicial-warrant-transfer (priority 5) or record-may-meet-7282-5 (0) claim unknown; else the default.
                transfer = judicialWarrant || mayMeet ? Modality.Unknown : Modality.Forbidden;
            }

            return new BaselineAnswer(
                notify,
                notifyAt,
                DelayRelease: judicialWarrant ? Modality.Unknown : Modality.Forbidden,
                HoldLimit: null,
                ReleaseIfIceAbsent: judicialWarrant ? Modality.Unknown : Modality.Required,
                transfer,
                IceJailAccess: Modality.Permitted,
                AskImmigrationStatus: Modality.Forbidden,
                ShareCriminalIntelligence: Modality.Permitted,
                AssistCivilEnforcement: Modality.Forbidden);
        }

        /// <summary><c>any charge(serious_or_violent)</c>.</summary>
        private static bool AnySeriousOrViolentCharge(IReadOnlyList<Charge> charges)
        {
            for (var i = 0; i < charges.Count; i++)
            {
                if (charges[i].Level == OffenseLevel.Felony && IsSeriousOrViolentCategory(charges[i].Category))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>ca_serious_or_violent</c>.</summary>
        private static bool IsSeriousOrViolentCategory(OffenseCategory category) => category is
            OffenseCategory.Homicide or OffenseCategory.SexualAssault or OffenseCategory.Kidnapping or OffenseCategory.Robbery
            or OffenseCategory.AggravatedAssault or OffenseCategory.AssaultOnOfficer or OffenseCategory.Arson
            or OffenseCategory.HumanTrafficking or OffenseCategory.Terrorism;

        /// <summary><c>ca_listed_offenses</c>.</summary>
        private static bool IsListedCategory(OffenseCategory category) => category is
            OffenseCategory.Homicide or OffenseCategory.SexualAssault or OffenseCategory.Kidnapping or OffenseCategory.Robbery
            or OffenseCategory.AggravatedAssault or OffenseCategory.AssaultOnOfficer or OffenseCategory.SimpleAssault
            or OffenseCategory.DomesticViolence or OffenseCategory.ChildAbuse or OffenseCategory.HumanTrafficking
            or OffenseCategory.Arson or OffenseCategory.Burglary or OffenseCategory.Theft or OffenseCategory.Fraud
            or OffenseCategory.Weapons or OffenseCategory.Gang or OffenseCategory.Terrorism or OffenseCategory.Escape;

        /// <summary>The categories of <c>listed_felony</c>: the listed offenses, plus DUI and drug offenses as felonies.</summary>
        private static bool IsListedFelonyCategory(OffenseCategory category) =>
            IsListedCategory(category) || category is OffenseCategory.Dui or OffenseCategory.DrugTrafficking or OffenseCategory.DrugPossession;
    }
}
