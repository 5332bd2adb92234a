using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>The compared cases grouped by the answers every policy gives, each case stored as the number of its group.</summary>
/// <remarks>
/// Each policy's answers are numbered apart (<see cref="ProjectedAnswers"/>); a case's tuple of
/// numbers is read as one number, each policy a digit in the base of how many answers it gives, and
/// looked up once, so grouping allocates nothing per case (a tuple too long for a 64-bit number is
/// folded one policy at a time instead). Groups are numbered in the order first met, and a group keeps
/// the answers of the first case met in it.
/// </remarks>
internal sealed class AnswerGroups
{
    private readonly IReadOnlyList<IReadOnlyList<Answer>> _distinct;
    private readonly long[]? _place;
    private readonly Dictionary<long, int> _byNumber = [];
    private readonly List<Dictionary<long, int>> _prefixes;
    private readonly List<int[]> _tuples = [];
    private readonly List<long> _counts = [];
    private readonly GroupColumn _groupOf;

    /// <param name="distinct">For each policy, its distinct answers: a case gives an index into each; when answers are added as they are met, the lists may grow as cases are added.</param>
    /// <param name="cases">How many cases will be added, when known.</param>
    /// <param name="fixedAnswers">Whether every policy's answers are known already, so a tuple can be read as one number.</param>
    public AnswerGroups(IReadOnlyList<IReadOnlyList<Answer>> distinct, int cases = 0, bool fixedAnswers = false)
    {
        _groupOf = new GroupColumn(cases);
        _distinct = distinct;
        _prefixes = [.. distinct.Select(_ => new Dictionary<long, int>())];
        if (fixedAnswers)
        {
            var place = new long[distinct.Count];
            var size = System.Numerics.BigInteger.One;
            for (var p = 0; p < distinct.Count; p++)
            {
                place[p] = (long)System.Numerics.BigInteger.Min(size, long.MaxValue);
                size *= Math.Max(distinct[p].Count, 1);
            }

            _place = size <= long.MaxValue ? place : null;
        }
    }

    /// <summary>How many groups there are.</summary>
    public int Count => _tuples.Count;

    /// <summary>How many cases were added.</summary>
    public int Cases => _groupOf.Count;

    /// <summary>Adds the next case, by the index of each policy's answer.</summary>
    public void Add(ReadOnlySpan<int> answers) => _groupOf.Add(GroupOf(answers));

    /// <summary>Each case's group, in the order the cases were added.</summary>
    public GroupColumn Column => _groupOf;

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

    private int GroupOf(ReadOnlySpan<int> answers)
    {
        int group;
        if (_place is not null)
        {
            var number = 0L;
            for (var p = 0; p < answers.Length; p++)
            {
                number += answers[p] * _place[p];
            }

            if (!_byNumber.TryGetValue(number, out group))
            {
                group = New(answers);
                _byNumber[number] = group;
            }
        }
        else
        {
            group = Folded(answers);
        }

        _counts[group]++;
        return group;
    }

    /// <summary>The number of the tuple's first k answers, over every prefix met so far; the last is the group.</summary>
    private int Folded(ReadOnlySpan<int> answers)
    {
        if (answers.Length == 0)
        {
            return _tuples.Count == 0 ? New(answers) : 0;
        }

        var prefix = 0;
        for (var p = 0; p < answers.Length; p++)
        {
            var key = ((long)prefix << 32) | (uint)answers[p];
            if (!_prefixes[p].TryGetValue(key, out var next))
            {
                next = p == answers.Length - 1 ? New(answers) : _prefixes[p].Count;
                _prefixes[p][key] = next;
            }

            prefix = next;
        }

        return prefix;
    }

    private int New(ReadOnlySpan<int> answers)
    {
        _tuples.Add(answers.ToArray());
        _counts.Add(0);
        return _tuples.Count - 1;
    }
}
