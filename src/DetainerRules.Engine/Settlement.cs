using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;

namespace DetainerRules.Engine;

/// <summary>How one decision of one policy is settled, worked out ahead for every set of its rules that can fire.</summary>
/// <remarks>
/// A decision's answer depends only on which of the rules that set it fired. With up to
/// <see cref="MaxTabulated"/> such rules, every combination is resolved once, by the same
/// <see cref="DecisionResolver"/> the rule network uses, and looked up by a bit mask; decisions are
/// immutable, so the resolved ones are shared. Beyond that, each evaluation resolves its own. The
/// fired set is <see cref="Words"/> 64-bit words, so a decision may have any number of rules.
/// </remarks>
internal sealed class Settlement
{
    public const int MaxTabulated = 12;

    private readonly Assertion[] _claims;
    private readonly Decision[]? _byMask;
    private readonly DecisionKind _kind;
    private readonly DefaultDecision _fallback;

    /// <param name="writers">The rules that set the decision, in the order their bits are numbered.</param>
    public Settlement(DecisionKind kind, IReadOnlyList<PolicyRule> writers, DefaultDecision fallback)
    {
        _kind = kind;
        _fallback = fallback;
        _claims = [.. writers.Select(r => new Assertion(r, r.Then.First(e => e.Decision == kind)))];
        if (_claims.Length <= MaxTabulated)
        {
            _byMask = new Decision[1 << _claims.Length];
            for (var mask = 0; mask < _byMask.Length; mask++)
            {
                _byMask[mask] = Resolve([(ulong)mask]);
            }
        }
    }

    /// <summary>How many 64-bit words hold the fired set: one bit per rule, rule i at bit i % 64 of word i / 64.</summary>
    public int Words => Math.Max(1, (_claims.Length + 63) / 64);

    /// <param name="fired">The fired set, <see cref="Words"/> words long.</param>
    public Decision Settle(ReadOnlySpan<ulong> fired) => _byMask is { } table ? table[fired[0]] : Resolve(fired);

    private Decision Resolve(ReadOnlySpan<ulong> fired)
    {
        var claims = new List<Assertion>();
        for (var i = 0; i < _claims.Length; i++)
        {
            if ((fired[i >> 6] & (1UL << (i & 63))) != 0)
            {
                claims.Add(_claims[i]);
            }
        }

        return DecisionResolver.Resolve(_kind, claims, _fallback);
    }
}
