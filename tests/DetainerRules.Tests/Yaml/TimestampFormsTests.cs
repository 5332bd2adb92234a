using DetainerRules.Yaml.Documents;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// The common form of a time (<c>2025-01-21T09:30:00-08:00</c>, <c>...Z</c>), which is read without
/// the regular expression, against the same text with a lower-case <c>t</c> or <c>z</c>, which only
/// the grammar reads: the same instant, or the same problem, for good and bad values alike.
/// </summary>
[TestFixture]
public class TimestampFormsTests
{
    private const int Seed = 62;

    [Test]
    public void CommonForm_ReadsAsTheGrammarReadsIt()
    {
        var random = new Random(Seed);
        var texts = Enumerable.Range(0, 20_000).Select(_ => Common(random)).Concat(Edges).ToList();

        var differences = new List<string>();
        var (good, bad) = (0, 0);
        foreach (var text in texts)
        {
            var fast = Timestamps.Parse(text, out var fastProblem);
            var grammar = Timestamps.Parse(text.Replace('T', 't').Replace('Z', 'z'), out var grammarProblem);
            if (fast != grammar || fast?.Offset != grammar?.Offset || fastProblem != grammarProblem)
            {
                differences.Add($"{text}: {fast:O} {fastProblem} / grammar: {grammar:O} {grammarProblem}");
            }

            _ = fast is null ? bad++ : good++;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(differences, Is.Empty, () => $"{differences.Count} differ; the first: {differences.FirstOrDefault()}");
            Assert.That(good, Is.GreaterThan(texts.Count / 4), "many are real instants");
            Assert.That(bad, Is.GreaterThan(texts.Count / 4), "many are refused");
        }
    }

    [TestCase("2025-01-21T09:30:00-08:00", "2025-01-21T09:30:00.0000000-08:00")]
    [TestCase("2025-01-21T09:30:00Z", "2025-01-21T09:30:00.0000000+00:00")]
    [TestCase("2024-02-29T23:59:59+14:00", "2024-02-29T23:59:59.0000000+14:00")]
    [TestCase("2200-12-31T00:00:00-12:00", "2200-12-31T00:00:00.0000000-12:00")]
    public void CommonForm_IsTheInstantWritten(string text, string expected) =>
        Assert.That(Timestamps.Parse(text, out _)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));

    [TestCase("2025-02-29T09:30:00-08:00", "has no such day: 2025-02-29")]
    [TestCase("2025-01-21T24:00:00-08:00", "has no such time of day: 24:00:00")]
    [TestCase("2025-01-21T09:30:00+14:01", "has an offset out of range (+14:01): offsets go from -14:00 to +14:00")]
    [TestCase("1899-12-31T09:30:00Z", "is out of range: years 1900 to 2200 are accepted")]
    [TestCase("２０２５-01-21T09:30:00Z", "is not a valid date and time: expected ISO 8601 with a UTC offset, e.g. `2025-01-21T09:30:00-08:00`")]
    [TestCase("٢٠٢٥-01-21 09:30:00Z", "is not a valid date and time: expected ISO 8601 with a UTC offset, e.g. `2025-01-21T09:30:00-08:00`")]
    public void TimeThatIsNoInstant_SaysWhy(string text, string problem)
    {
        Assert.That(Timestamps.Parse(text, out var said), Is.Null);
        Assert.That(said, Is.EqualTo(problem));
    }

    private static readonly string[] Edges =
    [
        "2025-01-21T09:30:00-08:0", "2025-01-21T09:30:00-0800", "2025-01-21T09:30:00 -08:00", "2025-01-21T09:30:00+08:60",
        "2025-01-21T09:30:00-00:00", "2025-01-21T09:30:00+15:00", "2025-1-21T09:30:00-08:00", "2025-01-21T9:30:00-08:00",
        "2025-01-21T09:30:00.5-08:00", "2025-01-21T09:30-08:00", "2025-01-21T09:30:00", "2025-01-21", "0000-00-00T00:00:00Z",
        "2025-01-21T09:30:0AZ", "２０２５-01-21T09:30:00Z", "2025-01-21T09:30:00Z ", " 2025-01-21T09:30:00Z", "2025-01-21T09:30:00+1:00", "2025-01-21T09:30:00-08.00", "2025-01-21T09:30:00-08 00", "2025-01-21T09:30:00-8:000", "2025-01-21 09:30:00-08:00", "2025-01-21T09.30:00-08:00", "2025-01-21T09:30.00Z",
    ];

    /// <summary>A text of the common form with values drawn about and past every limit.</summary>
    private static string Common(Random random)
    {
        // Mostly in range, and now and then on or past an edge, so that both kinds come in numbers.
        int Value(int low, int high, params int[] edges) => random.Next(6) == 0 ? edges[random.Next(edges.Length)] : random.Next(low, high + 1);
        var year = Value(1900, 2200, 1899, 1900, 2024, 2200, 2201, 0);
        var month = Value(1, 12, 0, 1, 2, 12, 13);
        var day = Value(1, 28, 0, 29, 30, 31, 32);
        var hour = Value(0, 23, 0, 23, 24, 99);
        var minute = Value(0, 59, 0, 59, 60);
        var second = Value(0, 59, 0, 59, 60);
        var zone = random.Next(4) == 0 ? "Z" : $"{(random.Next(2) == 0 ? '+' : '-')}{Value(0, 14, 0, 14, 15, 99):D2}:{Value(0, 59, 0, 1, 59, 60):D2}";
        return $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{zone}";
    }
}
