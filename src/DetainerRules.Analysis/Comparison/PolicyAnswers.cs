using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;

namespace DetainerRules.Analysis.Comparison;

/// <summary>Each compared policy's answers on its own classes (<see cref="OwnAnswers"/>) over one space, asked once per subject however many comparisons of the run read them.</summary>
/// <remarks>
/// <para>
/// A summary compares the policies, then each bound policy's layers: its own rules, each authority and
/// the policy in force, which is the very object compared first. Its answers, and its own space, are
/// the same in both, so they are asked once: the catalog's largest own spaces (<c>california</c> under
/// <c>los-angeles-county</c> and <c>stockton</c>) run to 115,000 points a subject.
/// </para>
/// <para>
/// Keyed by the policy object itself, never by its id, label or contents: two objects never share
/// answers, even when they are the same file compiled twice (the cost is asking it twice), so no two
/// different policies can. Safe to use from many threads: each policy and subject is asked once, the
/// others wait for it.
/// </para>
/// </remarks>
public sealed class PolicyAnswers
{
    private readonly ConcurrentDictionary<IPolicyEvaluator, Lazy<ScenarioSpace>> _own = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Asked, Lazy<OwnAnswers>> _answers = new();

    /// <param name="space">The space every comparison of the run is over.</param>
    public PolicyAnswers(ScenarioSpace space) => Space = space;

    public ScenarioSpace Space { get; }

    /// <summary>The policy's answers to the subject on its own classes.</summary>
    /// <exception cref="EvaluationException">The policy failed on a scenario.</exception>
    internal OwnAnswers Of(IPolicyEvaluator policy, Subject subject) =>
        _answers.GetOrAdd(new Asked(policy, subject), key => new Lazy<OwnAnswers>(() => OwnAnswers.Of(key.Policy, key.Subject, Space, OwnSpace(key.Policy)))).Value;

    /// <summary>The space built for the policy alone, with the run's subjects, filter and booking day: its classes are the ones it is asked on.</summary>
    private ScenarioSpace OwnSpace(IPolicyEvaluator policy) =>
        _own.GetOrAdd(policy, p => new Lazy<ScenarioSpace>(() => ScenarioSpace.For([p], Space.Subjects, Space.Filter, Space.Booking.Day))).Value;

    /// <summary>A policy object and a subject: equal only for the same object, whatever the object's own idea of equality.</summary>
    private readonly record struct Asked(IPolicyEvaluator Policy, Subject Subject)
    {
        public bool Equals(Asked other) => ReferenceEquals(Policy, other.Policy) && Subject == other.Subject;

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Policy), Subject);
    }
}
