using System.Text.Json;
using System.Text.Json.Nodes;
using DetainerRules.Cli;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Cli;

/// <summary><c>detainer compare --space --summary</c> as a user runs it: the counts of the full comparison, no regions, and every format saying so.</summary>
[TestFixture]
public class CompareSummaryCliTests
{
    private string _dir = null!;

    [OneTimeSetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("detainer-compare-summary-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run(_dir, catalog: false, [.. args, "--rules", Fixtures.Rules]);

    [TestCase("text")]
    [TestCase("markdown")]
    [TestCase("html")]
    public void Compare_SummaryInAHumanFormat_SaysRegionsWereNotDrawn(string format)
    {
        var (exit, output, error) = Run("compare", "notice-2020", "notice-2023", "--space", "--summary", "--format", format);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(output, Does.Contain("regions were not drawn"));
            Assert.That(output, Does.Contain("notice-2020: unknown").And.Contain("notice-2023: required (booking, release)"), "each split is still named");
            Assert.That(output, Does.Not.Contain("notify_ice-1-1"), "no region's example");
        }
    }

    [Test]
    public void Compare_SummaryJson_IsTheFullComparisonWithEmptyRegionsAndAFlag()
    {
        var (exit, summary, error) = Run("compare", "notice-2020", "notice-2023", "wider", "--space", "--summary", "--format", "json");
        var (_, full, _) = Run("compare", "notice-2020", "notice-2023", "wider", "--space", "--format", "json");

        var expected = JsonNode.Parse(full)!.AsObject();
        var actual = JsonNode.Parse(summary)!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.PoliciesDiffer), error);
            Assert.That(actual["summary"]!.GetValue<bool>(), Is.True);
            Assert.That(expected.ContainsKey("summary"), Is.False, "a full comparison's JSON is as it was");
            var regions = actual["subjects"]!.AsArray().SelectMany(s => s!["splits"]!.AsArray()).Select(s => s!["regions"]!.AsArray().Count).ToList();
            Assert.That(regions, Is.Not.Empty.And.All.Zero);
        }

        // Everything else is the full comparison's, number for number.
        actual.Remove("summary");
        foreach (var split in expected["subjects"]!.AsArray().SelectMany(s => s!["splits"]!.AsArray()))
        {
            split!["regions"] = new JsonArray();
        }

        Assert.That(actual.ToJsonString(), Is.EqualTo(expected.ToJsonString()));
    }

    [Test]
    public void Compare_SummaryWithEmitExamples_IsAUsageError()
    {
        var (exit, output, error) = Run("compare", "notice-2020", "notice-2023", "--space", "--summary", "--emit-examples", Path.Combine(_dir, "examples"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--emit-examples writes the regions' examples, which --summary does not draw"));
            Assert.That(output, Is.Empty);
            Assert.That(Directory.Exists(Path.Combine(_dir, "examples")), Is.False, "nothing was written");
        }
    }

    [Test]
    public void Compare_SummaryOfScenarioFiles_IsAUsageError()
    {
        var (exit, _, error) = Run("compare", "notice-2020", "notice-2023", "--scenarios", Fixtures.Scenarios, "--summary");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--summary counts the cases of the space; give it with --space"));
        }
    }

    [Test]
    public void Compare_Help_NamesTheSummary()
    {
        var (_, output, _) = Run("compare", "--help");

        Assert.That(output, Does.Contain("--summary").And.Contain("without drawing regions"));
    }
}
