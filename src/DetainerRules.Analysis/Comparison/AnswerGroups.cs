using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>The compared cases grouped by the answers every policy gives, each case stored as the number of its group.</summary>
/// <remarks>
/// Each policy's answers are numbered apart (<see cref="ProjectedAnswers"/>); a case's tuple of
/// numbers is folded one policy at a time into the number of a group, so grouping allocates nothing
/// per case. Groups are numbered in the order first met, and a group keeps the answers of the first
/// case met in it.
/// </remarks>
internal sealed class AnswerGroups
{
    private readonly IReadOnlyList<IReadOnlyList<Answer>> _distinct;
    private readonly List<Dictionary<long, int>> _prefixes;
    private readonly List<int[]> _tuples = [];
    private readonly List<long> _counts = [];
    private readonly List<int> _groupOf;

    /// <param name="distinct">For each policy, its distinct answers: a case gives an index into each.</param>
    /// <param name="cases">How many cases will be added, when known: over millions, a list grown by doubling holds up to twice as many for a while.</param>
    public AnswerGroups(IReadOnlyList<IReadOnlyList<Answer>> distinct, int cases = 0)
    {
        _groupOf = new List<int>(cases);
        _distinct = distinct;
        _prefixes = [.. distinct.Select(_ => new Dictionary<long, int>())];
    }

    /// <summary>How many groups there are.</summary>
    public int Count => _tuples.Count;

    /// <summary>How many cases were added.</summary>
    public int Cases => _groupOf.Count;

    /// <summary>Adds the next case, by the index of each policy's answer.</summary>
    public void Add(ReadOnlySpan<int> answers)
    {
        // The number of the tuple's first k answers, over every prefix met so far; the last is the group.
        var prefix = 0;
        for (var p = 0; p < answers.Length; p++)
        {
            var key = ((long)prefix << 32) | (uint)answers[p];
            if (!_prefixes[p].TryGetValue(key, out var next))
            {
                next = _prefixes[p].Count;
                _prefixes[p][key] = next;
                if (p == answers.Length - 1)
                {
                    _tuples.Add(answers.ToArray());
                    _counts.Add(0);
                }
            }

            prefix = next;
        }

        if (answers.Length == 0)
        {
            if (_tuples.Count == 0)
            {
                _tuples.Add([]);
                _counts.Add(0);
            }

            prefix = 0;
        }

        _counts[prefix]++;
        _groupOf.Add(prefix);
    }

    /// <summary>Each case's group, in the order the cases were added.</summary>
    public IReadOnlyList<int> GroupOf => _groupOf;

    /// <summary>The answers of a group, one per policy.</summary>
    public Answer[] Answers(int group) => [.. _tuples[group].Select((a, p) => _distinct[p][a])];

    public long CasesIn(int group) => _counts[group];

    /// <summary>The cases of each group, in the order they were added.</summary>
    public int[][] Members()
    {
        var members = _counts.Select(c => new int[c]).ToArray();
        var filled = new int[_counts.Count];
        for (var i = 0; i < _groupOf.Count; i++)
        {
            var group = _groupOf[i];
            members[group][filled[group]++] = i;
        }

        return members;
    }
}
