using DetainerRules.Analysis.Expectations;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Expectations;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// What <c>detainer test</c> reports for a case (<see cref="ExpectationRunner"/>), on a policy written
/// for the test: a case that passes, each kind of mismatch with what decided the actual answer, and
/// cases that cannot be run.
/// </summary>
[TestFixture]
public class ExpectationRunnerTests
{
    // Booked 09:30, eligible for release at 18:00 on Friday 17 January 2025 (Pacific): a 48-hour clock ends Sunday 18:00.
    private static readonly DateTimeOffset HoldEnds = new(2025, 1, 19, 18, 0, 0, TimeSpan.FromHours(-8));

    private static readonly DelegatePolicy Policy = DelegatePolicy.Compile(TestPolicies.Load("""
          - id: notify
            when: any charge(level = felony)
            then: { notify_ice: { value: required, at: [booking, release] } }
            because: b
            cite: src
          - id: hold
            when: detainer.form = I-247A
            then: { delay_release: { value: required, limit: clock48 } }
            because: b
            cite: src
          - id: jail-yes
            when: true
            then: { ice_jail_access: permitted }
            because: b
            cite: src
          - id: jail-no
            when: true
            then: { ice_jail_access: forbidden }
            because: b
            cite: src
          - id: share-a
            when: true
            then: { share_criminal_intelligence: forbidden }
            because: b
            cite: src
          - id: share-b
            when: true
            then: { share_criminal_intelligence: forbidden }
            because: b
            cite: src
        """), (_, a) => throw new InvalidOperationException(a));

    private static readonly Scenario Booking = TestScenarios.Arrest(extra: "detainer: { form: I-247A, warrant: administrative }");

    private static Verdict Verdict => Policy.Evaluate(Booking);

    private static ExpectationCase Case(Outcome? outcome, params ExpectedDecision[] decisions) =>
        new("booking", "because", decisions, outcome, new SourceSpan("cases.yaml", 4, 5));

    private static ExpectedDecision Expect(DecisionKind kind, Modality value, NotificationPoint[]? at = null) => new(kind, value, at, null, false);

    [Test]
    public void Compare_EverythingStatedAgrees_NoMismatch()
    {
        var expected = Case(
            Verdict.Outcome.Value,
            Expect(DecisionKind.NotifyIce, Modality.Required, [NotificationPoint.Booking, NotificationPoint.Release]),
            new ExpectedDecision(DecisionKind.DelayRelease, Modality.Required, null, HoldEnds, true),
            Expect(DecisionKind.TransferToIce, Modality.Unknown),
            Expect(DecisionKind.IceJailAccess, Modality.Unknown),
            Expect(DecisionKind.ShareCriminalIntelligence, Modality.Forbidden));

        Assert.That(ExpectationRunner.Compare(expected, Verdict), Is.Empty);
    }

    [Test]
    public void Compare_NotificationPointsAndHoldEndNotStated_NotChecked()
    {
        var expected = Case(
            null,
            Expect(DecisionKind.NotifyIce, Modality.Required),
            new ExpectedDecision(DecisionKind.DelayRelease, Modality.Required, null, HoldEnds.AddHours(-1), false));

        Assert.That(ExpectationRunner.Compare(expected, Verdict), Is.Empty);
    }

    [Test]
    public void Compare_OtherValue_TheRuleThatDecided()
    {
        var mismatches = ExpectationRunner.Compare(Case(null, Expect(DecisionKind.NotifyIce, Modality.Forbidden)), Verdict);

        Assert.That(mismatches, Is.EqualTo(new[] { new Mismatch("notify_ice", "forbidden", "required (booking, release)", "rule notify") }));
    }

    [Test]
    public void Compare_OtherNotificationPoints_AtMismatchOnly()
    {
        var mismatches = ExpectationRunner.Compare(Case(null, Expect(DecisionKind.NotifyIce, Modality.Required, [NotificationPoint.Booking])), Verdict);

        Assert.That(mismatches, Is.EqualTo(new[] { new Mismatch("notify_ice.at", "[booking]", "[booking, release]", "rule notify") }));
    }

