using System.Text.RegularExpressions;
using DetainerRules.Engine;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;

namespace DetainerRules.Tests.Differential;

/// <summary>
/// The differential tests prove only as much as their inputs reach: these check that the policies
/// generated for a run use every construct of the policy language, every field and every operator
/// it allows, every kind of time zone, and that the random scenarios meet the quantifiers' edge
/// cases and write their times in many offsets, near midnight and near daylight-saving changes.
/// </summary>
[TestFixture]
public class GeneratorCoverageTests
{
    private static readonly Lazy<IReadOnlyList<Generated>> Run = new(() =>
        [.. DifferentialRun.Seeds().Select(c => (int)c.Arguments[0]!).Select(Generated.Of)]);

    /// <summary>Which operators a field of each kind accepts, as the binder checks them.</summary>
    private static readonly Dictionary<FieldKind, TestOperator[]> Accepted = new()
    {
        [FieldKind.Flag] = [TestOperator.IsTrue, TestOperator.In, TestOperator.NotIn],
        [FieldKind.OptionalFlag] = [TestOperator.IsTrue, TestOperator.In, TestOperator.NotIn, TestOperator.IsKnown, TestOperator.IsNotKnown],
        [FieldKind.Choice] = [TestOperator.In, TestOperator.NotIn],
        [FieldKind.OptionalChoice] = [TestOperator.In, TestOperator.NotIn, TestOperator.IsKnown, TestOperator.IsNotKnown],
        [FieldKind.OrderedChoice] = [TestOperator.In, TestOperator.NotIn, TestOperator.Less, TestOperator.LessOrEqual, TestOperator.Greater, TestOperator.GreaterOrEqual],
        [FieldKind.Set] = [TestOperator.Has],
        [FieldKind.Text] = [TestOperator.In, TestOperator.NotIn],
        [FieldKind.OptionalText] = [TestOperator.In, TestOperator.NotIn, TestOperator.IsKnown, TestOperator.IsNotKnown],
    };

    private static IEnumerable<Condition> Parts => Run.Value.SelectMany(g => g.Policies).SelectMany(p => p.Rules).SelectMany(r => r.When.DescendantsAndSelf());

    private static IEnumerable<string> Files => Run.Value.SelectMany(g => g.Set.Files).Select(f => f.Text);

    private static Field[] AllFields() => Enum.GetValues<Field>();

    private static FieldKind[] AllKinds() => Enum.GetValues<FieldKind>();

