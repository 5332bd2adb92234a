using DetainerRules.Model.Time;
using NodaTime;

namespace DetainerRules.Tests.Domain;

/// <summary>The list of zone ids shipped beside NodaTime's database, which lets a policy's zone be taken without loading the database: it must be the database's own list, and a zone found by it the database's zone.</summary>
[TestFixture]
public class TzdbZoneListTests
{
    private const string ListFile = "src/DetainerRules.Model/Time/tzdb-zone-ids.txt";

    private static readonly IDateTimeZoneProvider Database = DateTimeZoneProviders.Tzdb;

    private static string[] ShippedIds()
    {
        using var stream = typeof(JurisdictionTime).Assembly.GetManifestResourceStream("DetainerRules.Model.Time.tzdb-zone-ids.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Test]
    public void ShippedList_IsTheDatabasesIdsLineForLine() =>
        Assert.That(ShippedIds(), Is.EqualTo(Database.Ids),
            $"NodaTime's database changed ({Database.VersionId}): write DateTimeZoneProviders.Tzdb.Ids, one a line, to {ListFile}");

    [Test]
    public void EveryShippedId_IsAZoneOfThatIdInTheDatabase() =>
        Assert.That(ShippedIds().Where(id => Database.GetZoneOrNull(id)?.Id != id), Is.Empty);

    /// <summary>Every id the database knows, aliases and <c>UTC</c> among them: the zone found judges each instant as the database's zone of that id does, at every change of offset from 1850 to 2150 and just before it.</summary>
    [Test]
    public void Find_EveryDatabaseId_TheDatabasesZoneAtEveryChangeOfOffset()
    {
        var from = Instant.FromUtc(1850, 1, 1, 0, 0);
        var until = Instant.FromUtc(2150, 1, 1, 0, 0);
        var differences = new List<string>();
        foreach (var id in Database.Ids)
        {
            var zone = Database[id];
            var found = JurisdictionTime.Find(id)!;
            if (found.ZoneId != zone.Id || found.Name != zone.Id)
            {
                differences.Add($"{id}: named {found.ZoneId}/{found.Name}");
            }

            foreach (var interval in zone.GetZoneIntervals(from, until))
            {
                var start = interval.HasStart ? Instant.Max(interval.Start, from) : from;
                foreach (var instant in new[] { start, start - Duration.Epsilon, start + Duration.FromHours(12) })
                {
                    var moment = instant.ToDateTimeOffset();
                    if (Outcome(() => found.LocalTime(moment)) != Outcome(() => instant.InZone(zone).ToDateTimeOffset())
                        || Outcome(() => found.DayOf(moment)) != Outcome(() => instant.InZone(zone).Date.ToDateOnly()))
                    {
                        differences.Add($"{id} at {instant}");
                    }
                }
            }
        }

        Assert.That(differences, Is.Empty);
    }

    // A local mean time before standard time has an offset in seconds, which DateTimeOffset cannot write: both sides then throw alike.
    private static string Outcome<T>(Func<T> compute)
    {
        try
        {
            return compute()!.ToString()!;
        }
        catch (InvalidOperationException e)
        {
            return e.GetType().Name;
        }
    }

    /// <summary>Words off the list are the database's to judge, as before: the fixed offsets it accepts, and nothing for a word it does not know (case counts).</summary>
    [TestCase("UTC+05:30")]
    [TestCase("UTC-03")]
    [TestCase("utc")]
    [TestCase("america/los_angeles")]
    [TestCase("America/Los_Angeles\nEurope/London")]
    [TestCase("")]
    public void Find_WordsOffTheList_AsTheDatabaseJudgesThem(string id) =>
        Assert.That(JurisdictionTime.Find(id)?.ZoneId, Is.EqualTo(Database.GetZoneOrNull(id)?.Id));
}
