using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary>
/// The command-line side of <c>Engine/LocalTimeZoneTests.cs</c>: <c>batch</c> over one booking
/// written in two offsets. Kept out of the Engine folder because the mutation-test project
/// (<c>tests/DetainerRules.MutationTests</c>) compiles that folder without the CLI.
/// </summary>
[TestFixture]
public class LocalTimeZoneBatchTests
{
    // 19:30 on Saturday 1 April 2017 in California (Pacific daylight time) is 02:30 on 2 April in UTC.
    private static readonly DateTimeOffset WrittenInUtc = new(2017, 4, 2, 2, 30, 0, TimeSpan.Zero);

    [Test]
    public void Batch_OneBookingWrittenInTwoOffsets_TheFederalRequestAnswersTwiceDifferentlyAndAZonedPolicyOnce()
    {
        var dir = Directory.CreateTempSubdirectory("detainer-local-").FullName;
        try
        {
            // One booking, every time in it written once in Pacific time and once in UTC.
            string Line(string id, TimeSpan offset) => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = id,
                ["booked_at"] = Time(WrittenInUtc, offset),
                ["person"] = new { foreign_born = true, citizenship = "noncitizen" },
                ["charges"] = new[] { new { offense = "robbery", level = "felony", category = "robbery" } },
                ["detainer"] = new { form = "I-247A", warrant = "administrative", received_at = Time(WrittenInUtc.AddMinutes(30), offset) },
                ["custody"] = new { release_eligible_at = Time(WrittenInUtc.AddHours(2), offset) },
                ["ice"] = new { present_at_release = false },
            });
            File.WriteAllLines(Path.Combine(dir, "same.jsonl"), [Line("pacific", TimeSpan.FromHours(-7)), Line("utc", TimeSpan.Zero)]);

            var (exit, _, error) = CliRun.Run(dir, catalog: true, "batch", "-p", "ice-detainer-request", "-p", "nyc", "--input", "same.jsonl", "--output", "out.jsonl");
            var records = File.ReadAllLines(Path.Combine(dir, "out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("policies")).ToList();
            string Answer(int record, string policy, string field) => records[record].GetProperty(policy).GetProperty(field).GetString()!;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
                Assert.That((Answer(0, "ice-detainer-request", "version"), Answer(1, "ice-detainer-request", "version")), Is.EqualTo(("ice-detainer-request-pep", "ice-detainer-request")));
                Assert.That(Answer(0, "ice-detainer-request", "outcome"), Is.Not.EqualTo(Answer(1, "ice-detainer-request", "outcome")), "two versions, two answers for one booking");
                Assert.That(Answer(0, "nyc", "version"), Is.EqualTo(Answer(1, "nyc", "version")), "a policy with a zone judges one day");
                Assert.That(records[0].GetProperty("nyc").ToString(), Is.EqualTo(records[1].GetProperty("nyc").ToString()), "and answers alike");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Time(DateTimeOffset instant, TimeSpan offset) =>
        instant.ToOffset(offset).ToString(offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