    [Test]
    public void Generate_SameSeed_SameFiles()
    {
        var first = PolicyGenerator.Generate(7).ToString();
        var again = PolicyGenerator.Generate(7).ToString();
        var other = PolicyGenerator.Generate(8).ToString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        }
    }

    [TestCaseSource(nameof(AllFields))]
    public void Generate_EveryField_IsReadWithEveryOperatorItAccepts(Field field)
    {
        var kind = FieldCatalog.Get(field).Kind;
        var tests = Parts.OfType<FieldTest>().Where(t => t.Field == field).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tests.Select(t => t.Operator).Distinct(), Is.SupersetOf(Accepted[kind]));
            foreach (var op in new[] { TestOperator.In, TestOperator.NotIn }.Where(Accepted[kind].Contains))
            {
                Assert.That(tests.Where(t => t.Operator == op).Select(t => t.Operands.Count > 1).Distinct(), Is.EquivalentTo(new[] { false, true }), $"{op}: written both with one value (= or !=) and with a list");
            }
        }
    }

    [TestCaseSource(nameof(AllKinds))]
    public void Accepted_EveryFieldKind_IsListed(FieldKind kind) =>
        Assert.That(Accepted.GetValueOrDefault(kind), Is.Not.Null.And.Not.Empty, "a new kind of field: list the operators it accepts");

    [Test]
    public void Generate_Quantifiers_EveryQuantifierOverBothListsInsideAndOrNot()
    {
        var quantified = Parents().Where(p => p.Part is Quantified).ToList();

        using (Assert.EnterMultipleScope())
        {
            foreach (var quantifier in Enum.GetValues<Quantifier>())
            {
                foreach (var list in Enum.GetValues<OffenseList>())
                {
                    var these = quantified.Where(p => ((Quantified)p.Part).Quantifier == quantifier && ((Quantified)p.Part).List == list).ToList();
                    Assert.That(these.Select(p => p.Parent?.GetType().Name ?? "top"), Is.SupersetOf(new[] { "top", nameof(AllOf), nameof(AnyOf), nameof(Negation) }), $"{quantifier} {list}");
                    Assert.That(these.Select(p => ((Quantified)p.Part).Inner).Count(i => i is Constant), Is.Positive, $"{quantifier} {list} written bare");
                    Assert.That(these.Select(p => ((Quantified)p.Part).Inner).Count(i => i is AllOf or AnyOf or Negation), Is.Positive, $"{quantifier} {list} over a compound condition");
                }
            }
        }
    }

    [Test]
    public void Generate_LookBacks_NamedConditionsAndDecisionReads()
    {
        var decisionTests = Parts.OfType<DecisionTest>().ToList();
        var inside = Parts.OfType<Quantified>().SelectMany(q => q.Inner.DescendantsAndSelf()).ToList();
        var named = Parts.OfType<NamedConditionUse>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Parts.OfType<WithinYears>().Select(w => w.FromRelease).Distinct(), Is.EquivalentTo(new[] { false, true }));
            Assert.That(named, Is.Not.Empty);
            Assert.That(named.Where(n => n.Body.DescendantsAndSelf().Skip(1).OfType<NamedConditionUse>().Any()), Is.Not.Empty, "a named condition built on another");
            Assert.That(inside.OfType<NamedConditionUse>(), Is.Not.Empty, "a named condition inside a quantifier");
            Assert.That(decisionTests.Select(t => (t.Negated, t.Values.Count > 1)).Distinct(), Is.EquivalentTo(new[] { (false, false), (false, true), (true, false), (true, true) }), "= != in, not in");
            Assert.That(decisionTests.Select(t => t.Decision).Distinct(), Is.EquivalentTo(Enum.GetValues<DecisionKind>()), "every decision read");
            Assert.That(inside.OfType<DecisionTest>(), Is.Not.Empty, "a decision read inside a quantifier");
            Assert.That(inside.OfType<FieldTest>().Where(t => FieldCatalog.Get(t.Field).Scope == FieldScope.Scenario), Is.Not.Empty, "a scenario field inside a quantifier");
            Assert.That(Parts.OfType<Constant>().Select(c => c.Value).Distinct(), Is.EquivalentTo(new[] { true, false }));
        }
    }

    /// <summary>Each spelling the generator must write, by what it is: a test's name holding the pattern itself (unbalanced parentheses, escaped quotes) sends NUnit's filter parser into an endless loop when Stryker's runner names the tests to run, and a renamed case cannot be asked for again by that runner.</summary>
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["a named list"] = @"category in list_\d",
        ["not in a named list"] = @"category not in list_\d",
        ["an inline list"] = @"category in \[(\w+, ){2,}",
        ["double equals"] = @"== ",
        ["one year in the singular"] = @"within 1 year\b",
        ["a quantifier over charges"] = @"(any|no|every) charges\(",
        ["a quantifier over convictions"] = @"(any|no|every) convictions\(",
        ["an empty quoted text"] = @"statute = ''",
        ["a double-quoted text"] = @"offense != """,
        ["a quote inside a text"] = @"it''s complicated",
    };

    private static string[] SpellingNames() => [.. Spellings.Keys];

    [TestCaseSource(nameof(SpellingNames))]
    public void Generate_Spellings_AllWritten(string spelling) =>
        Assert.That(Files.Any(f => Regex.IsMatch(f, Spellings[spelling])), Is.True, Spellings[spelling]);

    [TestCase("replace_rules:")]
    [TestCase("remove_rules:")]
    [TestCase("replace_conditions:")]
    [TestCase("replace_limits:")]
    [TestCase("replace_offense_lists:")]
    [TestCase("\ndefaults:")]
    [TestCase("\nrules:")]
    [TestCase("\nconditions:")]
    [TestCase("\noffense_lists:")]
    [TestCase("\nlimits:")]
    [TestCase("\nsources:")]
    [TestCase("\nbound_by:")]
    public void Generate_Variants_AmendEverySection(string key) =>
        Assert.That(Files.Where(f => f.Contains("\nextends:", StringComparison.Ordinal)).Any(f => f.Contains(key, StringComparison.Ordinal)), Is.True, key);

    [Test]
    public void Generate_Layers_ChainsOfVariantsAndOfAuthorities()
    {
        var roots = Run.Value.Select(g => g.Policies[0]).ToList();
        var authorities = Run.Value.SelectMany(g => g.Policies.Skip(1)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(roots.Select(p => p.Lineage.Count).Distinct(), Is.SupersetOf(new[] { 1, 2, 3 }));
            Assert.That(roots.Select(p => p.BoundBy.Count).Distinct(), Is.SupersetOf(new[] { 0, 1, 2 }));
            Assert.That(authorities.Where(a => a.BoundBy.Count > 0), Is.Not.Empty, "an authority bound by another");
            Assert.That(authorities.Where(a => a.Lineage.Count > 1), Is.Not.Empty, "an authority that is a variant");
        }
    }

    [Test]
    public void Generate_TimeZones_NoneLocalAndEveryZoneOnPoliciesVariantsAndAuthorities()
    {
        var policies = Run.Value.SelectMany(g => g.Policies).ToList();
        var names = policies.Select(p => p.Time.Name).ToList();
        var placed = Run.Value.Select(g => GeneratedPolicy.For(g.Seed).Bookings?.ZoneId).OfType<string>().ToList();
        TestContext.Out.WriteLine($"{policies.Count} policies: {string.Join(", ", names.GroupBy(n => n ?? "no time_zone").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}; {placed.Count} of {Run.Value.Count} sets also placed, in {placed.Distinct().Count()} zones");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names.Distinct(), Is.SupersetOf(new string?[] { null, JurisdictionTime.LocalName }.Concat(PolicyGenerator.Zones)), "no zone, `local`, and every zone the generator names");
            Assert.That(Run.Value.Select(g => g.Policies[0].Time.Name).Distinct(), Is.SupersetOf(new string?[] { null, JurisdictionTime.LocalName }), "a root policy with no zone and one that is `local`");
            Assert.That(Run.Value.Select(g => g.Policies[0].Time.ZoneId).OfType<string>().Distinct().Count(), Is.GreaterThanOrEqualTo(4), "root policies in named zones");
            Assert.That(Files.Where(f => f.Contains("\nextends:", StringComparison.Ordinal)).Any(f => f.Contains("\ntime_zone:", StringComparison.Ordinal)), Is.True, "a variant that names its own zone");
            Assert.That(Run.Value.Where(g => g.Policies.Select(p => p.Time).Distinct().Count() > 1), Is.Not.Empty, "a policy and an authority judged in different calendars");
            Assert.That(policies.Where(p => p.Rules.Any(r => r.When.DescendantsAndSelf().OfType<WithinYears>().Any())).Select(p => p.Time.Name).Distinct().Count(), Is.GreaterThanOrEqualTo(5), "look-backs judged in several calendars");
            Assert.That(placed.Distinct().Count(), Is.GreaterThanOrEqualTo(3), "sets whose policies that name no zone are also placed where the bookings are (--timezone)");
        }
    }

    [Test]
    public void RandomScenarios_AimedAtGeneratedPolicies_TimesInManyOffsetsNearMidnightAndDaylightSavingChanges()
    {
        var scenarios = Run.Value.SelectMany(g => RandomScenarios.Generate(g.Seed, DifferentialRun.RandomScenarioCount, g.Palette)).ToList();
        var times = scenarios.SelectMany(s => new[] { s.BookedAt, s.Detainer?.ReceivedAt, s.Custody.ReleaseEligibleAt }).OfType<DateTimeOffset>().ToList();
        var zones = PolicyGenerator.Zones.Select(z => JurisdictionTime.Find(z)!).ToList();
        bool NearChange(DateTimeOffset t) => zones.Any(z => z.LocalTime(t.AddHours(-3)).Offset != z.LocalTime(t.AddHours(3)).Offset);
        var bookedNearChange = scenarios.Count(s => NearChange(s.BookedAt));
        var releasedNearChange = scenarios.Count(s => s.Custody.ReleaseEligibleAt is { } r && NearChange(r));
        var dayDiffers = scenarios.Count(s => zones.Any(z => z.DayOf(s.BookedAt) != s.BookedOn));
        var writtenApart = scenarios.Count(s => s.Custody.ReleaseEligibleAt is { } r && r.Offset != s.BookedAt.Offset);
        TestContext.Out.WriteLine($"{scenarios.Count} scenarios: {times.Select(t => t.Offset).Distinct().Count()} offsets; booked within 3 hours of a daylight-saving change {bookedNearChange}, released so {releasedNearChange}; booking day as written not the day in some zone {dayDiffers}; release in another offset than the booking {writtenApart}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(times.Select(t => t.Offset).Distinct().Count(), Is.GreaterThanOrEqualTo(30), "offsets from -12:00 to +14:00");
            Assert.That(times.Select(t => Math.Abs(t.Offset.Minutes)).Distinct(), Is.SupersetOf(new[] { 0, 30, 45 }), "whole, half and quarter hours");
            Assert.That(bookedNearChange, Is.GreaterThanOrEqualTo(scenarios.Count / 10), "bookings near a daylight-saving change");
            Assert.That(releasedNearChange, Is.GreaterThanOrEqualTo(scenarios.Count / 10), "releases near a daylight-saving change, where a hold's end moves with the offset");
            Assert.That(dayDiffers, Is.GreaterThanOrEqualTo(scenarios.Count / 4), "bookings whose day as written is not the day in a zone the policies name");
            Assert.That(writtenApart, Is.GreaterThanOrEqualTo(scenarios.Count / 10), "a release written in another offset than its booking");
        }
    }

    [Test]
    public void Generate_Limits_HoursWithAndWithoutExcludedDaysAndDescriptions()
    {
        var limits = Run.Value.SelectMany(g => g.Policies).SelectMany(p => p.Rules.SelectMany(r => r.Then).Concat(p.Defaults.Values.Select(d => d.Effect)))
            .Select(e => e.Limit).OfType<HoldLimit>().ToList();

        Assert.That(
            limits.Select(l => (l.Hours is null, l.ExcludesWeekends, l.ExcludesFederalHolidays)).Distinct(),
            Is.SupersetOf(new[] { (true, false, false), (false, false, false), (false, true, false), (false, false, true), (false, true, true) }));
    }

    [Test]
    public void Evaluate_GeneratedPolicies_ConflictsOverridesDefaultsAndLayerDisagreements()
    {
        var decisions = new List<Decision>();
        var disagreements = 0;
        foreach (var generated in Run.Value)
        {
            foreach (var scenario in RandomScenarios.Generate(generated.Seed, 30, generated.Palette))
            {
                var verdict = generated.Delegates.Evaluate(scenario);
                decisions.AddRange(verdict.Decisions);
                disagreements += verdict.Disagreements.Count;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decisions.Count(d => d.IsConflict), Is.Positive, "rules of equal priority that disagree");
            Assert.That(decisions.Count(d => d.Overridden.Count > 0), Is.Positive, "rules that lose to a higher priority");
            Assert.That(decisions.Count(d => d.Deciding.Count > 1), Is.Positive, "rules that agree");
            Assert.That(decisions.Count(d => d.Default is not null), Is.Positive, "defaults");
            Assert.That(decisions.Select(d => d.Value).Distinct(), Is.EquivalentTo(Enum.GetValues<Modality>()));
            Assert.That(disagreements, Is.Positive, "a policy and an authority that disagree");
        }
    }

    [TestCase(Quantifier.Every, OffenseList.Convictions, "empty", "all pass", "none pass", "some pass")]
    [TestCase(Quantifier.No, OffenseList.Convictions, "empty", "all pass", "none pass", "some pass")]
    [TestCase(Quantifier.Any, OffenseList.Convictions, "empty", "all pass", "none pass", "some pass")]
    [TestCase(Quantifier.Every, OffenseList.Charges, "all pass", "none pass", "some pass")]
    [TestCase(Quantifier.No, OffenseList.Charges, "all pass", "none pass", "some pass")]
    public void RandomScenarios_AimedAtGeneratedPolicies_MeetEachQuantifiersEdgeCases(Quantifier quantifier, OffenseList list, params string[] situations)
    {
        var met = new Dictionary<string, int>(StringComparer.Ordinal);
        var bothWays = 0;
        var nodes = 0;
        foreach (var generated in Run.Value)
        {
            var scenarios = RandomScenarios.Generate(generated.Seed, DifferentialRun.RandomScenarioCount, generated.Palette);
            foreach (var node in generated.Policies.SelectMany(p => p.Rules).SelectMany(r => r.When.DescendantsAndSelf()).OfType<Quantified>()
                .Where(q => q.Quantifier == quantifier && q.List == list && q.Inner is not Constant).Distinct())
            {
                var passes = Inner(node);
                var seen = scenarios.Select(s => Situation(passes(s))).ToHashSet(StringComparer.Ordinal);
                foreach (var situation in seen)
                {
                    met[situation] = met.GetValueOrDefault(situation) + 1;
                }

                nodes++;
                bothWays += seen.Contains("all pass") && seen.Contains("none pass") ? 1 : 0;
            }
        }

        TestContext.Out.WriteLine($"{quantifier} {list}: {nodes} tests; {string.Join(", ", met.Select(m => $"{m.Key} in {m.Value}"))}; all and none both met in {bothWays}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(met.Keys, Is.SupersetOf(situations));
            Assert.That(bothWays, Is.GreaterThanOrEqualTo(nodes * 3 / 4), "most tests meet a list where every element passes and one where none does");
        }
    }

    /// <summary>Whether each element of the quantified list passes the inner condition (decisions read as unknown).</summary>
    private static Func<Scenario, List<bool>> Inner(Quantified node)
    {
        var decisions = new Modality[Enum.GetValues<DecisionKind>().Length];
        if (node.List == OffenseList.Charges)
        {
            var charge = ConditionDelegates.CompileForCharge(node.Inner);
            return s => [.. s.Charges.Select(c => charge(s, decisions, c))];
        }

        var conviction = ConditionDelegates.CompileForConviction(node.Inner);
        return s => [.. s.Convictions.Select(c => conviction(s, decisions, c))];
    }

    private static string Situation(List<bool> passes) =>
        passes.Count == 0 ? "empty" : passes.All(p => p) ? "all pass" : passes.Any(p => p) ? "some pass" : "none pass";

    private static IEnumerable<(Condition Part, Condition? Parent)> Parents()
    {
        IEnumerable<(Condition, Condition?)> Walk(Condition part, Condition? parent) =>
            new[] { (part, parent) }.Concat(part.Children.SelectMany(c => Walk(c, part is NamedConditionUse ? parent : part)));
        return Run.Value.SelectMany(g => g.Policies).SelectMany(p => p.Rules).SelectMany(r => Walk(r.When, null));
    }

    /// <summary>A generated set, loaded: the policy and every authority, the root first.</summary>
    private sealed record Generated(int Seed, GeneratedPolicySet Set, IReadOnlyList<Policy> Policies, DelegatePolicy Delegates, ScenarioPalette Palette)
    {
        public static Generated Of(int seed)
        {
            var loaded = GeneratedPolicy.For(seed);
            return new Generated(seed, loaded.Set, [.. GeneratedPolicy.Layers(loaded.Delegates).Select(p => p.Policy)], loaded.Delegates, loaded.Palette);
        }
    }
}
