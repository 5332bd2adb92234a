using DetainerRules.Model.Time;

namespace DetainerRules.Model.Conditions;

/// <summary>Rewrites a condition's look-backs to judge the booking day in another calendar: a policy with no zone of its own, localized to where the bookings are.</summary>
public static class ConditionCalendar
{
    /// <summary>The same condition with every <see cref="WithinYears"/> judged in <paramref name="time"/>; the condition itself when it has no look-back.</summary>
    public static Condition In(Condition condition, JurisdictionTime time) =>
        !condition.DescendantsAndSelf().OfType<WithinYears>().Any(w => !w.Time.Equals(time)) ? condition : Rewrite(condition, time);

    // Every kind of condition is named, so a new kind that may hold a look-back fails here rather than keeping the old calendar.
    private static Condition Rewrite(Condition condition, JurisdictionTime time) => condition switch
    {
        WithinYears within => within with { Time = time },
        AllOf all => all with { Parts = [.. all.Parts.Select(p => In(p, time))] },
        AnyOf any => any with { Parts = [.. any.Parts.Select(p => In(p, time))] },
        Negation negation => negation with { Inner = In(negation.Inner, time) },
        Quantified quantified => quantified with { Inner = In(quantified.Inner, time) },
        NamedConditionUse named => named with { Body = In(named.Body, time) },
        FieldTest or DecisionTest or Constant => condition,
        _ => throw new InvalidOperationException($"a condition of kind {condition.GetType().Name} cannot be moved to another calendar"),
    };
}
