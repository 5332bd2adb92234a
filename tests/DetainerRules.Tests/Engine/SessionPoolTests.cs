using System.Linq.Expressions;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace DetainerRules.Tests.Engine;

/// <summary>
/// The rule network uses its sessions again: each evaluation must leave its session as it found it
/// (empty), a session whose evaluation failed must not be used again, and sessions must never be
/// shared by two evaluations at once. A stale fact would change a later answer, so every check is
/// against a network that never used a session before.
/// </summary>
[TestFixture]
public class SessionPoolTests
{
    // Reads a decision, so settled decisions become facts of the session, and truth maintenance must take them away.
    private const string Chain = """
          - id: writer
            when: any charge(level = felony)
            then: { notify_ice: { value: required, at: [release] } }
            because: felonies are reported
            cite: src
          - id: reader
            when: decision.notify_ice = required and detainer
            then: { transfer_to_ice: permitted }
            because: notified people may be handed over
            cite: src
          - id: negative-reader
            when: decision.notify_ice != required
            then: { transfer_to_ice: forbidden }
            because: others are not handed over
            cite: src
        """;

    private static readonly Scenario[] Bookings =
    [
        TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: none }"),
        TestScenarios.Arrest(level: "misdemeanor"),
        TestScenarios.Arrest(),
        TestScenarios.Arrest(level: "misdemeanor", extra: "detainer: { form: I-247A, warrant: none }"),
    ];

    [Test]
    public void Evaluate_OneAfterAnother_EachAnswersAsOnANetworkNeverUsed()
    {
        var used = TestPolicies.Compile(Chain);
        var answers = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            answers.AddRange(Bookings.Select(b => JsonReport.ToJson(used.Evaluate(b))));
        }

        var fresh = Bookings.Select(b => JsonReport.ToJson(TestPolicies.Compile(Chain).Evaluate(b))).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers, Is.EqualTo(fresh.Concat(fresh).Concat(fresh)));
            Assert.That(fresh.Distinct().Count(), Is.EqualTo(Bookings.Length), "the bookings must answer differently, or a stale answer could not show");
            Assert.That(used.Idle, Has.Count.EqualTo(1), "one evaluation at a time needs one session");
            Assert.That(used.Idle.Single().Query<object>(), Is.Empty, "what the last evaluation inserted, and what followed from it, is gone");
        }
    }

    [Test]
    public void Evaluate_ManyThreadsAtOnce_EachAnswersAsAlone()
    {
        var policy = TestPolicies.Compile(Chain);
        var expected = Bookings.Select(b => JsonReport.ToJson(TestPolicies.Compile(Chain).Evaluate(b))).ToList();
        var answers = new string[4000];

        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => answers[i] = JsonReport.ToJson(policy.Evaluate(Bookings[i % Bookings.Length])));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select((a, i) => a == expected[i % Bookings.Length]), Is.All.True);
            Assert.That(policy.Idle, Has.Count.InRange(1, 8));
            Assert.That(policy.Idle.SelectMany(s => s.Query<object>()), Is.Empty);
        }
    }

    [Test]
    public void Evaluate_AfterAFailedEvaluation_ItsSessionIsDroppedAndTheNextAnswers()
    {
        var policy = Network(Rule("decide", ledger => Decide(ledger)));
        var good = TestScenarios.Arrest();
        var bad = TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            person: { foreign_born: true, citizenship: noncitizen }
            charges:
              - { offense: test, level: felony, category: robbery }
            """, "bad");

        var first = JsonReport.ToJson(policy.Evaluate(good));
        Assert.That(policy.Idle, Has.Count.EqualTo(1));
        Assert.Throws<EvaluationException>(() => policy.Evaluate(bad));
        Assert.That(policy.Idle, Is.Empty, "the session the failed evaluation took still holds its facts: it is dropped");
        Assert.That(JsonReport.ToJson(policy.Evaluate(good)), Is.EqualTo(first));
    }

    private static readonly Policy Fixture = TestPolicies.Compile("""
          - id: notice
            when: person.foreign_born
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
        """).Policy;

    /// <summary>Settles every decision at its default, but breaks on the scenario called `bad`, after it has claimed the network's attention.</summary>
    private static void Decide(Ledger ledger)
    {
        if (ledger.Scenario.Id == "bad")
        {
            throw new InvalidOperationException("the action broke");
        }

        foreach (var kind in Enum.GetValues<DecisionKind>())
        {
            ledger.Settle(kind, Fixture.Defaults[kind]);
        }
    }

    private static CompiledPolicy Network(IRuleDefinition definition) =>
        new(EvaluationPlan.For(Fixture), new RuleCompiler().Compile([definition]), 1, []);

    private static IRuleDefinition Rule(string name, Expression<Action<Ledger>> body)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        var ledger = builder.LeftHandSide().Pattern(typeof(Ledger), "ledger").Declaration.ToParameterExpression();
        var context = Expression.Parameter(typeof(IContext), "context");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Invoke(body, ledger), context, ledger), ActionTrigger.Activated);
        return builder.Build();
    }
}
