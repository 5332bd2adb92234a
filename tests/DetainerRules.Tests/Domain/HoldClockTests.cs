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
        Assert.That(HoldClock.End(At(1, 17, 18), 48, false, false), Is.EqualTo(At(1, 19, 18)));

    [Test]
    public void End_ExcludingWeekendsAndHolidays_SkipsWeekendAndMartinLutherKingDay()
    {
        // Friday 17 January 2025, 18:00: 6 hours on Friday, then Saturday, Sunday and MLK Day (Monday 20th)
        // are skipped, 24 hours on Tuesday, the last 18 on Wednesday.
        Assert.That(HoldClock.End(At(1, 17, 18), 48, true, true), Is.EqualTo(At(1, 22, 18)));
    }

    [Test]
    public void End_ExcludingWeekendsOnly_CountsTheHoliday() =>
        Assert.That(HoldClock.End(At(1, 17, 18), 48, true, false), Is.EqualTo(At(1, 21, 18)));

    [Test]
    public void End_StartOnSaturday_ClockStartsMondayAtMidnight() =>
        Assert.That(HoldClock.End(At(1, 25, 10), 48, true, true), Is.EqualTo(At(1, 29, 0)));

    [Test]
    public void End_AcrossThanksgiving_SkipsThursdayAndTheWeekend()
    {
        var eastern = TimeSpan.FromHours(-5);

        // Wednesday 26 November 2025, 12:00: 12 hours Wednesday, Thanksgiving skipped, 24 Friday,
        // the weekend skipped, the last 12 on Monday 1 December.
        Assert.That(HoldClock.End(At(11, 26, 12, offset: eastern), 48, true, true), Is.EqualTo(At(12, 1, 12, offset: eastern)));
    }

    [Test]
    public void End_LandsExactlyAtMidnight_StaysAtThatMidnight() =>
        Assert.That(HoldClock.End(At(1, 21, 0), 24, true, true), Is.EqualTo(At(1, 22, 0)));

    [Test]
    public void End_ZeroHours_IsTheStart() =>
        Assert.That(HoldClock.End(At(1, 18, 9), 0, true, true), Is.EqualTo(At(1, 18, 9)));

    [Test]
    public void End_NegativeHours_Throws() =>
        Assert.That(() => HoldClock.End(At(1, 17, 18), -1, true, true), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void End_KeepsTheStartOffset() =>
        Assert.That(HoldClock.End(At(1, 17, 18), 48, true, true).Offset, Is.EqualTo(Pacific));
}
