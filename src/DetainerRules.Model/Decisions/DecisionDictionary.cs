using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DetainerRules.Model.Decisions;

/// <summary>Something for some or all of the decisions (a policy's defaults, the layer whose answer is in force), looked up by the decision, listed in the decisions' order.</summary>
/// <remarks>
/// The decisions given a value are an <see cref="IndexSet"/> and the values sit at their decisions' places in it, not in a
/// dictionary: the framework's dictionaries keyed by an enum of this project are compiled when the program first runs
/// them (no ahead-of-time image can hold them), and every policy loaded and every verdict built one at a cold start.
/// </remarks>
public sealed class DecisionDictionary<T> : IReadOnlyDictionary<DecisionKind, T>
    where T : class
{
    private static readonly DecisionKind[] Kinds = Enum.GetValues<DecisionKind>();

    private readonly IndexSet _keys = new(Kinds.Length);

    /// <summary>Each value at its decision's place in <see cref="_keys"/>; the first <see cref="Count"/> are used.</summary>
    private readonly T[] _values = new T[Kinds.Length];

    /// <param name="valueOf">The value for each decision; null for a decision the dictionary leaves out.</param>
    public DecisionDictionary(Func<DecisionKind, T?> valueOf)
    {
        // Added in the decisions' order, so a decision's place is also its place in that order.
        foreach (var kind in Kinds)
        {
            if (valueOf(kind) is { } value)
            {
                _values[_keys.Count] = value;
                _keys.Add((int)kind);
            }
        }
    }

    /// <summary>How many decisions the dictionary has a value for.</summary>
    public int Count => _keys.Count;

    /// <summary>The decisions the dictionary has a value for, in the decisions' order.</summary>
    public IEnumerable<DecisionKind> Keys => this.Select(e => e.Key);

    /// <summary>The values, in the order of their decisions.</summary>
    public IEnumerable<T> Values => this.Select(e => e.Value);

    /// <exception cref="KeyNotFoundException">The dictionary has no value for <paramref name="key"/>.</exception>
    public T this[DecisionKind key] => GetValueOrDefault(key) ?? throw new KeyNotFoundException($"no value for the decision {key}");

    public bool ContainsKey(DecisionKind key) => _keys.Contains((int)key);

    public bool TryGetValue(DecisionKind key, [MaybeNullWhen(false)] out T value)
    {
        value = GetValueOrDefault(key);
        return value is not null;
    }

    /// <summary>The value for <paramref name="key"/>, or null when the dictionary has none.</summary>
    public T? GetValueOrDefault(DecisionKind key) => _keys.PlaceOf((int)key) is var place and >= 0 ? _values[place] : null;

    public IEnumerator<KeyValuePair<DecisionKind, T>> GetEnumerator()
    {
        for (var place = 0; place < _keys.Count; place++)
        {
            yield return new(Kinds[_keys.AddedAt(place)], _values[place]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
