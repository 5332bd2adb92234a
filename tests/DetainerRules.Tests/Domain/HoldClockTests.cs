using DetainerRules.Model.Time;

namespace DetainerRules.Tests.Domain;

[TestFixture]
public class HoldClockTests
{
    private static readonly TimeSpan Pacific = TimeSpan.FromHours(-8);

    private static DateTimeOffset At(int month, int day, int hour, int year = 2025, TimeSpan? offset = null) =>
        new(year, month, day, hour, 0, 0, offset ?? Pacific);

    [Test]
    public void End_ClockHours_RunsStraightThroughTheWeekend() =>
        Assert.That(HoldClock.End(At(1, 17, 18), 48, false, false, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 19, 18)));

    [Test]
    public void End_ExcludingWeekendsAndHolidays_SkipsWeekendAndMartinLutherKingDay()
    {
        // Friday 17 January 2025, 18:00: 6 hours on Friday, then Saturday, Sunday and MLK Day (Monday 20th)
        // are skipped, 24 hours on Tuesday, the last 18 on Wednesday.
        Assert.That(HoldClock.End(At(1, 17, 18), 48, true, true, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 22, 18)));
    }

    [Test]
    public void End_ExcludingWeekendsOnly_CountsTheHoliday() =>
        Assert.That(HoldClock.End(At(1, 17, 18), 48, true, false, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 21, 18)));

    [Test]
    public void End_ExcludingHolidaysOnly_CountsTheWeekendSkipsTheHoliday()
    {
        // Saturday 18 January 2025, 18:00: 6 hours on Saturday, 24 on Sunday, MLK Day (Monday 20th)
        // skipped, the last 18 on Tuesday.
        Assert.That(HoldClock.End(At(1, 18, 18), 48, false, true, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 21, 18)));
    }

    [Test]
    public void End_NoCalendar_Throws() =>
        Assert.That(() => HoldClock.End(At(1, 17, 18), 48, true, true, null!), Throws.ArgumentNullException);

    [Test]
    public void End_StartOnSaturday_ClockStartsMondayAtMidnight() =>
        Assert.That(HoldClock.End(At(1, 25, 10), 48, true, true, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 29, 0)));

    [Test]
    public void End_AcrossThanksgiving_SkipsThursdayAndTheWeekend()
    {
        var eastern = TimeSpan.FromHours(-5);

        // Wednesday 26 November 2025, 12:00: 12 hours Wednesday, Thanksgiving skipped, 24 Friday,
        // the weekend skipped, the last 12 on Monday 1 December.
        Assert.That(HoldClock.End(At(11, 26, 12, offset: eastern), 48, true, true, JurisdictionTime.AsWritten), Is.EqualTo(At(12, 1, 12, offset: eastern)));
    }

    [Test]
    public void End_LandsExactlyAtMidnight_StaysAtThatMidnight() =>
        Assert.That(HoldClock.End(At(1, 21, 0), 24, true, true, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 22, 0)));

    [Test]
    public void End_ZeroHours_IsTheStart() =>
        Assert.That(HoldClock.End(At(1, 18, 9), 0, true, true, JurisdictionTime.AsWritten), Is.EqualTo(At(1, 18, 9)));

    [Test]
    public void End_NegativeHours_Throws() =>
        Assert.That(() => HoldClock.End(At(1, 17, 18), -1, true, true, JurisdictionTime.AsWritten), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void End_NoZoneNamed_KeepsTheStartOffset() =>
        Assert.That(HoldClock.End(At(1, 17, 18), 48, true, true, JurisdictionTime.AsWritten).Offset, Is.EqualTo(Pacific));

    private static readonly JurisdictionTime LosAngeles = JurisdictionTime.Find("America/Los_Angeles")!;

    [Test]
    public void End_SameInstantWrittenInThreeOffsets_SameEndInTheJurisdictionsTime()
    {
        // Friday 17 January 2025, 18:00 in Los Angeles, as a record from anywhere might write it.
        DateTimeOffset[] starts = [At(1, 17, 18), new(2025, 1, 18, 2, 0, 0, TimeSpan.Zero), new(2025, 1, 18, 11, 0, 0, TimeSpan.FromHours(9))];
        var ends = starts.Select(s => HoldClock.End(s, 48, true, true, LosAngeles)).ToList();

        // Written as -08:00 the clock always stopped on the Los Angeles weekend; written as +09:00 the
        // "Friday" was already Saturday in Tokyo. In the jurisdiction's zone all three agree.
        Assert.That(ends.Select(e => (e, e.Offset)), Is.All.EqualTo((At(1, 22, 18), Pacific)));
    }

    [Test]
    public void End_ClockHoursAcrossTheSpringChange_RealHoursShownInDaylightTime()
    {
        // Friday 7 March 2025, 18:00 PST; clocks went forward at 02:00 on Sunday 9 March. 48 real
        // hours end at 19:00 PDT on Sunday, an hour later on the wall clock than the start.
        var end = HoldClock.End(At(3, 7, 18), 48, false, false, LosAngeles);
        Assert.That((end, end.Offset), Is.EqualTo((new DateTimeOffset(2025, 3, 9, 19, 0, 0, TimeSpan.FromHours(-7)), TimeSpan.FromHours(-7))));
    }

    [Test]
    public void End_ExcludingWeekendsAcrossTheSpringChange_WeekdaysCountedFromLocalMidnight()
    {
        // 6 hours on Friday 7 March to local midnight; the weekend (with its short Sunday) is skipped;
        // 24 hours on Monday 10 March from 00:00 PDT; the last 18 end at 18:00 PDT on Tuesday.
        Assert.That(HoldClock.End(At(3, 7, 18), 48, true, false, LosAngeles), Is.EqualTo(new DateTimeOffset(2025, 3, 11, 18, 0, 0, TimeSpan.FromHours(-7))));
    }

    [Test]
    public void End_ClockHoursAcrossTheAutumnChange_RealHoursShownInStandardTime()
    {
        // Saturday 1 November 2025, 20:00 PDT; clocks went back at 02:00 on Sunday 2 November, so 24
        // real hours end at 19:00 PST, shown with the offset in force then.
        var end = HoldClock.End(new DateTimeOffset(2025, 11, 1, 20, 0, 0, TimeSpan.FromHours(-7)), 24, false, false, LosAngeles);
        Assert.That((end, end.Offset), Is.EqualTo((new DateTimeOffset(2025, 11, 2, 19, 0, 0, Pacific), Pacific)));
    }

    private static readonly JurisdictionTime NewYork = JurisdictionTime.Find("America/New_York")!;

    [Test]
    public void End_ClockHoursAcrossBothChangesInNewYork_RealHoursShownAtTheWallClockThen()
    {
        // 18:00 EST on Friday 7 March 2025; clocks went forward at 02:00 on Sunday 9 March: 48 real
        // hours end at 19:00 EDT. 20:00 EDT on Saturday 1 November; clocks went back at 02:00 on
        // Sunday 2 November: 48 real hours end at 19:00 EST on Monday.
        var spring = HoldClock.End(new DateTimeOffset(2025, 3, 7, 18, 0, 0, TimeSpan.FromHours(-5)), 48, false, false, NewYork);
        var autumn = HoldClock.End(new DateTimeOffset(2025, 11, 1, 20, 0, 0, TimeSpan.FromHours(-4)), 48, false, false, NewYork);
        Assert.That(new[] { Model.Format.Timestamp(spring), Model.Format.Timestamp(autumn) }, Is.EqualTo(new[] { "2025-03-09T19:00:00-04:00", "2025-11-03T19:00:00-05:00" }));
    }

    [Test]
    public void End_ExcludingWeekendsAcrossTheAutumnChangeInNewYork_TheLongSundayIsNotCounted()
    {
        // 18:00 EDT on Friday 31 October: 6 hours to midnight; the weekend, with its 25-hour Sunday,
        // is skipped; 24 hours on Monday 3 November; the last 18 end at 18:00 EST on Tuesday.
        var end = HoldClock.End(new DateTimeOffset(2025, 10, 31, 18, 0, 0, TimeSpan.FromHours(-4)), 48, true, false, NewYork);
        Assert.That(Model.Format.Timestamp(end), Is.EqualTo("2025-11-04T18:00:00-05:00"));
    }

    [Test]
    public void DayOf_LateEveningInLosAngelesWrittenInUtc_IsTheLosAngelesDay() =>
        Assert.That(LosAngeles.DayOf(new DateTimeOffset(2025, 1, 31, 7, 30, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(2025, 1, 30)));

    [Test]
    public void Find_UnknownZone_IsNull() =>
        Assert.That(JurisdictionTime.Find("America/Las_Vegas"), Is.Null);
}
