using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DetainerRules.Model.Decisions;

/// <summary>Something for some or all of the decisions (a policy's defaults, the layer whose answer is in force), looked up by the decision, listed in the decisions' order.</summary>
/// <remarks>
/// Held in an array indexed by the decision, not in a dictionary: the framework's dictionaries keyed by an enum of this
/// project are compiled when the program first runs them (no ahead-of-time image can hold them), and every policy
/// loaded and every verdict built one at a cold start.
/// </remarks>
public sealed class DecisionDictionary<T> : IReadOnlyDictionary<DecisionKind, T>
    where T : class
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();

    private readonly T?[] _byKind;

    /// <param name="valueOf">The value for each decision; null for a decision the dictionary leaves out.</param>
    public DecisionDictionary(Func<DecisionKind, T?> valueOf)
    {
        _byKind = new T?[Kinds.Length];
        foreach (var kind in Kinds)
        {
            if (valueOf(kind) is { } value)
            {
                _byKind[(int)kind] = value;
                Count++;
            }
        }
    }

    /// <summary>How many decisions the dictionary has a value for.</summary>
    public int Count { get; }

    /// <summary>The decisions the dictionary has a value for, in the decisions' order.</summary>
    public IEnumerable<DecisionKind> Keys => this.Select(e => e.Key);

    /// <summary>The values, in the order of their decisions.</summary>
    public IEnumerable<T> Values => this.Select(e => e.Value);

    /// <exception cref="KeyNotFoundException">The dictionary has no value for <paramref name="key"/>.</exception>
    public T this[DecisionKind key] => _byKind[(int)key] ?? throw new KeyNotFoundException($"no value for the decision {key}");

    public bool ContainsKey(DecisionKind key) => _byKind[(int)key] is not null;

    public bool TryGetValue(DecisionKind key, [MaybeNullWhen(false)] out T value)
    {
        value = _byKind[(int)key];
        return value is not null;
    }

    /// <summary>The value for <paramref name="key"/>, or null when the dictionary has none.</summary>
    public T? GetValueOrDefault(DecisionKind key) => _byKind[(int)key];

    public IEnumerator<KeyValuePair<DecisionKind, T>> GetEnumerator()
    {
        foreach (var kind in Kinds)
        {
            if (_byKind[(int)kind] is { } value)
            {
                yield return new(kind, value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