    [Test]
    public void Compare_OtherHoldEnd_TimesInTheirOffsets()
    {
        var expected = Case(null, new ExpectedDecision(DecisionKind.DelayRelease, Modality.Required, null, HoldEnds.AddHours(-1), true));

        Assert.That(ExpectationRunner.Compare(expected, Verdict), Is.EqualTo(new[]
        {
            new Mismatch("delay_release.hold_until", "2025-01-19T17:00:00-08:00", "2025-01-19T18:00:00-08:00", "rule hold"),
        }));
    }

    [Test]
    public void Compare_NoHoldExpected_None()
    {
        var expected = Case(null, new ExpectedDecision(DecisionKind.DelayRelease, Modality.Required, null, null, true));

        Assert.That(ExpectationRunner.Compare(expected, Verdict).Single(), Is.EqualTo(new Mismatch("delay_release.hold_until", "none", "2025-01-19T18:00:00-08:00", "rule hold")));
    }

    [Test]
    public void Compare_HoldExpectedWhereNone_None()
    {
        var released = Policy.Evaluate(TestScenarios.Arrest());
        var expected = Case(null, new ExpectedDecision(DecisionKind.DelayRelease, Modality.Unknown, null, HoldEnds, true));

        Assert.That(ExpectationRunner.Compare(expected, released).Single(), Is.EqualTo(new Mismatch("delay_release.hold_until", "2025-01-19T18:00:00-08:00", "none", "the default")));
    }

    [Test]
    public void Compare_DecidedByTheDefault_SaysSo()
    {
        var mismatches = ExpectationRunner.Compare(Case(null, Expect(DecisionKind.TransferToIce, Modality.Permitted)), Verdict);

        Assert.That(mismatches, Is.EqualTo(new[] { new Mismatch("transfer_to_ice", "permitted", "unknown", "the default") }));
    }

    [Test]
    public void Compare_RulesConflict_NamesThem()
    {
        var mismatch = ExpectationRunner.Compare(Case(null, Expect(DecisionKind.IceJailAccess, Modality.Permitted)), Verdict).Single();

        Assert.That(mismatch.What, Is.EqualTo("ice_jail_access"));
        Assert.That(mismatch.Actual, Is.EqualTo("unknown (rules conflict)"));
        Assert.That(mismatch.Why, Is.EqualTo("rules " + string.Join(", ", Verdict[DecisionKind.IceJailAccess].Conflict.Select(a => a.Rule.Id)) + " conflict"));
        Assert.That(mismatch.Why, Does.Match("^rules jail-(yes|no), jail-(yes|no) conflict$"));
    }

    [Test]
    public void Compare_SeveralRulesAgree_NamesEach()
    {
        var mismatch = ExpectationRunner.Compare(Case(null, Expect(DecisionKind.ShareCriminalIntelligence, Modality.Permitted)), Verdict).Single();

        Assert.That(mismatch, Is.EqualTo(new Mismatch("share_criminal_intelligence", "permitted", "forbidden", "rule share-a, share-b")));
    }

    [Test]
    public void Compare_OtherOutcome_TheOutcomesReason()
    {
        var other = Enum.GetValues<Outcome>().First(o => o != Verdict.Outcome.Value);

        var mismatches = ExpectationRunner.Compare(Case(other), Verdict);

        Assert.That(mismatches, Is.EqualTo(new[]
        {
            new Mismatch("outcome", Model.Vocabulary.Word(other), Model.Vocabulary.Word(Verdict.Outcome.Value), Verdict.Outcome.Reason),
        }));
    }

    [Test]
    public void Compare_SeveralMismatches_InTheOrderStated()
    {
        var expected = Case(
            null,
            Expect(DecisionKind.TransferToIce, Modality.Permitted),
            new ExpectedDecision(DecisionKind.NotifyIce, Modality.Forbidden, [NotificationPoint.Booking], null, false));

        Assert.That(ExpectationRunner.Compare(expected, Verdict).Select(m => m.What), Is.EqualTo(new[] { "transfer_to_ice", "notify_ice", "notify_ice.at" }));
    }

