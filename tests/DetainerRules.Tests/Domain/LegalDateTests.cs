using DetainerRules.Model.Policies;

namespace DetainerRules.Tests.Domain;

/// <summary>Dates known to the year, the month or the day, as sources give them.</summary>
[TestFixture]
public class LegalDateTests
{
    [Test]
    public void TryParse_EachPrecision_KeepsWhatWasGivenAndWritesItBack()
    {
        var read = new[] { "2023-05-07", "2023-05", "2023", "0987" }.Select(t => (LegalDate.TryParse(t, out var d), d, d.ToString()));

        Assert.That(read, Is.EqualTo(new[]
        {
            (true, new LegalDate(2023, 5, 7), "2023-05-07"),
            (true, new LegalDate(2023, 5, null), "2023-05"),
            (true, new LegalDate(2023, null, null), "2023"),
            (true, new LegalDate(987, null, null), "0987"),
        }));
    }

    [Test]
    public void TryParse_NotADate_False()
    {
        var read = new[] { "May 2023", "2023-13", "2023-02-30", string.Empty }.Select(t => (LegalDate.TryParse(t, out var d), d));

        Assert.That(read, Has.All.EqualTo((false, default(LegalDate))));
    }

    [Test]
    public void EarliestAndLatest_TheDaysTheDateCanMean()
    {
        var month = new LegalDate(2024, 2, null);
        var year = new LegalDate(2023, null, null);

        Assert.That(new[] { month.Earliest, month.Latest, year.Earliest, year.Latest }, Is.EqualTo(new[]
        {
            new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29), new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31),
        }));
    }
}
