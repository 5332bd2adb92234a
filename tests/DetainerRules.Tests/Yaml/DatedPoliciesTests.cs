using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;
using DetainerRules.Yaml;

namespace DetainerRules.Tests.Yaml;

/// <summary>
/// <see cref="DatedPolicies{T}"/> compiles each composition (a policy and its authorities' versions in
/// force, where the bookings are) once, from any number of threads, and never mixes two. Written on a
/// fixture: a state family (2019 act, 2023 act) and two cities bound by it, one in Chicago's zone and
/// one judging its days where the bookings are (<c>time_zone: local</c>). The compiler handed in only
/// counts and records what it was given, so the tests see every compilation.
/// </summary>
[TestFixture]
public class DatedPoliciesTests
{
    private string _dir = null!;
    private PolicyCatalog _catalog = null!;

    [OneTimeSetUp]
    public void WriteFiles()
    {
        _dir = Directory.CreateTempSubdirectory("detainer-dated-policies-").FullName;
        File.WriteAllText(Path.Combine(_dir, "state-2019.yaml"), State("state-2019", "family: state\ntime_zone: America/Chicago\neffective: { from: 2019-01-01, until: 2022-12-31 }"));
        File.WriteAllText(Path.Combine(_dir, "state.yaml"), State("state", "family: state\ntime_zone: America/Chicago\neffective: { from: 2023-01-01 }"));
        File.WriteAllText(Path.Combine(_dir, "city.yaml"), State("city", "bound_by: [state]\ntime_zone: America/Chicago\neffective: { from: 2015-01-01 }"));
        File.WriteAllText(Path.Combine(_dir, "local-city.yaml"), State("local-city", "bound_by: [state]\ntime_zone: local\neffective: { from: 2015-01-01 }"));
        _catalog = new PolicyCatalog([_dir]);
    }

