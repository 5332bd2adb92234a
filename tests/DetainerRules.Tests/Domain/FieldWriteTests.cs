using DetainerRules.Model.Conditions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Domain;

/// <summary>
/// Writing a detainer field into a scenario (the scenario space's representatives and the draft's
/// examples are built so) keeps the detainer consistent: a warrant no judge signed has no court or
/// offense, and a field written onto a scenario that has a detainer keeps the detainer's other facts.
/// </summary>
[TestFixture]
public class FieldWriteTests
{
    private static Scenario WithDetainer(string detainer) => TestScenarios.Arrest(extra: $"detainer: {detainer}");

    private static Detainer? Write(Scenario scenario, Field field, object? value) =>
        FieldCatalog.Get(field).WriteScenario!(scenario, value).Detainer;

    [TestCase(WarrantKind.Administrative)]
    [TestCase(WarrantKind.None)]
    public void Warrant_NotAJudges_DropsTheCourtAndOffense(WarrantKind warrant)
    {
        var judicial = WithDetainer("{ form: I-247N, warrant: judicial, warrant_court: state, warrant_offense: civil }");

        Assert.That(Write(judicial, Field.DetainerWarrant, warrant), Is.EqualTo(new Detainer(DetainerForm.I247N, warrant, null)));
    }

    [Test]
    public void Warrant_AJudgesOnAJudgesWarrant_KeepsTheCourtAndOffense()
    {
        var judicial = WithDetainer("{ form: I-247N, warrant: judicial, warrant_court: state, warrant_offense: civil }");

        Assert.That(
            Write(judicial, Field.DetainerWarrant, WarrantKind.Judicial),
            Is.EqualTo(new Detainer(DetainerForm.I247N, WarrantKind.Judicial, null) { WarrantCourt = WarrantCourt.State, WarrantOffense = WarrantOffense.Civil }));
    }

    [Test]
    public void Warrant_OntoADetainer_KeepsItsForm() =>
        Assert.That(Write(WithDetainer("{ form: I-203, warrant: none }"), Field.DetainerWarrant, WarrantKind.Administrative)!.Form, Is.EqualTo(DetainerForm.I203));

    [Test]
    public void Warrant_OntoNoDetainer_ANewDetainerOfTheUsualForm() =>
        Assert.That(Write(TestScenarios.Arrest(), Field.DetainerWarrant, WarrantKind.Administrative), Is.EqualTo(new Detainer(DetainerForm.I247A, WarrantKind.Administrative, null)));

    [Test]
    public void Warrant_None_RemovesTheDetainer() =>
        Assert.That(Write(WithDetainer("{ form: I-247A, warrant: administrative }"), Field.DetainerWarrant, null), Is.Null);

    [Test]
    public void Form_OntoADetainer_KeepsItsWarrantCourtAndOffense()
    {
        var judicial = WithDetainer("{ form: I-247N, warrant: judicial, warrant_court: federal, warrant_offense: immigration_crime }");

        Assert.That(
            Write(judicial, Field.DetainerForm, DetainerForm.I203),
            Is.EqualTo(new Detainer(DetainerForm.I203, WarrantKind.Judicial, null) { WarrantCourt = WarrantCourt.Federal, WarrantOffense = WarrantOffense.ImmigrationCrime }));
    }

    [Test]
    public void Form_OntoNoDetainer_ANewDetainerWithTheUsualWarrant() =>
        Assert.That(Write(TestScenarios.Arrest(), Field.DetainerForm, DetainerForm.I203), Is.EqualTo(new Detainer(DetainerForm.I203, WarrantKind.Administrative, null)));

    [Test]
    public void Present_OntoADetainer_KeepsItWhole()
    {
        var judicial = WithDetainer("{ form: I-247N, warrant: judicial, warrant_court: state, warrant_offense: civil }");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Write(judicial, Field.DetainerPresent, true), Is.EqualTo(judicial.Detainer));
            Assert.That(Write(judicial, Field.DetainerPresent, false), Is.Null);
            Assert.That(Write(TestScenarios.Arrest(), Field.DetainerPresent, true), Is.EqualTo(new Detainer(DetainerForm.I247A, WarrantKind.Administrative, null)));
        }
    }
}
