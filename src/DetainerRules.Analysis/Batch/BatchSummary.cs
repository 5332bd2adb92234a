using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Batch;

/// <summary>Counts over a batch run: records in and out, records in error, and how often each policy gave each answer.</summary>
public sealed class BatchSummary(IReadOnlyList<string> policies)
{
    private readonly long[,,] _decisions = new long[policies.Count, Enum.GetValues<DecisionKind>().Length, Enum.GetValues<Modality>().Length];
    private readonly long[,] _outcomes = new long[policies.Count, Enum.GetValues<Outcome>().Length];

    public IReadOnlyList<string> Policies { get; } = policies;

    /// <summary>Every pair of policies, in the order given (first with second, first with third, ...), with where they disagree.</summary>
    public IReadOnlyList<PairDisagreement> Pairs { get; } =
        [.. Enumerable.Range(0, policies.Count).SelectMany(a => Enumerable.Range(a + 1, policies.Count - a - 1).Select(b => new PairDisagreement(a, b)))];

    public long In { get; private set; }

    public long Out { get; private set; }

    /// <summary>Records written with an error instead of answers.</summary>
    public long Errors { get; private set; }

    public long Count(int policy, DecisionKind decision, Modality value) => _decisions[policy, (int)decision, (int)value];

    public long Count(int policy, Outcome outcome) => _outcomes[policy, (int)outcome];

    internal void Read() => In++;

    internal void Wrote(BatchResult result)
    {
        Out++;
        if (result.Answers is null)
        {
            Errors++;
            return;
        }

        for (var p = 0; p < result.Answers.Count; p++)
        {
            foreach (var decision in result.Answers[p].Decisions)
            {
                _decisions[p, (int)decision.Kind, (int)decision.Value]++;
            }

            _outcomes[p, (int)result.Answers[p].Outcome]++;
        }

        foreach (var pair in Pairs)
        {
            pair.Add(result.Record.Scenario!, result.Answers);
        }
    }
}
