using System.Collections;
using DetainerRules.Analysis.Space;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using DetainerRules.Reports;
using DetainerRules.Tests.Support;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Tests.Domain;

/// <summary>
/// The field table (<see cref="FieldCatalog"/>) holds every member of <see cref="Field"/> to a complete
/// descriptor, and every consumer to it: each value of each field survives the scenario writers and
/// loaders (JSON, YAML, CSV), both engines read it as the table says, explanations print it, and the
/// scenario space and the file format know it by the table's name.
/// </summary>
[TestFixture]
public class FieldTableTests
{
    private static readonly string[] TextSamples = ["robbery", "assault, with \"quotes\" and 'apostrophes'"];

    public static IEnumerable<TestCaseData> Fields() => Enum.GetValues<Field>().Select(f => new TestCaseData(f).SetArgDisplayNames(f.ToString()));

    /// <summary>The fields read on the scenario; offense fields are facets of the charges and convictions dimensions.</summary>
    public static IEnumerable<TestCaseData> ScenarioFields() => Enum.GetValues<Field>()
        .Where(f => FieldCatalog.Get(f).Scope == FieldScope.Scenario)
        .Select(f => new TestCaseData(f).SetArgDisplayNames(f.ToString()));

    private static Scenario Base => TestScenarios.Parse("""
        booked_at: 2025-01-17T09:30:00-08:00
        person: { foreign_born: true, citizenship: noncitizen }
        charges:
          - { offense: burglary, level: felony, category: burglary }
        convictions:
          - { offense: theft, statute: PC 484, level: misdemeanor, category: theft, convicted_on: 2019-05-01 }
        """, "base");

