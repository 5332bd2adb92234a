using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Expectations;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Expectations;

/// <summary>Runs expectation cases against policies and says, decision by decision, where the answers differ.</summary>
/// <remarks>Only what a case states is checked: an expected decision without <c>at</c> does not check the notification points.</remarks>
public static class ExpectationRunner
{
    /// <param name="policy">The case's policy (<see cref="ExpectationCase.PolicyId"/>), as it decides the scenario: its authorities can depend on the booking day, and a policy that names no zone is judged where the case says the bookings are (<see cref="ExpectationCase.Bookings"/>); throws what the caller's loader throws for an unknown id.</param>
    /// <param name="scenario">The scenario a case refers to; throws for an unknown reference.</param>
    /// <param name="failure">Turns what the two lookups throw into a message; returns null for exceptions that are bugs.</param>
    public static IReadOnlyList<CaseResult> Run(
        IEnumerable<ExpectationFile> files,
        Func<ExpectationCase, Scenario, IPolicyEvaluator> policy,
        Func<ExpectationFile, ExpectationCase, Scenario> scenario,
        Func<Exception, string?> failure)
    {
        var results = new List<CaseResult>();
        foreach (var file in files)
        {
            foreach (var c in file.Cases)
            {
                try
                {
                    var decided = c.Inline ?? scenario(file, c);
                    var verdict = policy(c, decided).Evaluate(decided);
                    results.Add(new CaseResult(file.Path, c, verdict, Compare(c, verdict), null));
                }
                catch (Exception e) when (failure(e) is not null)
                {
                    results.Add(new CaseResult(file.Path, c, null, [], failure(e)));
                }
            }
        }

        return results;
    }

    /// <summary>What the policy and scenario lookups of <see cref="Run"/> throw for bad input, as a message; null for an exception that is a bug.</summary>
    public static string? Failure(Exception e) => e switch
    {
        InvalidInputException invalid => string.Join("; ", invalid.Diagnostics.Select(d => d.ToString()).DefaultIfEmpty(invalid.Message)),
        EvaluationException evaluation => evaluation.Message,
        _ => null,
    };

    public static IReadOnlyList<Mismatch> Compare(ExpectationCase expected, Verdict verdict)
    {
        var mismatches = new List<Mismatch>();
        foreach (var e in expected.Decisions)
        {
            var actual = verdict[e.Kind];
            var name = Vocabulary.Word(e.Kind);
            var why = Why(actual);
            if (actual.Value != e.Value)
            {
                mismatches.Add(new Mismatch(name, Vocabulary.Word(e.Value), Answer.Of(actual).Text, why));
            }

            if (e.At is { } at && !at.SequenceEqual(actual.Effect.At))
            {
                mismatches.Add(new Mismatch(name + ".at", Points(at), Points(actual.Effect.At), why));
            }

            if (e.HoldUntilGiven && e.HoldUntil != verdict.HoldUntil)
            {
                mismatches.Add(new Mismatch(name + ".hold_until", Time(e.HoldUntil), Time(verdict.HoldUntil), why));
            }
        }

        if (expected.Outcome is { } outcome && outcome != verdict.Outcome.Value)
        {
            mismatches.Add(new Mismatch("outcome", Vocabulary.Word(outcome), Vocabulary.Word(verdict.Outcome.Value), verdict.Outcome.Reason));
        }

        return mismatches;
    }

    private static string Why(Decision decision) =>
        decision.IsConflict ? "rules " + string.Join(", ", decision.Conflict.Select(a => a.Rule.Id)) + " conflict"
        : decision.Default is not null ? "the default"
        : "rule " + string.Join(", ", decision.Deciding.Select(a => a.Rule.Id));

    private static string Points(IEnumerable<NotificationPoint> points) => "[" + string.Join(", ", points.Select(p => Vocabulary.Word(p))) + "]";

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : "none";
}
