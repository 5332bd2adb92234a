using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Conditions;

/// <summary>A type-checked condition over a scenario: the closed set of things a policy can test.</summary>
/// <remarks>
/// Every node is data. Back-ends (the NRules compiler, analysis) translate it; nothing in it can
/// name a type, a method or a file, so a policy cannot run code.
/// </remarks>
public abstract record Condition(SourceSpan Span)
{
    /// <summary>The conditions directly inside this one.</summary>
    public abstract IEnumerable<Condition> Children { get; }

    /// <summary>This condition and every condition inside it, depth first.</summary>
    public IEnumerable<Condition> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.DescendantsAndSelf())
            {
                yield return d;
            }
        }
    }
}