    [Test]
    public void Run_InlineScenario_NoLookup()
    {
        var c = Case(null, Expect(DecisionKind.NotifyIce, Modality.Forbidden)) with { Inline = Booking };
        Scenario? given = null;

        var result = ExpectationRunner.Run(
            [new ExpectationFile("test-policy", [c], "cases.yaml")],
            (_, s) => { given = s; return Policy; },
            (_, _) => throw new InvalidOperationException("an inline case is not looked up"),
            ExpectationRunner.Failure).Single();

        Assert.That(given, Is.SameAs(Booking));
        Assert.That(result.File, Is.EqualTo("cases.yaml"));
        Assert.That(result.Case, Is.SameAs(c));
        Assert.That(result.Verdict!.Scenario, Is.SameAs(Booking));
        Assert.That(result.Mismatches.Select(m => m.What), Is.EqualTo(new[] { "notify_ice" }));
        Assert.That(result.Error, Is.Null);
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void Run_CasesOfEveryFile_InOrder()
    {
        var pass = Case(null, Expect(DecisionKind.NotifyIce, Modality.Required)) with { ScenarioId = "one" };
        var fail = Case(null, Expect(DecisionKind.NotifyIce, Modality.Forbidden)) with { ScenarioId = "two" };
        var third = pass with { ScenarioId = "three" };
        var asked = new List<(string, string)>();

        var results = ExpectationRunner.Run(
            [new ExpectationFile(null, [pass, fail], "a.yaml"), new ExpectationFile(null, [third], "b.yaml")],
            (_, _) => Policy,
            (f, c) => { asked.Add((f.Path, c.ScenarioId)); return Booking; },
            ExpectationRunner.Failure);

        Assert.That(asked, Is.EqualTo(new[] { ("a.yaml", "one"), ("a.yaml", "two"), ("b.yaml", "three") }));
        Assert.That(results.Select(r => (r.File, r.Case.ScenarioId, r.Passed)), Is.EqualTo(new[] { ("a.yaml", "one", true), ("a.yaml", "two", false), ("b.yaml", "three", true) }));
    }

    [Test]
    public void Run_LookupFails_TheCaseCarriesTheMessage()
    {
        var c = Case(null, Expect(DecisionKind.NotifyIce, Modality.Required));
        var problem = Diagnostic.Error(new SourceSpan("p.yaml", 2, 3), DiagnosticCodes.Reference, "id", "no policy `missing`");

        var results = ExpectationRunner.Run(
            [new ExpectationFile("missing", [c, c], "cases.yaml")],
            (_, _) => throw new InvalidInputException([problem]),
            (_, _) => Booking,
            ExpectationRunner.Failure);

        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[0].Error, Is.EqualTo(problem.ToString()));
        Assert.That(results[0].Verdict, Is.Null);
        Assert.That(results[0].Mismatches, Is.Empty);
        Assert.That(results[0].Passed, Is.False);
    }

    [Test]
    public void Run_ABug_NotTurnedIntoAResult()
    {
        var c = Case(null, Expect(DecisionKind.NotifyIce, Modality.Required));

        Assert.Throws<InvalidOperationException>(() => ExpectationRunner.Run(
            [new ExpectationFile(null, [c], "cases.yaml")],
            (_, _) => Policy,
            (_, _) => throw new InvalidOperationException("a bug"),
            ExpectationRunner.Failure));
    }

    [Test]
    public void Failure_LoaderDiagnostics_JoinedInTheirWords()
    {
        var first = Diagnostic.Error(new SourceSpan("a.yaml", 1, 2), DiagnosticCodes.Field, "x", "first");
        var second = Diagnostic.Error(new SourceSpan("b.yaml", 3, 4), DiagnosticCodes.Field, "y", "second");

        Assert.That(ExpectationRunner.Failure(new InvalidInputException([first, second])), Is.EqualTo($"{first}; {second}"));
        Assert.That(ExpectationRunner.Failure(new InvalidInputException("no such scenario `x`")), Is.EqualTo("no such scenario `x`"));
        Assert.That(ExpectationRunner.Failure(new EvaluationException("cannot compile", null)), Is.EqualTo("cannot compile"));
        Assert.That(ExpectationRunner.Failure(new InvalidOperationException("a bug")), Is.Null);
    }
}
