using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Domain;

/// <summary>Which id a batch record reports: its scenario's, or for a record with problems, the id it could be read to give.</summary>
[TestFixture]
public class ScenarioRecordTests
{
    [Test]
    public void Id_AScenario_ItsOwnIdWhateverElseWasRead()
    {
        var scenario = TestScenarios.Arrest(extra: "id: booking-7");

        Assert.That(new ScenarioRecord(1, "in.jsonl:1", scenario, []) { ReadableId = "other" }.Id, Is.EqualTo("booking-7"));
    }

    [Test]
    public void Id_ARecordWithProblems_TheIdItGaveOrNone() =>
        Assert.That(new[] { new ScenarioRecord(2, "in.jsonl:2", null, []) { ReadableId = "booking-8" }.Id, new ScenarioRecord(3, "in.jsonl:3", null, []).Id }, Is.EqualTo(new[] { "booking-8", null }));
}
