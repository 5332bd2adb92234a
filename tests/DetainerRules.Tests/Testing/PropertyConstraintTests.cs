using DetainerRules.Model.Decisions;
using DetainerRules.Testing;
using DetainerRules.Tests.Support;
using NUnit.Framework.Constraints;
using NUnit.Framework.Internal;

namespace DetainerRules.Tests.Testing;

/// <summary>The NUnit constraints themselves: they fail when the property is false, and say why with a counter-example.</summary>
[TestFixture]
public class PropertyConstraintTests
{
    private static PolicyUnderTest NotifiesFelonies => Policies.Parse(Support.TestPolicies.Yaml("""
          - id: notify-felony
            when: any charge(level = felony)
            then:
              notify_ice: { value: required, at: [booking] }
            because: felonies are reported
            cite: src
        """));

    private static (bool Success, string Message) Apply(Constraint constraint, object actual)
    {
        var result = constraint.ApplyTo(actual);
        var writer = new TextMessageWriter();
        result.WriteMessageTo(writer);
        return (result.IsSuccess, writer.ToString());
    }

    [Test]
    public void Never_PolicyThatDoesSoSomewhere_FailsWithACounterExampleScenario()
    {
        var (success, message) = Apply(Never.Requires(DecisionKind.NotifyIce), NotifiesFelonies);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("Expected: never requires notify_ice, over the whole space"));
            Assert.That(message, Does.Contain("But was:  test-policy answers required (booking) in 1 of 2 cases, e.g."));
            Assert.That(message, Does.Contain("case: a felony charge"));
            Assert.That(message, Does.Contain("\"level\": \"felony\""), "the counter-example scenario is printed, ready to run");
        }
    }

    [Test]
    public void Always_PolicyThatDoesNotEverywhere_FailsAndShowsAMiss()
    {
        var (success, message) = Apply(Always.Requires(DecisionKind.NotifyIce), NotifiesFelonies);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("answers otherwise in 1 of 2 cases, e.g. unknown in"));
            Assert.That(message, Does.Contain("case: a misdemeanor, gross misdemeanor or infraction charge"));
        }
    }

    [Test]
    public void Over_NarrowedSpace_PropertyFalseElsewhereHoldsThere()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Apply(Always.Requires(DecisionKind.NotifyIce).Over(Space.Where("charge.level=felony")), NotifiesFelonies).Success, Is.True);
            Assert.That(Apply(Never.Requires(DecisionKind.NotifyIce).Over(Space.Where("charge.level!=felony")), NotifiesFelonies).Success, Is.True);
        }
    }

    [Test]
    public void Sometimes_PolicyThatNeverDoes_FailsAndSaysSo()
    {
        var (success, message) = Apply(Sometimes.Forbids(DecisionKind.NotifyIce), NotifiesFelonies);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("test-policy never does, in any of 2 cases"));
        }
    }

    [Test]
    public void Agree_PoliciesThatDiffer_FailsWithTheRegionAndAnExample()
    {
        var (success, message) = Apply(Answers.Agree, Policies.Compare(Fixtures.Policy("notice-2020"), Fixtures.Policy("notice-2023")).On(DecisionKind.NotifyIce));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("notice-2020 says unknown where notice-2023 says required (booking, release), in 3 of 12 cases"));
            Assert.That(message, Does.Contain("for instance: born abroad; a charge of domestic violence or DUI"));
            Assert.That(message, Does.Contain("\"foreign_born\": true"));
            Assert.That(message, Does.Contain("No day is known on which all the compared policies were in force: examples are booked on 2025-03-12, when notice-2020 was not."), "notice-2020 ends in 2022, notice-2023 begins in 2023");
        }
    }

    [Test]
    public void Agree_OverNarrowedDetainers_CounterExampleIsDescribedAsTheDetainerItHas()
    {
        var comparison = Policies.Compare(Fixtures.Policy("notice-2020"), Fixtures.Policy("notice-2023")).On(DecisionKind.DelayRelease).Over(Space.Where("detainer.warrant!=judicial"));

        var (success, message) = Apply(Answers.Agree, comparison);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("for instance: a detainer with an administrative warrant"));
            Assert.That(message, Does.Contain("case: a detainer with an administrative warrant"));
            Assert.That(message, Does.Not.Contain("no detainer"));
            Assert.That(message, Does.Contain("\"warrant\": \"administrative\""));
        }
    }

    [Test]
    public void Differ_PolicyAgainstItself_Fails()
    {
        var (success, message) = Apply(Answers.Differ, Policies.Compare(Fixtures.Policy("notice-2023"), Fixtures.Policy("notice-2023")).On(DecisionKind.DelayRelease));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("give the same answer in all"));
        }
    }

    [Test]
    public void RequiredInSubset_TheWrongWayRound_Fails()
    {
        var (success, message) = Apply(Answers.RequiredInSubset, Policies.Compare(Fixtures.Policy("wider"), Fixtures.Policy("notice-2023")).On(DecisionKind.NotifyIce));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success, Is.False);
            Assert.That(message, Does.Contain("wider says required (booking, release) where notice-2023 says unknown"));
        }
    }

    [Test]
    public void RequiredInSubset_TheRightWayRound_Holds() =>
        Assert.That(Apply(Answers.RequiredInSubset, Policies.Compare(Fixtures.Policy("notice-2023"), Fixtures.Policy("wider")).On(DecisionKind.NotifyIce)).Success, Is.True);

    [Test]
    public void Apply_WrongKindOfActualValue_SaysWhatItExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => Never.Requires(DecisionKind.NotifyIce).ApplyTo("chicago"));
        Assert.That(error.Message, Does.Contain("expected a policy from Policies.Load"));
    }
}
