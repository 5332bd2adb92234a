using DetainerRules.Model.Time;

namespace DetainerRules.Tests.Domain;

/// <summary>Naming a jurisdiction's zone, and the wall-clock times a daylight-saving change leaves without one instant.</summary>
[TestFixture]
public class JurisdictionTimeTests
{
    private static JurisdictionTime Zone(string id) => JurisdictionTime.Find(id)!;

    [Test]
    public void InstantAt_TheRepeatedHourInLondon_NamesBothOffsetsWithTheirSigns()
    {
        // 26 October 2025: London's clocks went back from 02:00 BST to 01:00 GMT, so 01:30 came at +01:00 and again at +00:00.
        var instant = Zone("Europe/London").InstantAt(new DateTime(2025, 10, 26, 1, 30, 0, DateTimeKind.Unspecified), out var problem);

        Assert.That((instant, problem), Is.EqualTo(((DateTimeOffset?)null,
            "happens twice in Europe/London (the clocks went back an hour for daylight saving, first at +01:00, then at +00:00): write the offset")));
    }

    [Test]
    public void InstantAt_TheRepeatedHourInNewYork_OffsetsWestOfGreenwichHaveAMinus()
    {
        Zone("America/New_York").InstantAt(new DateTime(2025, 11, 2, 1, 30, 0, DateTimeKind.Unspecified), out var problem);

        Assert.That(problem, Does.Contain("first at -04:00, then at -05:00"));
    }

    [Test]
    public void InstantAt_NoZoneNamed_SaysTheRecordNeedsAnOffset()
    {
        var instant = JurisdictionTime.AsWritten.InstantAt(new DateTime(2025, 1, 17, 9, 30, 0, DateTimeKind.Unspecified), out var problem);

        Assert.That((instant, problem), Is.EqualTo(((DateTimeOffset?)null, "has no UTC offset and no time zone is named")));
    }

    [Test]
    public void OfBookings_AMisspelledZone_RefusedWithTheNearestName()
    {
        var zone = JurisdictionTime.OfBookings("America/Los_Angelos", out var problem);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(zone, Is.Null);
            Assert.That(problem, Does.StartWith("`America/Los_Angelos` is not an IANA time zone (did you mean `America/Los_Angeles`?): name one such as `America/Los_Angeles` (time zone database "));
        }
    }

    [Test]
    public void OfBookings_Local_RefusedAsNotAPlace()
    {
        var zone = JurisdictionTime.OfBookings(JurisdictionTime.LocalName, out var problem);

        Assert.That((zone, problem?[..32]), Is.EqualTo(((JurisdictionTime?)null, "`local` is not an IANA time zone")));
    }

    [Test]
    public void Equals_SameZoneFoundTwice_EqualAndOtherwiseNot()
    {
        using (Assert.EnterMultipleScope())
        {
            var denver = Zone("America/Denver");
            Assert.That(Zone("America/Denver"), Is.EqualTo(denver));
            Assert.That(Zone("America/Denver").Equals(null), Is.False);
            Assert.That(Zone("America/Denver"), Is.Not.EqualTo(Zone("America/Phoenix")));
            Assert.That(JurisdictionTime.AsWritten, Is.Not.EqualTo(JurisdictionTime.Local));
            Assert.That(Zone("America/Denver").GetHashCode(), Is.EqualTo(denver.GetHashCode()));
        }
    }

    [Test]
    public void GetHashCode_ZonesSpreadOverManyValues() =>
        Assert.That(JurisdictionTime.ZoneIds.Select(id => Zone(id).GetHashCode()).Distinct().Count(), Is.GreaterThan(JurisdictionTime.ZoneIds.Count / 2));

    [Test]
    public void ToString_TheNameOrAsWritten() =>
        Assert.That(new[] { Zone("America/Denver").ToString(), JurisdictionTime.Local.ToString(), JurisdictionTime.AsWritten.ToString() }, Is.EqualTo(new[] { "America/Denver", "local", "as written" }));
}
