using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// An authority inside a composition is the authority's own composition from the same
/// <see cref="DatedPolicies{T}"/>: the same authority on the same day is one compiled object wherever it
/// binds (so a comparison that keeps answers by object asks it once), a different authority or another
/// version of it is another object, and the answers are those of the policy compiled whole. Written on a
/// fixture: a state family (2019 act, 2023 act), a county bound by it, and cities bound by one, the other or both.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.Both))]
public class SharedAuthorityTests(EngineKind engine)
{
    private static readonly DateOnly In2020 = new(2020, 6, 3);
    private static readonly DateOnly In2024 = new(2024, 6, 5);

    private string _dir = null!;
    private PolicyCatalog _catalog = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-shared-authority-").FullName;
        Write("state-2019", "family: state\neffective: { from: 2019-01-01, until: 2022-12-31 }", Rule("holds-banned", "detainer.warrant != judicial", "delay_release: forbidden"));
        Write("state", "family: state\neffective: { from: 2023-01-01 }", Rule("notice-banned", "person.foreign_born", "notify_ice: forbidden"));
        Write("county", "bound_by: [state]", Rule("holds-for-felonies", "any charge(level = felony)", "delay_release: { value: required, limit: h48 }"));
        Write("city", "bound_by: [state]\neffective: { from: 2015-01-01 }", Rule("notice-on-detainer", "detainer.form = I-247A", "notify_ice: { value: required, at: [release] }"));
        Write("town", "bound_by: [state]\neffective: { from: 2015-01-01 }", Rule("holds-on-detainer", "detainer", "delay_release: { value: required, limit: clock48 }"));
        Write("village", "bound_by: [county]", Rule("notice-for-felonies", "any charge(level = felony)", "notify_ice: { value: permitted, at: [release] }"));
        Write("metro", "bound_by: [county, state]", Rule("access", "\"true\"", "ice_jail_access: permitted"));
        _catalog = new PolicyCatalog([_dir]);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void On_PoliciesBoundByOneAuthorityOnOneDay_ShareTheAuthorityCompiledAlone()
    {
        var policies = new DatedPolicies<IPolicyEvaluator>(_catalog, Engines.Composer(engine));

        // The cities first, so the state is first compiled as their authority, then asked for alone.
        var city = policies.On(_catalog.Load("city"), In2024);
        var town = policies.On(_catalog.Load("town"), In2024);
        var metro = policies.On(_catalog.Load("metro"), In2024);
        var state = policies.On(_catalog.Load("state"), In2024);
        var county = policies.On(_catalog.Load("county"), In2024);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(city.Authorities.Single(), Is.SameAs(state));
            Assert.That(town.Authorities.Single(), Is.SameAs(state));
            Assert.That(metro.Authorities, Is.EqualTo(new[] { county, state }).Using<IPolicyEvaluator>(ReferenceEquals));
            Assert.That(county.Authorities.Single(), Is.SameAs(state), "an authority's own authority, too");
            Assert.That(policies.Count, Is.EqualTo(5), "city, town, metro, the state and the county, each compiled once");
        }
    }

    [Test]
    public void On_AnotherAuthorityOrAnotherVersion_AnotherObject()
    {
        var policies = new DatedPolicies<IPolicyEvaluator>(_catalog, Engines.Composer(engine));
        var city = _catalog.Load("city");

        var under2019Act = policies.On(city, In2020).Authorities.Single();
        var under2023Act = policies.On(city, In2024).Authorities.Single();
        var county = policies.On(_catalog.Load("village"), In2024).Authorities.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(under2019Act.Policy.Id, Is.EqualTo("state-2019"));
            Assert.That(under2023Act.Policy.Id, Is.EqualTo("state"));
            Assert.That(under2019Act, Is.Not.SameAs(under2023Act));
            Assert.That(county.Policy.Id, Is.EqualTo("county"));
            Assert.That(county, Is.Not.SameAs(under2023Act));
            Assert.That(policies.On(_catalog.Load("state-2019"), In2020), Is.SameAs(under2019Act), "the act in force that day, alone");
        }
    }

    [Test]
    public void On_NoVersionInForce_EachPolicyItsOwnAbsentLayer()
    {
        var policies = new DatedPolicies<IPolicyEvaluator>(_catalog, Engines.Composer(engine));
        var before = new DateOnly(2016, 6, 1);

        var city = policies.On(_catalog.Load("city"), before).Authorities.Single();
        var town = policies.On(_catalog.Load("town"), before).Authorities.Single();

        // The reason an absent layer gives names the policy bound by it, so one policy's is never another's.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(city, Is.Not.SameAs(town));
            Assert.That(city.Policy.Absent, Does.Contain("which city is bound by"));
            Assert.That(town.Policy.Absent, Does.Contain("which town is bound by"));
        }
    }

    [Test]
    public void On_ManyThreadsAtOnce_OneObjectPerAuthorityAndDay()
    {
        var policies = new DatedPolicies<IPolicyEvaluator>(_catalog, Engines.Composer(engine));
        string[] ids = ["city", "town", "metro", "state", "village", "county"];
        var loaded = ids.Select(_catalog.Load).ToArray();
        var composed = new IPolicyEvaluator[120];

        Parallel.For(0, composed.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => composed[i] = policies.On(loaded[i % ids.Length], In2024));

        var state = policies.On(_catalog.Load("state"), In2024);
        var county = policies.On(_catalog.Load("county"), In2024);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(composed.SelectMany(c => c.Authorities).Where(a => a.Policy.Id == "state"), Is.All.SameAs(state));
            Assert.That(composed.SelectMany(c => c.Authorities).Where(a => a.Policy.Id == "county"), Is.All.SameAs(county));
            Assert.That(composed.Distinct().Count(), Is.EqualTo(ids.Length));
        }
    }

    [TestCase("city")]
    [TestCase("town")]
    [TestCase("village")]
    [TestCase("metro")]
    public void On_SharedAuthorities_AnswerAsThePolicyCompiledWhole(string id)
    {
        var policies = new DatedPolicies<IPolicyEvaluator>(_catalog, Engines.Composer(engine));
        var policy = _catalog.Load(id);
        foreach (var day in new[] { In2020, In2024 })
        {
            // Every policy compiled first, so the one under test takes its authorities from the map.
            foreach (var other in new[] { "city", "town", "village", "metro", "state", "county" })
            {
                _ = policies.On(_catalog.Load(other), day);
            }

            var shared = policies.On(policy, day);
            var whole = Engines.Compile(engine, policy, AuthoritiesInForce.On(_catalog, day).Authority);
            foreach (var scenario in RandomScenarios.Generate(seed: 18, count: 150))
            {
                Assert.That(Json(Engines.Evaluate(shared, scenario)), Is.EqualTo(Json(Engines.Evaluate(whole, scenario))), $"{id} on {day:yyyy-MM-dd}, scenario {scenario.Id}");
            }
        }
    }

    /// <summary>The verdict's JSON, then its own verdict's and each authority's, so every layer is compared.</summary>
    private static string Json(Model.Decisions.Verdict verdict) => verdict.AuthorityVerdicts.Count == 0
        ? JsonReport.ToJson(verdict)
        : JsonReport.ToJson(verdict) + "\nown: " + JsonReport.ToJson(verdict.Own) + string.Concat(verdict.AuthorityVerdicts.Select(a => "\nauthority: " + Json(a)));

    private void Write(string id, string extra, string rules) =>
        File.WriteAllText(Path.Combine(_dir, id + ".yaml"), PolicyTemplate.Yaml(id, "Policy " + id, rules, extra));

    private static string Rule(string id, string when, string then) => $"""
          - id: {id}
            when: {when}
            then: {"{"} {then} {"}"}
            because: the text says so
            cite: src
        """;
}
