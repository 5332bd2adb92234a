using System.Diagnostics;
using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Words;
using DetainerRules.Engine;
using DetainerRules.Model;
using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>Builds the dimensions of a scenario space from the tests the compared conditions make.</summary>
internal static class SpaceBuilder
{
    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    /// <param name="bookedAt">The space's default booking (<see cref="BookingDay"/>).</param>
    public static List<Dimension> Dimensions(TestInventory inventory, SpaceFilter filter, DateTimeOffset bookedAt)
    {
        var tests = inventory.ScenarioTests
            .GroupBy(DimensionOf)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Func<Scenario, Modality[], bool>>)[.. Distinct(g).Select(ConditionDelegates.Compile)]);
        IReadOnlyList<Func<Scenario, Modality[], bool>> TestsOf(string name) => tests.GetValueOrDefault(name) ?? [];

        FieldDimension Own(FieldInfo field) => new(
            field.Name,
            field.Title!,
            Narrow(filter, field.Name, field.Phrases!.Select(p => new RawValue(p.Value, SpaceFields.Word(p.Value), p.Phrase))),
            s => field.Read(s, null),
            (d, v) => d.Set(field.Field, v),
            TestsOf(field.Name));
        FieldDimension Flag(string name, string title, string yes, string no, Func<Scenario, bool> read, Action<ScenarioDraft, bool> write) =>
            new(name, title, Narrow(filter, name, [new RawValue(false, "no", no), new RawValue(true, "yes", yes)]), s => read(s), (d, v) => write(d, (bool)v!), TestsOf(name));

        var fields = SpaceFields.Leading.Select(Own).ToList();

        // The court and offense of a judge's warrant split the detainer's values only for conditions that read them,
        // or for a --where clause that names them (which cannot keep or drop values the dimension does not have).
        var courts = inventory.ScenarioTests.Any(t => t.Field == Field.DetainerWarrantCourt) || filter.Allowed("detainer.warrant_court") is not null;
        var offenses = inventory.ScenarioTests.Any(t => t.Field == Field.DetainerWarrantOffense) || filter.Allowed("detainer.warrant_offense") is not null;
        var trailing = new List<FieldDimension>
        {
            new("detainer", FieldCatalog.Get(Field.DetainerPresent).Title!, DetainerValues(filter, courts, offenses), s => DetainerValue.Of(s, courts, offenses), (d, v) => d.Detainer = (DetainerValue?)v, TestsOf("detainer"), DescribeDetainers),
        };
        trailing.AddRange(SpaceFields.Trailing.Select(Own));
        foreach (var request in Enum.GetValues<FederalRequest>())
        {
            var name = "requests." + Vocabulary.Word(request);
            trailing.Add(Flag(name, "asks for " + Phrases.Request(request), "ICE asks for " + Phrases.Request(request), "no request for " + Phrases.Request(request),
                s => s.Requests.Contains(request), (d, v) => { if (v) { d.Requests.Add(request); } else { d.Requests.Remove(request); } }));
        }

        var moments = BookingMoments.Of(inventory.Lists[OffenseList.Convictions].LookBacks, bookedAt);
        if (moments.Moments.Count > 1)
        {
            fields.Add(moments.Dimension());
        }

        var all = fields.Concat(trailing).ToDictionary(f => f.Name);
        return
        [
            .. fields,
            Offenses(OffenseList.Charges, inventory.Lists[OffenseList.Charges], filter, all, moments, bookedAt),
            Offenses(OffenseList.Convictions, inventory.Lists[OffenseList.Convictions], filter, all, moments, bookedAt),
            .. trailing,
        ];
    }

    /// <summary>The dimension a test of a scenario field belongs to: its own, or the detainer's, or one request's.</summary>
    public static string DimensionOf(FieldTest test)
    {
        var field = FieldCatalog.Get(test.Field);
        return field switch
        {
            { Scope: FieldScope.Offense } => throw new ArgumentException($"`{field.Name}` is read on an offense, not on the scenario", nameof(test)),
            { Phrases: not null } => field.Name,
            { Field: Field.DetainerPresent or Field.DetainerForm or Field.DetainerWarrant or Field.DetainerWarrantCourt or Field.DetainerWarrantOffense } => "detainer",
            { Field: Field.Requests } => "requests." + Vocabulary.Word((FederalRequest)test.Operands[0]),
            _ => throw new UnreachableException($"`{field.Name}` has no dimension in the scenario space: give it a title and phrases in the field table, or a dimension of its own"),
        };
    }

    private static List<RawValue> Narrow(SpaceFilter filter, string key, IEnumerable<RawValue> raws)
    {
        var kept = filter.Narrow(key, raws);
        return kept.Count > 0 ? kept : throw new SpaceFilterException($"leaves `{key}` no value");
    }

    /// <param name="courts">Whether a condition reads the court of a judge's warrant: then each court, and none stated, is a value of its own.</param>
    /// <param name="offenses">Likewise for what the warrant is for.</param>
    private static List<RawValue> DetainerValues(SpaceFilter filter, bool courts, bool offenses)
    {
        var raws = new List<RawValue>();
        if (filter.Allows("detainer", "none") && !filter.NamesADetainerPart)
        {
            raws.Add(new RawValue(null, "none", "no detainer"));
        }

        if (filter.Allows("detainer", "present"))
        {
            foreach (var form in Enum.GetValues<DetainerForm>().Where(f => filter.Allows("detainer.form", Vocabulary.Word(f))))
            {
                foreach (var warrant in new[] { WarrantKind.Administrative, WarrantKind.None, WarrantKind.Judicial }.Where(w => filter.Allows("detainer.warrant", Vocabulary.Word(w))))
                {
                    // Unstated first: the judge's warrant as every scenario without the facts has it.
                    WarrantCourt?[] courtValues = warrant == WarrantKind.Judicial && courts ? [null, WarrantCourt.Federal, WarrantCourt.State] : [null];
                    WarrantOffense?[] offenseValues = warrant == WarrantKind.Judicial && offenses ? [null, .. Enum.GetValues<WarrantOffense>().Cast<WarrantOffense?>()] : [null];
                    courtValues = [.. courtValues.Where(c => filter.Allows("detainer.warrant_court", c is { } court ? Vocabulary.Word(court) : SpaceFilter.Unstated))];
                    offenseValues = [.. offenseValues.Where(o => filter.Allows("detainer.warrant_offense", o is { } offense ? Vocabulary.Word(offense) : SpaceFilter.Unstated))];
                    foreach (var court in courtValues)
                    {
                        foreach (var offense in offenseValues)
                        {
                            var value = new DetainerValue(form, warrant, court, offense);
                            var phrase = $"an {Vocabulary.Word(form)} detainer with {Phrases.Warrant(warrant, court, offense)}";
                            raws.Add(new RawValue(value, value.Word, phrase));
                        }
                    }
                }
            }
        }

        return raws.Count > 0 ? raws : throw new SpaceFilterException("leaves `detainer` no value");
    }

    /// <summary>"no detainer; or an I-247A detainer with an administrative warrant", or "a detainer other than an I-247N detainer with a judge's warrant" when saying what is left out is shorter.</summary>
    /// <remarks>Words describe the values sampled, within the values the space allows: after <c>--where detainer.warrant!=judicial</c> every case has a detainer, so no phrase may begin "no detainer".</remarks>
    private static string DescribeDetainers(IReadOnlyList<RawValue> values, IReadOnlyList<RawValue> all)
    {
        var chosen = string.Join("; or ", Detainers(values, all));
        var rest = all.Where(a => !values.Contains(a)).ToList();
        if (rest.Count == 0 || rest.Any(r => r.Key is null) || Detainers(rest, all) is not [var other])
        {
            return chosen;
        }

        var complement = values.Any(v => v.Key is null) ? $"no detainer, or one other than {other}" : $"a detainer other than {other}";
        return complement.Length < chosen.Length ? complement : chosen;
    }

    /// <summary>One phrase per group of detainers that share their warrants; a form or warrant every allowed detainer shares goes unsaid.</summary>
    private static List<string> Detainers(IReadOnlyList<RawValue> values, IReadOnlyList<RawValue> all)
    {
        var parts = new List<string>();
        if (values.Any(v => v.Key is null))
        {
            parts.Add("no detainer");
        }

        static (DetainerForm Form, (WarrantKind, WarrantCourt?, WarrantOffense?) Warrant) Pair(RawValue raw) => (((DetainerValue)raw.Key!).Form, ((DetainerValue)raw.Key!).WarrantFacts);
        var allowed = all.Where(a => a.Key is not null).Select(Pair).ToList();
        var allForms = allowed.Select(p => p.Form).Distinct().Count();
        var allWarrants = allowed.Select(p => p.Warrant).Distinct().Count();
        var present = values.Where(v => v.Key is not null).Select(Pair).ToList();
        foreach (var group in present.GroupBy(p => p.Form).GroupBy(g => string.Join(",", g.Select(p => p.Warrant).Order())))
        {
            var forms = group.Select(g => g.Key).Order().ToList();
            var warrants = group.First().Select(p => p.Warrant).Order().ToList();
            var warrantText = warrants.Count == allWarrants ? string.Empty : " with " + Wording.Or([.. warrants.Select(w => Phrases.Warrant(w.Item1, w.Item2, w.Item3))]);
            var formText = forms.Count < allForms ? $"an {Wording.Or([.. forms.Select(f => Vocabulary.Word(f))])} detainer"
                : warrantText.Length == 0 ? "a detainer of any form" : "a detainer";
            parts.Add(formText + warrantText);
        }

        return parts;
    }

    private static OffenseDimension Offenses(OffenseList list, TestInventory.ListTests tests, SpaceFilter filter, IReadOnlyDictionary<string, FieldDimension> fields, BookingMoments moments, DateTimeOffset bookedAt)
    {
        var prefix = list == OffenseList.Charges ? "charge." : "conviction.";
        Func<Scenario, Modality[], OffenseDraft, bool> Compile(Condition inner)
        {
            if (list == OffenseList.Charges)
            {
                var f = ConditionDelegates.CompileForCharge(inner);
                return (s, d, o) => f(s, d, o.ToCharge());
            }

            var g = ConditionDelegates.CompileForConviction(inner);
            return (s, d, o) => g(s, d, o.ToConviction());
        }

        List<Func<Scenario, Modality[], OffenseDraft, bool>> TestsOf(Field field) =>
            [.. Distinct(tests.OffenseTests.Where(t => t.Field == field)).Select(Compile)];

        // The first value of each list is the one a scenario gets where no test tells values apart: an unremarkable offense.
        var levels = Narrow(filter, prefix + "level", new[] { OffenseLevel.Misdemeanor, OffenseLevel.Felony, OffenseLevel.GrossMisdemeanor, OffenseLevel.Infraction }
            .Select(l => new RawValue(l, Vocabulary.Word(l), Phrases.Level(l))));
        var categories = Narrow(filter, prefix + "category", Enum.GetValues<OffenseCategory>().OrderBy(c => c != OffenseCategory.PublicOrder).Select(c => new RawValue(c, Vocabulary.Word(c), Phrases.Category(c))));
        var facets = new List<OffenseFacet>
        {
            new("level", levels, (o, v) => o.Level = (OffenseLevel)v!, o => filter.Allows(prefix + "level", Vocabulary.Word(o.Level)), TestsOf(Field.OffenseLevel)),
            new("category", categories, (o, v) => o.Category = (OffenseCategory)v!, o => filter.Allows(prefix + "category", Vocabulary.Word(o.Category)), TestsOf(Field.OffenseCategory)),
            TextFacet("statute", tests, Field.OffenseStatute, (o, v) => o.Statute = v, o => o.Statute, TestsOf(Field.OffenseStatute)),
            TextFacet("offense", tests, Field.OffenseText, (o, v) => o.Text = v, o => o.Text, TestsOf(Field.OffenseText)),
        };
        if (list == OffenseList.Convictions)
        {
            facets.Add(LookBack.Facet(tests.LookBacks, moments));
        }

        var predicates = tests.Quantifiers
            .DistinctBy(q => (q.Quantifier, q.Inner))
            .Select(q => (Compile(q.Inner), q.Quantifier == Quantifier.Every))
            .ToList();
        var countKey = list == OffenseList.Charges ? "charges.count" : "convictions.count";
        return new OffenseDimension(list, facets.Where(f => f.Count > 1 || f.Name is "level" or "category").ToList(), predicates, Contexts(tests, fields, bookedAt), filter.Allowed(countKey), moments.ReferenceDay);
    }

    /// <summary>A text facet: each string a test names, plus one that no test names (and no text at all, where that is possible).</summary>
    private static OffenseFacet TextFacet(
        string name, TestInventory.ListTests tests, Field field, Action<OffenseDraft, string?> write, Func<OffenseDraft, string?> read, List<Func<Scenario, Modality[], OffenseDraft, bool>> compiled)
    {
        var literals = tests.OffenseTests.Where(t => t.Field == field).SelectMany(t => t.Operands).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var other = "(" + (name == "statute" ? "another statute" : "other wording") + ")";
        while (literals.Contains(other))
        {
            other += "'";
        }

        var raws = new List<RawValue>();
        if (name == "statute")
        {
            raws.Add(new RawValue(null, "none", "no statute"));
        }

        raws.AddRange(literals.Select(l => new RawValue(l, l, $"`{l}`")));
        raws.Add(new RawValue(other, other, name == "statute" ? "another statute" : "other wording"));

        // With no test of the text, the facet has one class and a charge keeps its natural wording.
        // A test that names no text (`statute is known`) still tells no statute from one.
        return compiled.Count == 0
            ? new OffenseFacet(name, [new RawValue(null, "any", "any " + (name == "statute" ? "statute" : "wording"))], (_, _) => { }, _ => true, [])
            : new OffenseFacet(name, raws, (o, v) => write(o, (string?)v), _ => true, compiled);
    }

    /// <summary>The scenarios and decisions under which tests inside a list are asked: one per combination of the scenario fields and decisions they read.</summary>
    private static List<(Scenario, Modality[])> Contexts(TestInventory.ListTests tests, IReadOnlyDictionary<string, FieldDimension> fields, DateTimeOffset bookedAt)
    {
        // Look-backs read the booking moment where the compared zones can disagree on the day.
        var read = tests.ScenarioFieldsRead.Select(DimensionOf);
        if (tests.LookBacks.Count > 0 && fields.ContainsKey(BookingMoments.DimensionName))
        {
            read = read.Append(BookingMoments.DimensionName);
        }

        var dimensions = read.Distinct().Order(StringComparer.Ordinal).Select(n => fields[n]).ToList();
        var decisions = tests.DecisionsRead.Order().ToList();
        var sizes = dimensions.Select(d => d.Count).Concat(decisions.Select(_ => Enum.GetValues<Modality>().Length)).ToArray();
        var contexts = new List<(Scenario, Modality[])>();
        foreach (var point in Regions.Points([.. sizes.Select(s => Enumerable.Repeat(true, s).ToArray())]))
        {
            var draft = new ScenarioDraft(bookedAt);
            for (var i = 0; i < dimensions.Count; i++)
            {
                dimensions[i].Apply(point[i], draft);
            }

            var values = new Modality[DecisionCount];
            for (var i = 0; i < decisions.Count; i++)
            {
                values[(int)decisions[i]] = (Modality)point[dimensions.Count + i];
            }

            contexts.Add((draft.Build("context"), values));
        }

        return contexts;
    }

    /// <summary>Tests that are the same test, however often the policies repeat it, once each.</summary>
    private static IEnumerable<FieldTest> Distinct(IEnumerable<FieldTest> tests) =>
        tests.DistinctBy(t => $"{t.Field}|{t.Operator}|{string.Join(",", t.Operands.Select(o => o is Enum e ? e.ToString() : o))}");
}
