using DetainerRules.Model.Decisions;

namespace DetainerRules.Model.Policies;

/// <summary>The rules that can change some decisions (those that set them and, transitively, those that set what they read), and every decision involved.</summary>
/// <remarks>
/// The decisions are an <see cref="IndexSet"/>, not a framework set: the framework's sets, queues and queries over an enum
/// are compiled when the program first runs them (no ahead-of-time image can hold them), and every plan builds a cone for
/// each decision.
/// </remarks>
public sealed class DecisionCone
{
    private readonly IndexSet _involves;

    internal DecisionCone(IReadOnlyList<PolicyRule> rules, IndexSet involves, IReadOnlyList<DecisionKind> decisions)
    {
        Rules = rules;
        _involves = involves;
        Decisions = decisions;
    }

    /// <summary>The rules, in id order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>The decisions asked about and those the rules read, each once, in the order of the decisions.</summary>
    public IReadOnlyList<DecisionKind> Decisions { get; }

    /// <summary>Whether <paramref name="decision"/> is one of <see cref="Decisions"/>.</summary>
    public bool Involves(DecisionKind decision) => _involves.Contains((int)decision);
}
