using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>Where two policies of a batch run disagree, over the records both answered: per decision and on the outcome, and the detention each one's holds add over the other's.</summary>
/// <remarks>
/// Two answers differ as <see cref="Answer"/> says (value and detail: the notification points, the
/// hold limit's words). A record's hold is the time from its release time to <c>hold_until</c>
/// when the outcome is a hold for ICE; a discretionary hold is not counted (the agency may not
/// hold at all). Where one policy holds longer, the difference is that policy's extra detention.
/// A hold with no computable end (no release time, or a limit without fixed hours) cannot be
/// measured; such records are counted apart, never as zero hours.
/// </remarks>
public sealed class PairDisagreement(int first, int second)
{
    private readonly long[] _differ = new long[Enum.GetValues<DecisionKind>().Length];

    /// <summary>The index of the first policy, as given on the command line.</summary>
    public int First { get; } = first;

    /// <summary>The index of the second policy.</summary>
    public int Second { get; } = second;

    /// <summary>Records both policies answered.</summary>
    public long Records { get; private set; }

    /// <summary>Records where the outcome differs.</summary>
    public long OutcomeDiffers { get; private set; }

    /// <summary>Detention the first policy's holds add over the second's, summed over the records where it holds longer.</summary>
    public TimeSpan FirstExtra { get; private set; }

    public TimeSpan SecondExtra { get; private set; }

    /// <summary>Records where the first policy holds longer than the second.</summary>
    public long FirstLonger { get; private set; }

    public long SecondLonger { get; private set; }

    /// <summary>Records where either policy holds with no computable end, so the extra hours leave them out.</summary>
    public long Unmeasured { get; private set; }

    /// <summary>Records where the two answer <paramref name="decision"/> differently.</summary>
    public long Differ(DecisionKind decision) => _differ[(int)decision];

    internal void Add(Scenario scenario, IReadOnlyList<PolicyAnswers> answers)
    {
        var (a, b) = (answers[First], answers[Second]);
        Records++;
        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            if (Answer.Of(a.Decisions[(int)kind]) != Answer.Of(b.Decisions[(int)kind]))
            {
                _differ[(int)kind]++;
            }
        }

        if (a.Outcome != b.Outcome)
        {
            OutcomeDiffers++;
        }

        if (Hold(scenario, a) is not { } holdA || Hold(scenario, b) is not { } holdB)
        {
            Unmeasured++;
            return;
        }

        if (holdA > holdB)
        {
            FirstLonger++;
            FirstExtra += holdA - holdB;
        }
        else if (holdB > holdA)
        {
            SecondLonger++;
            SecondExtra += holdB - holdA;
        }
    }

    /// <summary>How long the policy holds the person past release: zero unless held for ICE; null for a hold with no computable end.</summary>
    private static TimeSpan? Hold(Scenario scenario, PolicyAnswers answers)
    {
        if (answers.Outcome != Outcome.HeldForIce)
        {
            return TimeSpan.Zero;
        }

        return answers.HoldUntil is { } until && scenario.Custody.ReleaseEligibleAt is { } release ? until - release : null;
    }
}
