using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>A rule stands at the level of the weakest citation it rests on; context does not count.</summary>
[TestFixture]
public class SupportTests
{
    private static readonly Source Statute = new("statute", "A statute", null, null);

    private static Citation Cite(Verification verified, CitationRole role = CitationRole.Basis) => new(Statute, "s. 1", "words", verified, Role: role);

    [TestCase(new[] { Verification.Primary }, Verification.Primary)]
    [TestCase(new[] { Verification.Primary, Verification.Secondary }, Verification.Secondary)]
    [TestCase(new[] { Verification.Secondary, Verification.Primary }, Verification.Secondary)]
    [TestCase(new[] { Verification.Primary, Verification.Judgement, Verification.Secondary }, Verification.Judgement)]
    [TestCase(new[] { Verification.Primary, Verification.Unstated }, Verification.Unstated)]
    [TestCase(new Verification[0], Verification.Unstated)]
    public void Of_BasisCitations_TheWeakest(Verification[] levels, Verification expected) =>
        Assert.That(Model.Policies.Support.Of([.. levels.Select(l => Cite(l))]), Is.EqualTo(expected));

    [Test]
    public void Of_ContextCitations_LeaveTheLevelAlone()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Model.Policies.Support.Of([Cite(Verification.Primary), Cite(Verification.Judgement, CitationRole.Context)]), Is.EqualTo(Verification.Primary));
            Assert.That(Model.Policies.Support.Of([Cite(Verification.Secondary, CitationRole.Context)]), Is.EqualTo(Verification.Unstated), "nothing it rests on is cited");
        }
    }
}
