using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Tests.Diagnostics;

/// <summary>"Did you mean" hints: a close word is offered, a distant one never is, however the candidates are listed.</summary>
[TestFixture]
public class SuggestionTests
{
    [Test]
    public void Closest_OneEditAway_Offered() =>
        Assert.That(Suggestion.Closest("polcy", ["policy", "scenario"]), Is.EqualTo("policy"));

    [Test]
    public void Closest_CaseIgnored_TheCandidateAsWritten() =>
        Assert.That(Suggestion.Closest("NOTIFY_ICE", ["notify_ice", "delay_release"]), Is.EqualTo("notify_ice"));

    [Test]
    public void Closest_ShortWord_OnlyOneEditAllowed()
    {
        // "abcd": four letters allow one edit, so two are too many; "abcdefghijkl" (twelve) allows three.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Suggestion.Closest("abcd", ["abxy"]), Is.Null);
            Assert.That(Suggestion.Closest("abcd", ["abcx"]), Is.EqualTo("abcx"));
            Assert.That(Suggestion.Closest("abcdefghijkl", ["abcdefghixyz"]), Is.EqualTo("abcdefghixyz"));
            Assert.That(Suggestion.Closest("abcdefghijkl", ["abcdefghwxyz"]), Is.Null, "four edits");
        }
    }

    [Test]
    public void Closest_LongerCandidate_EveryExtraLetterCounts()
    {
        // Letters added before or after the word are edits like any other.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Suggestion.Closest("abc", ["xyabc"]), Is.Null);
            Assert.That(Suggestion.Closest("x", ["ab"]), Is.Null);
            Assert.That(Suggestion.Closest(string.Empty, ["abc"]), Is.Null);
        }
    }

    [Test]
    public void Closest_TwoAtTheSameDistance_TheFirstInOrdinalOrder() =>
        Assert.That(Suggestion.Closest("cat", ["cut", "bat"]), Is.EqualTo("bat"));

    [Test]
    public void Hint_CloseOrNot_TheSentenceOrNothing() =>
        Assert.That((Suggestion.Hint("polcy", ["policy"]), Suggestion.Hint("zzz", ["policy"])), Is.EqualTo((" (did you mean `policy`?)", string.Empty)));
}