    /// <summary>Every value a field can take, missing included where it can be missing; text by samples.</summary>
    private static List<object?> Domain(FieldInfo field)
    {
        List<object?> Members() => [.. Enum.GetValues(field.ValueType!).Cast<object?>()];
        return field.Kind switch
        {
            FieldKind.Flag => [false, true],
            FieldKind.OptionalFlag => [true, false, null],
            FieldKind.Choice or FieldKind.OrderedChoice => Members(),
            FieldKind.OptionalChoice => [.. Members(), null],
            FieldKind.Set => [new HashSet<FederalRequest>(), .. Enum.GetValues<FederalRequest>().Select(r => new HashSet<FederalRequest> { r }), Enum.GetValues<FederalRequest>().ToHashSet()],
            FieldKind.Text => [.. TextSamples],
            FieldKind.OptionalText => [.. TextSamples, null],
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "a kind the test does not know"),
        };
    }

    /// <summary>The scenario with the field set to the value: for an offense field, on its charge and its conviction.</summary>
    private static Scenario With(FieldInfo field, Scenario s, object? value) => field.Scope == FieldScope.Scenario
        ? field.WriteScenario!(s, value)
        : new Scenario(s)
        {
            Charges = [.. s.Charges.Select(c => (Charge)field.WriteOffense!(c, value))],
            Convictions = [.. s.Convictions.Select(c => (Conviction)field.WriteOffense!(c, value))],
        };

    /// <summary>What the scenario holds for each field: on its first charge and its first conviction for offense fields.</summary>
    private static List<string> Readings(Scenario s) =>
    [
        .. FieldCatalog.All.Where(f => f.Scope == FieldScope.Scenario).Select(f => $"{f.Name}: {Show(f.Read(s, null))}"),
        .. FieldCatalog.All.Where(f => f.Scope == FieldScope.Offense).SelectMany(f => new[]
        {
            $"charge {f.Name}: {Show(f.Read(s, s.Charges[0]))}",
            $"conviction {f.Name}: {Show(f.Read(s, s.Convictions[0]))}",
        }),
    ];

    private static string Show(object? value) => value switch
    {
        null => "(missing)",
        string text => $"\"{text}\"",
        IEnumerable members => "[" + string.Join(", ", members.Cast<object>().Select(m => m.ToString()).Order(StringComparer.Ordinal)) + "]",
        _ => value.ToString()!,
    };

    [TestCaseSource(nameof(Fields))]
    public void Descriptor_EveryField_IsComplete(Field member)
    {
        var field = FieldCatalog.Get(member);
        var reads = field.Scope == FieldScope.Scenario ? typeof(Scenario) : typeof(IOffense);
        var valueType = field.Kind switch
        {
            FieldKind.Flag => typeof(bool),
            FieldKind.OptionalFlag => typeof(bool?),
            FieldKind.Choice or FieldKind.OrderedChoice or FieldKind.OptionalChoice => field.ValueType,
            FieldKind.Set => typeof(IReadOnlySet<>).MakeGenericType(field.ValueType!),
            FieldKind.Text or FieldKind.OptionalText => typeof(string),
            _ => null,
        };
        var (present, _) = field.Access(System.Linq.Expressions.Expression.Parameter(field.Scope == FieldScope.Scenario ? typeof(Scenario) : typeof(Charge)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FieldCatalog.All.Count(f => f.Field == member), Is.EqualTo(1), "one descriptor");
            Assert.That(FieldCatalog.Find(field.Name), Is.SameAs(field), "found by its name");
            Assert.That(field.Value.Parameters.Single().Type, Is.EqualTo(reads), "the value is read from what the scope says");
            Assert.That(field.Value.ReturnType, Is.EqualTo(valueType), $"a {field.Kind} field's value type");
            Assert.That(field.ValueType is null, Is.EqualTo(field.Kind is FieldKind.Flag or FieldKind.OptionalFlag or FieldKind.Text or FieldKind.OptionalText), "a vocabulary exactly for choices and sets");
            if (field.ValueType is { } vocabulary)
            {
                Assert.That(Vocabulary.Words(vocabulary), Has.Count.EqualTo(Enum.GetValues(vocabulary).Length), "every member has a word");
            }

            Assert.That(present is not null, Is.EqualTo(field.Optional), "a presence test exactly when the value can be missing");
            Assert.That(field.WriteScenario is not null, Is.EqualTo(field.Scope == FieldScope.Scenario), "a scenario field is written on the scenario");
            Assert.That(field.WriteOffense is not null, Is.EqualTo(field.Scope == FieldScope.Offense), "an offense field is written on a charge or conviction");
            Assert.That(field.Description, Is.Not.Empty);
            Assert.That(field.Phrases is null || field.Title is not null, "a dimension of its own has a title");
        }
    }

    [Test]
    public void Phrases_EveryDimension_TitledAndWordedSoCasesCanBeToldApart()
    {
        // A description of cases names each field's title and each value's phrase: an empty or repeated one would make two regions read alike.
        var dimensions = FieldCatalog.All.Where(f => f.Phrases is not null).ToList();

        using (Assert.EnterMultipleScope())
        {
            var titles = FieldCatalog.All.Select(f => f.Title).OfType<string>().ToList();
            Assert.That(titles, Is.Unique.And.All.Not.Empty);
            Assert.That(titles, Has.Count.EqualTo(dimensions.Count + 1), "every dimension's heading, and the detainer's");
            Assert.That(dimensions.SelectMany(f => f.Phrases!.Select(p => p.Phrase)), Is.Unique.And.All.Not.Empty);
        }
    }

    [TestCaseSource(nameof(Fields))]
    public void CsvColumn_EveryField_IsInTheLayout(Field member)
    {
        var field = FieldCatalog.Get(member);
        if (field.Scope == FieldScope.Offense)
        {
            Assert.That(CsvScenarios.ChargeParts.Intersect(CsvScenarios.ConvictionParts), Does.Contain(field.CsvColumn), "a part of both charge and conviction items");
        }
        else if (member == Field.DetainerPresent)
        {
            // Whether there is a detainer is whether the detainer's cells say anything.
            Assert.That(field.CsvColumn, Is.Null);
        }
        else
        {
            Assert.That(CsvScenarios.Columns, Does.Contain(field.CsvColumn));
        }
    }

    [TestCaseSource(nameof(Fields))]
    public void ScenarioFormat_EveryField_HasItsNameAsAPathOfTheKindItHolds(Field member)
    {
        var field = FieldCatalog.Get(member);
        var mapping = field.Scope == FieldScope.Offense ? ScenarioFormat.Charge : ScenarioFormat.Top;
        var path = field.Name.Split('.');
        Shape shape = mapping;
        foreach (var key in path)
        {
            var inner = shape is NullableShape n ? n.Inner : shape;
            Assert.That(inner, Is.InstanceOf<ObjectShape>(), $"`{field.Name}`: a mapping holds `{key}`");
            shape = ((ObjectShape)inner)[key].Shape;
        }

        var held = shape is NullableShape nullable ? nullable.Inner : shape;
        var expected = field.Kind switch
        {
            FieldKind.Flag or FieldKind.OptionalFlag => typeof(FlagShape),
            FieldKind.Choice or FieldKind.OrderedChoice or FieldKind.OptionalChoice => typeof(WordShape),
            FieldKind.Set => typeof(ListShape),
            FieldKind.Text or FieldKind.OptionalText => typeof(TextShape),
            _ => throw new ArgumentOutOfRangeException(nameof(member), field.Kind, "a kind the test does not know"),
        };

        // The detainer is a mapping in the file; the field is whether it is there.
        Assert.That(held, member == Field.DetainerPresent ? Is.InstanceOf<ObjectShape>() : Is.InstanceOf(expected));
        if (held is WordShape words)
        {
            Assert.That(words.Words, Is.EqualTo(Vocabulary.Words(field.ValueType!)));
        }
    }

    [TestCaseSource(nameof(Fields))]
    public void RoundTrip_EveryValue_SurvivesJsonYamlAndCsv(Field member)
    {
        var field = FieldCatalog.Get(member);
        foreach (var value in Domain(field))
        {
            var written = With(field, Base, value);
            var expected = Readings(written);
            var json = ScenarioLoader.Load(ScenarioJson.ToJson(written), "case.json", "case");
            var yaml = ScenarioLoader.Load(ScenarioYaml.Write(written), "case.yaml", "case");
            var csv = CsvScenarios.Read(new StringReader(ScenarioCsv.Header + "\n" + ScenarioCsv.Row(written) + "\n"), "case.csv").Single().Parse();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(expected, Does.Contain($"{(field.Scope == FieldScope.Offense ? "charge " : string.Empty)}{field.Name}: {Show(value)}"), "the write took");
                Assert.That(Readings(json), Is.EqualTo(expected), $"JSON, {field.Name} = {Show(value)}");
                Assert.That(Readings(yaml), Is.EqualTo(expected), $"YAML, {field.Name} = {Show(value)}");
                Assert.That(csv.Errors, Is.Empty, $"CSV, {field.Name} = {Show(value)}");
                Assert.That(csv.Scenario is null ? [] : Readings(csv.Scenario), Is.EqualTo(expected), $"CSV, {field.Name} = {Show(value)}");
            }
        }
    }

    [Test]
    public void Write_EveryFieldInTurn_EachKeepsItsValue()
    {
        // A write that dropped another part of the scenario (a property the copy leaves out) loses an earlier value.
        var s = Base;
        var last = new Dictionary<Field, object?>();
        foreach (var field in FieldCatalog.All)
        {
            var value = Domain(field).Last(v => v is not null && !Equals(v, field.Read(s, field.Scope == FieldScope.Offense ? s.Charges[0] : null)));
            s = With(field, s, value);
            last[field.Field] = value;
        }

        var expected = new List<string>();
        foreach (var field in FieldCatalog.All)
        {
            var value = field.Field == Field.DetainerPresent ? true : last[field.Field];
            expected.Add(field.Scope == FieldScope.Offense ? $"charge {field.Name}: {Show(value)}" : $"{field.Name}: {Show(value)}");
        }

        Assert.That(Readings(s).Where(r => !r.StartsWith("conviction ", StringComparison.Ordinal)), Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(Fields))]
    public void Explanation_EveryValue_SaysTheFieldAndItsValue(Field member)
    {
        var field = FieldCatalog.Get(member);
        foreach (var value in Domain(field))
        {
            var s = With(field, Base, value);
            var text = FieldValue.Describe(member, s, field.Scope == FieldScope.Offense ? s.Charges[0] : null);
            var word = value switch
            {
                null => field.Absent,
                bool b => b ? "true" : "false",
                Enum e => Vocabulary.Word(e),
                string t => $"\"{t}\"",
                IEnumerable<FederalRequest> set => "[" + string.Join(", ", set.Order().Select(r => Vocabulary.Word(r))) + "]",
                _ => throw new ArgumentOutOfRangeException(nameof(member), value, "a value the test does not know"),
            };
            Assert.That(text, Is.EqualTo($"{field.Name} is {word}"));
        }
    }

    [Test]
    public void Explanation_MissingValues_InTheWordsExplanationsUse()
    {
        // Base has a charge without a statute and no detainer; citizenship is left unknown here.
        var s = TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            charges:
              - { offense: burglary, level: felony, category: burglary }
            """, "missing");

        var judicial = TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            charges:
              - { offense: burglary, level: felony, category: burglary }
            detainer: { form: I-247A, warrant: judicial }
            """, "unstated");

        Assert.That(new[]
        {
            FieldValue.Describe(Field.ForeignBorn, s, null),
            FieldValue.Describe(Field.DetainerForm, s, null),
            FieldValue.Describe(Field.DetainerWarrant, s, null),
            FieldValue.Describe(Field.OffenseStatute, s, s.Charges[0]),
            FieldValue.Describe(Field.DetainerWarrantCourt, judicial, null),
            FieldValue.Describe(Field.DetainerWarrantOffense, judicial, null),
        }, Is.EqualTo(new[]
        {
            "person.foreign_born is not known", "detainer.form is not known (no detainer)", "detainer.warrant is not known (no detainer)", "statute is not known",
            "detainer.warrant_court is not stated", "detainer.warrant_offense is not stated",
        }));
    }

    /// <summary>Tests of the field, written as a policy would, each with what it means on a value (the table's reading of the scenario).</summary>
    private static IEnumerable<(string Test, Func<object?, bool> Holds)> Tests(FieldInfo field)
    {
        var name = field.Name;
        if (field.Kind is FieldKind.Flag or FieldKind.OptionalFlag)
        {
            yield return (name, v => v is true);
            yield return ($"{name} = false", v => v is false);
            yield return ($"{name} != true", v => v is not true);
        }

        if (field.Optional)
        {
            yield return ($"{name} is known", v => v is not null);
            yield return ($"{name} is not known", v => v is null);
        }

        foreach (var member in field.Kind is FieldKind.Set ? [] : field.ValueType is { } t ? Enum.GetValues(t).Cast<Enum>() : [])
        {
            yield return ($"{name} = {Vocabulary.Word(member)}", v => Equals(v, member));
            yield return ($"{name} not in [{Vocabulary.Word(member)}]", v => !Equals(v, member));
            if (field.Kind == FieldKind.OrderedChoice)
            {
                yield return ($"{name} >= {Vocabulary.Word(member)}", v => v is not null && Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) >= Convert.ToInt32(member, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (field.Kind == FieldKind.Set)
        {
            foreach (var member in Enum.GetValues(field.ValueType!).Cast<Enum>())
            {
                yield return ($"{name} has {Vocabulary.Word(member)}", v => ((IEnumerable)v!).Cast<Enum>().Contains(member));
            }
        }

        if (field.Kind is FieldKind.Text or FieldKind.OptionalText)
        {
            yield return ($"{name} = \"{TextSamples[0]}\"", v => Equals(v, TextSamples[0]));
            yield return ($"{name} != \"{TextSamples[0]}\"", v => !Equals(v, TextSamples[0]));
        }
    }

    [TestCaseSource(nameof(Fields))]
    public void Engines_EveryTestOnEveryValue_AnswerAsTheTableReads(Field member)
    {
        var field = FieldCatalog.Get(member);
        var tests = Tests(field).ToList();
        Assert.That(tests, Is.Not.Empty);
        foreach (var (test, holds) in tests)
        {
            var when = field.Scope == FieldScope.Offense ? $"any charge({test})" : test;
            var rules = $$"""
                  - id: probe
                    when: '{{when.Replace("'", "''", StringComparison.Ordinal)}}'
                    then: { ice_jail_access: permitted }
                    because: probe
                    cite: src
                """;
            var engines = Enum.GetValues<EngineKind>().Select(e => (Engine: e, Policy: TestPolicies.Compile(e, rules))).ToList();
            foreach (var value in Domain(field))
            {
                var s = With(field, Base, value);
                var expected = holds(field.Read(s, field.Scope == FieldScope.Offense ? s.Charges[0] : null));
                foreach (var (engine, policy) in engines)
                {
                    var fired = Engines.Evaluate(policy, s)[DecisionKind.IceJailAccess].Value == Modality.Permitted;
                    Assert.That(fired, Is.EqualTo(expected), $"`{when}` on {engine} with {field.Name} = {Show(value)}");
                }
            }
        }
    }

    [TestCaseSource(nameof(ScenarioFields))]
    public void ScenarioSpace_EveryScenarioField_HasADimensionAndWhereKeys(Field member)
    {
        var field = FieldCatalog.Get(member);
        var operands = field.Kind == FieldKind.Set ? Enum.GetValues(field.ValueType!).Cast<object>().Take(1).ToList() : [];
        var dimension = SpaceBuilder.DimensionOf(new FieldTest(member, field.Kind == FieldKind.Set ? TestOperator.Has : TestOperator.IsTrue, operands, Model.Diagnostics.SourceSpan.None));
        Assert.That(SpaceFilter.Keys, Does.ContainKey(dimension), "`--where` knows the field's dimension");
        if (field.Phrases is { } phrases)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(dimension, Is.EqualTo(field.Name));
                Assert.That(phrases.Select(p => p.Value), Is.EquivalentTo(Domain(field)), "a phrase for every value");
                Assert.That(phrases.Select(p => SpaceFields.Word(p.Value)), Is.EquivalentTo(SpaceFilter.Keys[field.Name]), "`--where` takes every value's word");
            }
        }
    }
}
