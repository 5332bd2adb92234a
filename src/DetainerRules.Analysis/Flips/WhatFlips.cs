using DetainerRules.Analysis.Space;
using DetainerRules.Analysis.Words;
using DetainerRules.Engine;

namespace DetainerRules.Analysis.Flips;

/// <summary>Finds the smallest changes to a scenario that change a policy's answer, searched over the policy's scenario space.</summary>
/// <remarks>
/// The scenario is placed on its point of the space; every point that differs on one dimension is
/// tried, and where none changes the answer, every point that differs on two. Changes on one
/// dimension that lead to the same new answer are reported together ("if the charge were a felony
/// of robbery or homicide"). Because answers are constant on each point, a change of class is a
/// change any scenario in that class would make.
/// </remarks>
public static class WhatFlips
{
    /// <summary>Most two-dimension changes reported per answer; there can be many.</summary>
    public const int MaxPairs = 6;

    public static IReadOnlyList<Flip> For(IPolicyEvaluator policy, Model.Scenarios.Scenario scenario, Subject subject)
    {
        // What-if scenarios are booked on the scenario's own day, the one its question is about.
        var space = ScenarioSpace.For([policy], [subject], at: policy.Policy.Time.DayOf(scenario.BookedAt));
        var point = space.Project(scenario) ?? throw new InvalidOperationException("an unnarrowed space holds every scenario");
        var current = subject.AnswerFrom(policy, scenario);
        var dimensions = space.RelevantTo(subject);
        Model.Decisions.Answer AnswerAt(int[] p) => subject.AnswerFrom(policy, space.Build(p, "what-if"));
        int[] With(params (int Dimension, int Value)[] changes)
        {
            var copy = (int[])point.Clone();
            foreach (var (d, v) in changes)
            {
                copy[d] = v;
            }

            return copy;
        }

        var flips = new List<Flip>();
        foreach (var d in dimensions)
        {
            var byChange = space.Dimensions[d].Neighbors(point[d], scenario)
                .Select(n => (Neighbor: n, Answer: AnswerAt(With((d, n.Value)))))
                .Where(x => x.Answer != current)
                .GroupBy(x => (x.Neighbor.What, x.Answer));
            foreach (var group in byChange)
            {
                var first = group.First().Neighbor;
                var to = Wording.Or([.. group.SelectMany(x => x.Neighbor.To).Distinct()]);
                flips.Add(new Flip([(first.What, first.From, to)], group.Key.Answer, space.Build(With((d, first.Value)), $"what-if-{subject.Name}")));
            }
        }

        if (flips.Count > 0)
        {
            return flips;
        }

        // No single change does it: look for two changes on different dimensions.
        foreach (var (a, b) in dimensions.SelectMany((a, i) => dimensions.Skip(i + 1).Select(b => (a, b))))
        {
            var found = new Dictionary<Model.Decisions.Answer, int>();
            foreach (var na in space.Dimensions[a].Neighbors(point[a], scenario))
            {
                foreach (var nb in space.Dimensions[b].Neighbors(point[b], scenario))
                {
                    var changed = With((a, na.Value), (b, nb.Value));
                    var answer = AnswerAt(changed);
                    if (answer != current && found.GetValueOrDefault(answer) < MaxPairs)
                    {
                        found[answer] = found.GetValueOrDefault(answer) + 1;
                        flips.Add(new Flip([(na.What, na.From, Wording.Or(na.To)), (nb.What, nb.From, Wording.Or(nb.To))], answer, space.Build(changed, $"what-if-{subject.Name}")));
                    }
                }
            }
        }

        return flips;
    }
}