    [OneTimeTearDown]
    public void RemoveFiles() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void At_TwoBookingsUnderTheSameAuthority_CompiledOnce()
    {
        var counter = new Counter();
        var policies = new DatedPolicies<Composition>(_catalog, counter.Compile);
        var city = _catalog.Load("city");

        var first = policies.At(city, Booked("2020-06-03T10:00:00-05:00"));
        var second = policies.At(city, Booked("2021-11-30T23:00:00-06:00"));
        var third = policies.On(city, new DateOnly(2022, 2, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(third, Is.SameAs(first));
            Assert.That(counter.Count, Is.EqualTo(1));
            Assert.That(policies.Count, Is.EqualTo(1));
            Assert.That(first.Authority, Is.EqualTo("state-2019"));
        }
    }

    [Test]
    public void At_TwoDaysUnderDifferentVersionsOfTheAuthority_TwoCompositions()
    {
        var counter = new Counter();
        var policies = new DatedPolicies<Composition>(_catalog, counter.Compile);
        var city = _catalog.Load("city");

        // An hour apart, either side of midnight in Chicago, where the state judges its days: the 2019 act's last day, the 2023 act's first.
        var before = policies.At(city, Booked("2022-12-31T23:30:00-06:00"));
        var after = policies.At(city, Booked("2023-01-01T00:30:00-06:00"));
        var absent = policies.At(city, Booked("2016-06-01T10:00:00-05:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Authority, Is.EqualTo("state-2019"));
            Assert.That(after.Authority, Is.EqualTo("state"));
            Assert.That(absent.Authority, Does.StartWith("state: not in force"));
            Assert.That(counter.Count, Is.EqualTo(3));
            Assert.That(policies.Count, Is.EqualTo(3));
        }
    }

    /// <summary>An absent layer names the day it was missing on, so two days without a version in force are two compositions, each naming its own day: shared, the second booking's answer would name the first's day, and which day came first would depend on scheduling.</summary>
    [Test]
    public void At_TwoDaysWithNoVersionInForce_EachNamesItsOwnDay()
    {
        var counter = new Counter();
        var policies = new DatedPolicies<Composition>(_catalog, counter.Compile);
        var city = _catalog.Load("city");

        var march = policies.At(city, Booked("2016-03-01T10:00:00-06:00"));
        var june = policies.At(city, Booked("2016-06-01T10:00:00-05:00"));
        var juneAgain = policies.At(city, Booked("2016-06-01T18:00:00-05:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(march.Authority, Is.EqualTo("state: not in force on 2016-03-01"));
            Assert.That(june.Authority, Is.EqualTo("state: not in force on 2016-06-01"));
            Assert.That(juneAgain, Is.SameAs(june));
            Assert.That(counter.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public void At_LocalPolicyInTwoZones_EachZoneItsOwnComposition()
    {
        var counter = new Counter();
        var la = new DatedPolicies<Composition>(_catalog, counter.Compile, JurisdictionTime.Find("America/Los_Angeles"));
        var ny = new DatedPolicies<Composition>(_catalog, counter.Compile, JurisdictionTime.Find("America/New_York"));
        var city = _catalog.Load("local-city");

        // 06:00 UTC on New Year's Day 2023: still 2022 in Los Angeles, already 2023 in New York; the state itself judges in Chicago (midnight there), so it is the same act.
        var instant = Booked("2023-01-01T06:00:00Z");
        var west = la.At(city, instant);
        var east = ny.At(city, instant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(west, Is.Not.SameAs(east));
            Assert.That(west.Bookings, Is.EqualTo("America/Los_Angeles"));
            Assert.That(east.Bookings, Is.EqualTo("America/New_York"));
            Assert.That(counter.Count, Is.EqualTo(2));
            Assert.That(la.At(city, instant), Is.SameAs(west));
            Assert.That(counter.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public void At_ManyThreadsAtOnce_EachCompositionCompiledOnce()
    {
        var counter = new Counter(slow: true);
        var policies = new DatedPolicies<Composition>(_catalog, counter.Compile);
        var city = _catalog.Load("city");
        string[] days = ["2016-06-01", "2020-06-03", "2024-06-05", "2021-01-01", "2025-03-03"];
        var seen = new System.Collections.Concurrent.ConcurrentBag<Composition>();

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            seen.Add(policies.At(city, Booked(days[i % days.Length] + "T10:00:00-05:00"))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.Count, Is.EqualTo(3), "before the state law, the 2019 act, the 2023 act");
            Assert.That(policies.Count, Is.EqualTo(3));
            Assert.That(seen.Distinct().Count(), Is.EqualTo(3));
        }
    }

    [Test]
    public void PerBooking_AnyInstant_TheSameCompositionAsLookingItUp()
    {
        var counter = new Counter();
        var policies = new DatedPolicies<Composition>(_catalog, counter.Compile, JurisdictionTime.Find("America/Los_Angeles"));
        var choice = PolicyChoice.Resolve(_catalog, "local-city");
        var perBooking = policies.PerBooking(choice);

        // Every half hour across the turn of 2023, twice over in different offsets, so remembered days are asked again.
        var start = Booked("2022-12-31T00:00:00Z");
        var instants = Enumerable.Range(0, 96).Select(i => start.AddMinutes(30 * i)).ToList();
        var remembered = instants.Concat(instants.Select(t => t.ToOffset(TimeSpan.FromHours(9)))).Select(perBooking).ToList();
        var lookedUp = instants.Concat(instants).Select(t => policies.At(choice.On(t, policies.Bookings), t)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(remembered, Is.EqualTo(lookedUp).Using<Composition>(ReferenceEquals));
            Assert.That(remembered.Select(c => c.Authority).Distinct(), Is.EquivalentTo(new[] { "state-2019", "state" }));
            Assert.That(counter.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public void PerBooking_NoVersionInForce_FailsEveryTime()
    {
        var policies = new DatedPolicies<Composition>(_catalog, new Counter().Compile);
        var perBooking = policies.PerBooking(PolicyChoice.Resolve(_catalog, "state"));
        var booked = Booked("2016-06-01T10:00:00-05:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => perBooking(booked), Throws.TypeOf<InvalidInputException>());
            Assert.That(() => perBooking(booked), Throws.TypeOf<InvalidInputException>());
            Assert.That(perBooking(Booked("2020-06-03T10:00:00-05:00")).Policy, Is.EqualTo("state-2019"));
        }
    }

    private static DateTimeOffset Booked(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string State(string id, string extra) => TestSupport.PolicyTemplate.Yaml(id, "Policy " + id, """
          - id: detainer-notice
            when: detainer.form = I-247A
            then: { notify_ice: { value: required, at: [release] } }
            because: the act says so
            cite: src
        """, extra);

    /// <summary>What the compiler was given: the policy, the authority its <c>bound_by</c> resolved to (the absent layer's title when none was in force), and where the bookings are.</summary>
    private sealed record Composition(string Policy, string? Authority, string? Bookings);

    private sealed class Counter(bool slow = false)
    {
        private int _count;

        public int Count => _count;

        public Composition Compile(Policy policy, Func<Policy, string, Policy> resolveAuthority, Func<Policy, Composition> composedAuthority, JurisdictionTime? bookings)
        {
            Interlocked.Increment(ref _count);
            if (slow)
            {
                // Long enough that threads asking for the same key arrive while it is being compiled.
                Thread.Sleep(50);
            }

            var authority = policy.BoundBy.Count == 0 ? null : resolveAuthority(policy, policy.BoundBy[0]);
            return new Composition(policy.Id, authority?.Title.Contains("not in force", StringComparison.Ordinal) == true ? authority.Title : authority?.Id, bookings?.ZoneId);
        }
    }
}
