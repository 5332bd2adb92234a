using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>A comparison builds each point's scenario on one draft per thread, handing on what points share: the scenarios must be those a new draft builds.</summary>
[TestFixture]
public class ScenarioDraftTests
{
    /// <summary>Reads every kind of dimension: the person's fields, the charges, the convictions against the booking moment (two zones), the detainer, a request, ICE at release.</summary>
    private const string Rules = """
          - id: person
            when: person.citizenship != us_citizen and not person.lawful_status_proof and (person.registered_sex_offender or person.on_terrorist_watchlist)
            then: { notify_ice: { value: required, at: [booking] } }
            because: b
            cite: src
          - id: offenses
            when: any charge(level = felony) or any conviction(category = robbery and within 5 years)
            then: { delay_release: { value: required, limit: h48 } }
            because: b
            cite: src
          - id: ice
            when: ice.present_at_release and detainer.warrant = judicial
            then: { transfer_to_ice: required }
            because: b
            cite: src
          - id: interview
            when: requests has interview and person.foreign_born
            then: { ice_jail_access: permitted }
            because: b
            cite: src
        """;

    [Test]
    public void Build_OnADraftThatBuiltOtherPointsFirst_TheScenarioANewDraftBuilds()
    {
        IPolicyEvaluator pacific = DelegatePolicy.From(TestPolicies.Compile(Rules, "time_zone: America/Los_Angeles"));
        IPolicyEvaluator eastern = DelegatePolicy.From(TestPolicies.Compile(Rules, "time_zone: America/New_York"));
        var space = ScenarioSpace.For([pacific, eastern]);
        var points = space.Points().ToList();

        // Shuffled, so each point follows one that differs from it on many dimensions at once.
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(points));
        var draft = space.NewDraft();
        var mismatches = points.Take(4000)
            .Where(p => Written(space.Build(p, draft, "p")) != Written(space.Build(p, "p")))
            .Select(p => string.Join(",", p))
            .Take(3)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(space.Dimensions.Select(d => d.Name), Is.SupersetOf(new[] { "booked", "person.citizenship", "charges", "convictions", "detainer", "requests.interview", "ice.present_at_release" }));
            Assert.That(mismatches, Is.Empty, "points whose scenario on a used draft differs from a new draft's");
        }
    }

    /// <summary>The draft hands the person on while no field changes: that holds only while the space's own fields, written over an unknown person, write nothing else and nothing that depends on the rest of the scenario.</summary>
    [Test]
    public void WriteScenario_EveryFieldThatIsADimensionOfItsOwn_WritesOnlyThePersonAndIcePresenceWhateverTheScenarioHolds()
    {
        var plain = new Scenario { Id = "plain", BookedAt = new DateTimeOffset(2025, 6, 11, 9, 0, 0, TimeSpan.Zero), Charges = [] };
        // The draft writes its fields over a scenario whose person is unknown and ICE absent; all else may differ.
        var full = new Scenario(TestScenarios.Parse("""
            booked_at: 2025-06-10T23:30:00-07:00
            charges: [ { offense: x, level: felony, category: robbery } ]
            convictions: [ { offense: y, level: felony, category: robbery, convicted_on: 2020-06-10 } ]
            detainer: { form: I-247A, warrant: judicial }
            requests: [ interview ]
            custody: { release_eligible_at: 2025-06-11T08:00:00-07:00 }
            """)) { Person = Person.Unknown, IcePresentAtRelease = false };
        var fields = FieldCatalog.All.Where(f => f.Phrases is not null).ToList();
        var problems = new List<string>();
        foreach (var field in fields)
        {
            foreach (var (value, _) in field.Phrases!)
            {
                var onPlain = field.WriteScenario!(plain, value);
                var onFull = field.WriteScenario!(full, value);
                if (onPlain.Person != onFull.Person || onPlain.IcePresentAtRelease != onFull.IcePresentAtRelease)
                {
                    problems.Add($"{field.Name}={value}: the person or ICE's presence depends on the rest of the scenario");
                }

                problems.AddRange(new[] { (plain, onPlain), (full, onFull) }.Where(p => !OnlyPersonAndIceDiffer(p.Item1, p.Item2)).Select(_ => $"{field.Name}={value}: writes more than the person and ICE's presence"));
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields.Select(f => f.Name), Does.Contain("person.citizenship").And.Contain("ice.present_at_release"));
            Assert.That(problems, Is.Empty);
        }
    }

    [Test]
    public void AnswerFrom_OutcomeOfAPolicyBoundByAnother_TheOutcomeOfItsVerdict()
    {
        var county = Layered();
        var space = ScenarioSpace.For([county]);
        var differing = space.Points()
            .Select(p => space.Build(p, "p"))
            .Where(s => Subject.Outcome.AnswerFrom(county, s) != Answer.Of(county.Evaluate(s).Outcome))
            .Select(s => s.Id)
            .ToList();
        var outcomes = space.Points().Select(p => Subject.Outcome.AnswerFrom(county, space.Build(p, "p")).Value).Distinct().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes, Is.SupersetOf(new[] { "held_for_ice", "released", "transferred_to_ice" }), "the fixture reaches outcomes through each of the three decisions");
            Assert.That(differing, Is.Empty);
        }
    }

    /// <summary>A county that holds on a detainer, under a state that forbids holds without a judge's warrant and requires handing over to ICE present with one.</summary>
    private static DelegatePolicy Layered()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["county"] = TestPolicies.Yaml("""
                  - id: hold
                    when: detainer
                    then: { delay_release: { value: required, limit: h48 } }
                    because: b
                    cite: src
                  - id: release-felons-never
                    when: any charge(level = felony)
                    then: { release_if_ice_absent: forbidden }
                    because: b
                    cite: src
                """).Replace("id: test-policy", "id: county\nbound_by: [state]", StringComparison.Ordinal),
            ["state"] = TestPolicies.Yaml("""
                  - id: no-holds
                    when: detainer.warrant != judicial
                    then: { delay_release: forbidden }
                    because: b
                    cite: src
                  - id: hand-over
                    when: detainer.warrant = judicial
                    then: { transfer_to_ice: required }
                    because: b
                    cite: src
                """).Replace("id: test-policy", "id: state\nbound_by: []", StringComparison.Ordinal),
        };
        Model.Policies.Policy Load(string id) => DetainerRules.Yaml.PolicyLoader.Load(texts[id], id + ".yaml");
        return DelegatePolicy.Compile(Load("county"), (_, named) => Load(named));
    }

    private static bool OnlyPersonAndIceDiffer(Scenario before, Scenario after) =>
        after.Id == before.Id && after.Description == before.Description && after.BookedAt.EqualsExact(before.BookedAt)
        && ReferenceEquals(after.Charges, before.Charges) && ReferenceEquals(after.Convictions, before.Convictions)
        && ReferenceEquals(after.Detainer, before.Detainer) && ReferenceEquals(after.Custody, before.Custody)
        && ReferenceEquals(after.Requests, before.Requests);

    /// <summary>Everything a scenario holds, offsets and the order of its requests included.</summary>
    private static string Written(Scenario s) => string.Join(
        " | ",
        s.Id,
        s.BookedAt.ToString("o", CultureInfo.InvariantCulture),
        s.Person,
        string.Join(";", s.Charges),
        string.Join(";", s.Convictions),
        s.Detainer is { } d ? $"{d} at {d.ReceivedAt?.ToString("o", CultureInfo.InvariantCulture)}" : "none",
        s.Custody.ReleaseEligibleAt?.ToString("o", CultureInfo.InvariantCulture),
        s.IcePresentAtRelease,
        string.Join(",", s.Requests));
}
