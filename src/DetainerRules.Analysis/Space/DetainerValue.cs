using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>One value of the space's detainer dimension: the form and the warrant, with the court and offense of a judge's warrant where the compared conditions read them.</summary>
internal sealed record DetainerValue(DetainerForm Form, WarrantKind Warrant, WarrantCourt? Court = null, WarrantOffense? Offense = null)
{
    /// <summary>The warrant and its facts, which descriptions group detainers by.</summary>
    public (WarrantKind Warrant, WarrantCourt? Court, WarrantOffense? Offense) WarrantFacts => (Warrant, Court, Offense);

    /// <summary><c>I-247A/judicial</c>, with <c>/court=federal</c> and <c>/offense=civil</c> when stated.</summary>
    public string Word =>
        $"{Vocabulary.Word(Form)}/{Vocabulary.Word(Warrant)}"
        + (Court is { } c ? "/court=" + Vocabulary.Word(c) : string.Empty)
        + (Offense is { } o ? "/offense=" + Vocabulary.Word(o) : string.Empty);

    /// <summary>The scenario's detainer as the dimension holds it: its court and offense only where the dimension tells them apart.</summary>
    public static DetainerValue? Of(Scenario scenario, bool courts, bool offenses) => scenario.Detainer is { } d
        ? new DetainerValue(d.Form, d.Warrant, courts ? d.WarrantCourt : null, offenses ? d.WarrantOffense : null)
        : null;

    public Detainer ToDetainer(DateTimeOffset receivedAt) =>
        new(Form, Warrant, receivedAt) { WarrantCourt = Court, WarrantOffense = Offense };
}
