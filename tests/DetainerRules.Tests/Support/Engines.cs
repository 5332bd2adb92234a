using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Support;

/// <summary>Compiles and runs a policy on any engine, for fixtures that run once per engine.</summary>
/// <remarks>
/// On the delegate twin every evaluation also asks each decision alone
/// (<see cref="DelegatePolicy.Decide(Scenario, DecisionKind)"/>) and all at once without a verdict
/// (<see cref="DelegatePolicy.Decide(Scenario, Decision[])"/>), and fails unless all three agree: so
/// every semantics test checks the paths bulk commands take, not only the full verdict.
/// </remarks>
internal static class Engines
{
    /// <summary>One fixture per engine: <c>[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]</c>.</summary>
    public static IEnumerable<TestFixtureData> Both() => Enum.GetValues<EngineKind>().Select(e => new TestFixtureData(e).SetArgDisplayNames(e.ToString()));

    /// <param name="resolveAuthority">Loads a policy named in <c>bound_by</c>; none by default.</param>
    public static IPolicyEvaluator Compile(EngineKind engine, Policy policy, Func<Policy, string, Policy>? resolveAuthority = null)
    {
        resolveAuthority ??= (p, id) => throw new InvalidOperationException($"{p.Id} is bound by {id}, which the test did not provide");
        return engine switch
        {
            EngineKind.RuleNetwork => PolicyCompiler.Compile(policy, resolveAuthority),
            EngineKind.CompiledNetwork => PolicyCompiler.CompileForBulk(policy, resolveAuthority),
            EngineKind.Delegates => DelegatePolicy.Compile(policy, resolveAuthority),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "no such engine"),
        };
    }

    /// <summary>What <see cref="DetainerRules.Yaml.DatedPolicies{T}"/> compiles into on an engine, each authority taken from the same map (so of the same engine).</summary>
    public static DetainerRules.Yaml.DatedPolicies<IPolicyEvaluator>.Composer Composer(EngineKind engine) => engine switch
    {
        EngineKind.RuleNetwork => (policy, resolve, composed, bookings) => PolicyCompiler.Compose(policy, resolve, a => (CompiledPolicy)composed(a), bookings),
        EngineKind.CompiledNetwork => (policy, resolve, composed, bookings) => PolicyCompiler.ComposeForBulk(policy, resolve, a => (CompiledPolicy)composed(a), bookings),
        EngineKind.Delegates => (policy, resolve, composed, bookings) => DelegatePolicy.Compose(policy, resolve, a => (DelegatePolicy)composed(a), bookings),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "no such engine"),
    };

    /// <summary>The verdict; on the delegate twin, checked against its one-decision and all-decisions paths.</summary>
    public static Verdict Evaluate(IPolicyEvaluator policy, Scenario scenario)
    {
        var verdict = policy.Evaluate(scenario);
        if (policy is DelegatePolicy fast)
        {
            var all = new Decision[Enum.GetValues<DecisionKind>().Length];
            fast.Decide(scenario, all);
            foreach (var kind in Enum.GetValues<DecisionKind>())
            {
                Assert.That(Summary(fast.Decide(scenario, kind)), Is.EqualTo(Summary(verdict[kind])), $"Decide({kind}) and Evaluate disagree on {scenario.Id}");
                Assert.That(Summary(all[(int)kind]), Is.EqualTo(Summary(verdict[kind])), $"Decide(all) and Evaluate disagree on {kind} for {scenario.Id}");
            }
        }

        return verdict;
    }

    /// <summary>What a decision says and who decided it, in a form tests compare.</summary>
    public static string Summary(Decision decision) =>
        $"{Answer.Of(decision).Text}; deciding [{string.Join(", ", decision.Deciding.Select(a => a.Rule.Id))}]; overridden [{string.Join(", ", decision.Overridden.Select(a => a.Rule.Id))}]; conflict [{string.Join(", ", decision.Conflict.Select(a => a.Rule.Id))}]; default {decision.Default is not null}";
}
