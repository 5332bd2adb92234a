using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>
/// <see cref="RuleStrata"/> on rules written for the test: the layer of each rule and decision, the
/// cone of a decision, and the cycle it names (its path, in the order the rules are listed).
/// </summary>
[TestFixture]
public class RuleStrataTests
{
    private const DecisionKind Notify = DecisionKind.NotifyIce;
    private const DecisionKind Transfer = DecisionKind.TransferToIce;
    private const DecisionKind Access = DecisionKind.IceJailAccess;
    private const DecisionKind Ask = DecisionKind.AskImmigrationStatus;

    private static Condition Reads(params DecisionKind[] decisions) =>
        decisions.Length == 0
            ? new Constant(true, SourceSpan.None)
            : new AllOf([.. decisions.Select(d => new DecisionTest(d, [Modality.Required], false, SourceSpan.None))], SourceSpan.None);

    private static PolicyRule Rule(string id, DecisionKind[] reads, params DecisionKind[] sets) =>
        new(id, Reads(reads), "test", [.. sets.Select(d => DecisionEffect.Of(d, Modality.Required))], 0, id, [], SourceSpan.None);

    private static string Of(PolicyRule rule) => "rule " + rule.Id;

    private static string Of(DecisionKind decision) => "decision " + Vocabulary.Word(decision);

    [Test]
    public void Compute_ARuleSettingTwoDecisions_SettlesBothAfterIt()
    {
        var both = Rule("both", [], Notify, Transfer);
        var reader = Rule("reader", [Transfer], Access);

        var strata = RuleStrata.Compute([both, reader]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(strata.LevelOf(both), Is.Zero);
            Assert.That(strata.LevelOf(Notify), Is.EqualTo(1));
            Assert.That(strata.LevelOf(Transfer), Is.EqualTo(1));
            Assert.That(strata.LevelOf(reader), Is.EqualTo(2), "after the decision it reads");
            Assert.That(strata.LevelOf(Access), Is.EqualTo(3));
            Assert.That(strata.LevelOf(Ask), Is.Zero, "a decision no rule sets");
            Assert.That(strata.Cycle, Is.Empty);
        }
    }

    [Test]
    public void Compute_ReadsDecisionsOfDifferentLayers_RunsAfterTheLatest()
    {
        // chain: first sets notify (1); second reads notify and sets transfer (3); last reads both.
        var first = Rule("first", [], Notify);
        var second = Rule("second", [Notify], Transfer);
        var last = Rule("last", [Notify, Transfer], Access);

        var strata = RuleStrata.Compute([last, second, first]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(strata.LevelOf(second), Is.EqualTo(2));
            Assert.That(strata.LevelOf(last), Is.EqualTo(4), "after transfer (3), not only after notify (1)");
        }
    }

    [Test]
    public void Compute_DecisionSetInTwoLayers_SettledAfterTheLaterWriter()
    {
        var early = Rule("early", [], Notify, Transfer);
        var late = Rule("late", [Notify], Transfer);

        var strata = RuleStrata.Compute([early, late]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(strata.LevelOf(late), Is.EqualTo(2));
            Assert.That(strata.LevelOf(Transfer), Is.EqualTo(3), "after its later writer, not its earlier one");
        }
    }

    [Test]
    public void Compute_ARuleReadingWhatItSets_NamesTheCycleFromTheRule()
    {
        var loop = Rule("loop", [Notify], Notify);

        var strata = RuleStrata.Compute([loop]);

        Assert.That(strata.Cycle, Is.EqualTo(new[] { Of(loop), Of(Notify), Of(loop) }));
    }

    [Test]
    public void Compute_CycleAfterOtherWork_NamesOnlyTheCycle()
    {
        // "done" is finished before the loop is found; "loop" reads transfer (settled by "side") before notify.
        var done = Rule("done", [], Access);
        var side = Rule("side", [], Transfer);
        var loop = Rule("loop", [Transfer, Notify], Notify);

        var strata = RuleStrata.Compute([done, loop, side]);

        Assert.That(strata.Cycle, Is.EqualTo(new[] { Of(loop), Of(Notify), Of(loop) }));
    }

    [Test]
    public void Compute_CycleReachedThroughAnotherRule_NamesTheCycleFromTheDecision()
    {
        // "outside" reads notify and is not in the cycle; the cycle is notify -> loop -> notify.
        var outside = Rule("outside", [Notify], Access);
        var loop = Rule("loop", [Notify], Notify);

        var strata = RuleStrata.Compute([outside, loop]);

        Assert.That(strata.Cycle, Is.EqualTo(new[] { Of(Notify), Of(loop), Of(Notify) }));
    }

    [Test]
    public void Cone_ARuleSettingTwoDecisions_InTheConeOfEither()
    {
        var both = Rule("both", [Ask], Notify, Transfer);
        var asker = Rule("asker", [], Ask);
        var other = Rule("other", [], Access);

        var cone = RuleStrata.Cone([other, both, asker], [Transfer]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cone.Rules.Select(r => r.Id), Is.EqualTo(new[] { "asker", "both" }), "by id, and only what can change transfer");
            Assert.That(cone.Decisions, Is.EquivalentTo(new[] { Transfer, Ask }));
            Assert.That(Enum.GetValues<DecisionKind>().Where(cone.Involves), Is.EquivalentTo(new[] { Transfer, Ask }));
        }
    }
}
