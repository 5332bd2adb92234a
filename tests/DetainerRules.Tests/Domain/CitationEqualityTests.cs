using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>Two citations are the same when every part is, as a decision's list of citations (each once) relies on.</summary>
[TestFixture]
public class CitationEqualityTests
{
    private static readonly Source Statute = new("gs-162-62", "N.C. Gen. Stat.", "https://www.ncleg.gov/162-62", "G.S. 162-62");

    private static readonly Citation Full = new(Statute, "(b)", "shall hold", Verification.Primary, "a note", "https://www.ncleg.gov/162-62#b", CitationRole.Basis);

    private static IEnumerable<TestCaseData> OnePartChanged()
    {
        yield return new TestCaseData(Full with { Source = Statute with { Title = "Another" } });
        yield return new TestCaseData(Full with { Pinpoint = "(c)" });
        yield return new TestCaseData(Full with { Quote = null });
        yield return new TestCaseData(Full with { Verified = Verification.Secondary });
        yield return new TestCaseData(Full with { Note = "another note" });
        yield return new TestCaseData(Full with { Url = null });
        yield return new TestCaseData(Full with { Role = CitationRole.Context });
    }

    [Test]
    public void Equals_EveryPartEqual_EqualWithTheSameHash()
    {
        var copy = new Citation(Statute with { }, "(b)", "shall hold", Verification.Primary, "a note", "https://www.ncleg.gov/162-62#b", CitationRole.Basis);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy, Is.EqualTo(Full));
            Assert.That(copy == Full, Is.True);
            Assert.That(copy.GetHashCode(), Is.EqualTo(Full.GetHashCode()));
        }
    }

    [TestCaseSource(nameof(OnePartChanged))]
    public void Equals_OnePartDiffers_NotEqual(Citation other)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(other, Is.Not.EqualTo(Full));
            Assert.That(other != Full, Is.True);
            Assert.That(new[] { Full, other, Full with { } }.Distinct().Count(), Is.EqualTo(2));
        }
    }

    [Test]
    public void Equals_Null_NotEqual() => Assert.That(Full.Equals(null), Is.False);
}
