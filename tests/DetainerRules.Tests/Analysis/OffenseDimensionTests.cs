using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Scenarios;
using DetainerRules.Tests.Support;

namespace DetainerRules.Tests.Analysis;

/// <summary>
/// The charges and prior convictions of the scenario space (<see cref="OffenseDimension"/>), on
/// policies written for the test: the lists it holds under <c>--where</c> counts, how it describes
/// them, and the steps <c>--what-flips</c> takes from a list.
/// </summary>
[TestFixture]
public class OffenseDimensionTests
{
    private const string Felony = """
          - id: felony
            when: any conviction(level = felony)
            then: { ask_immigration_status: permitted }
            because: b
            cite: src
        """;

    // Three categories tested one by one: any two or all three together are lists no single charge matches.
    private const string ThreeCategories = """
          - id: robbery
            when: any charge(category = robbery)
            then: { ice_jail_access: permitted }
            because: b
            cite: src
          - id: dui
            when: any charge(category = dui)
            then: { transfer_to_ice: permitted }
            because: b
            cite: src
          - id: theft
            when: any charge(category = theft)
            then: { share_criminal_intelligence: permitted }
            because: b
            cite: src
        """;

    private static ScenarioSpace Space(string rules, params string[] where) =>
        ScenarioSpace.For([DelegatePolicy.From(TestPolicies.Compile(rules))], null, SpaceFilter.Parse(where));

    private static OffenseDimension Dimension(ScenarioSpace space, string name) => (OffenseDimension)space.Dimensions.Single(d => d.Name == name);

    private static Scenario Convicted(params string[] levels) => TestScenarios.Arrest(extra: levels.Length == 0 ? string.Empty :
        "convictions:\n" + string.Concat(levels.Select(l => $"  - {{ offense: x, level: {l}, category: robbery, convicted_on: 2020-03-01 }}\n")));

    [Test]
    public void Convictions_Unfiltered_NoneEachKindAndTheirCombinations()
    {
        var convictions = Dimension(Space(Felony), "convictions");

        Assert.That(convictions.Title, Is.EqualTo("prior convictions"));
        Assert.That(Enumerable.Range(0, convictions.Count).Select(convictions.Length), Does.Contain(0).And.Contain(1));
        Assert.That(Enumerable.Range(0, convictions.Count).Select(convictions.Label), Does.Contain("no prior conviction"));
    }

    [Test]
    public void Convictions_WhereNone_OnlyTheEmptyList()
    {
        var space = Space(Felony, "convictions.count=0");
        var convictions = Dimension(space, "convictions");

        Assert.That(convictions.Count, Is.EqualTo(1));
        Assert.That(convictions.Length(0), Is.Zero);
        Assert.That(convictions.Label(0), Is.EqualTo("no prior conviction"));
        Assert.That(space.Project(Convicted()), Is.Not.Null);
        Assert.That(space.Project(Convicted("felony")), Is.Null, "one conviction is outside a space of none");
    }

    [Test]
    public void Convictions_WhereOne_OnlySingleConvictions()
    {
        var space = Space(Felony, "convictions.count=1");
        var convictions = Dimension(space, "convictions");

        Assert.That(Enumerable.Range(0, convictions.Count).Select(convictions.Length), Is.All.EqualTo(1));
        Assert.That(space.Project(Convicted("felony")), Is.Not.Null);
        Assert.That(space.Project(Convicted("misdemeanor")), Is.Not.Null);
        Assert.That(space.Project(Convicted()), Is.Null);
        Assert.That(space.Project(Convicted("felony", "felony")), Is.Null);
    }

    [Test]
    public void Convictions_WhereTwoOrMore_ListsOfSeveral()
    {
        var space = Space(Felony, "convictions.count=2+");
        var convictions = Dimension(space, "convictions");

        Assert.That(convictions.Count, Is.GreaterThan(0), "a space of two or more convictions has such lists");
        Assert.That(Enumerable.Range(0, convictions.Count).Select(convictions.Length), Is.All.GreaterThanOrEqualTo(2));
        Assert.That(space.Project(Convicted("felony", "misdemeanor")), Is.Not.Null);
        Assert.That(space.Project(Convicted("misdemeanor", "misdemeanor", "misdemeanor")), Is.Not.Null);
        Assert.That(space.Project(Convicted("felony")), Is.Null);
        Assert.That(space.Project(Convicted()), Is.Null);
    }

    [Test]
    public void Convictions_WhereTwoOrMore_TwoLikeOneStandForTheirVector()
    {
        // A felony conviction and two felony convictions look the same to the policy: under `2+` the pair stands for both.
        var space = Space(Felony, "convictions.count=2+");
        var convictions = Dimension(space, "convictions");
        var two = space.Project(Convicted("felony", "felony"));

        Assert.That(two, Is.Not.Null);
        var value = two![space.Dimensions.ToList().IndexOf(convictions)];
        Assert.That(convictions.Length(value), Is.EqualTo(2));
        // The first pair found with that vector stands for every list with it, two felonies included.
        Assert.That(convictions.Label(value), Is.EqualTo("a misdemeanor, gross misdemeanor or infraction conviction and a felony conviction together"));
        Assert.That(space.Project(Convicted("felony", "felony")), Is.EqualTo(space.Project(Convicted("felony", "misdemeanor"))));
        Assert.That(space.Project(Convicted("misdemeanor", "misdemeanor")), Is.Not.EqualTo(two));
    }

    [TestCase("charges", "charges.count=2+", 2)]
    [TestCase("charges", "charges.count=1", 1)]
    [TestCase("convictions", "convictions.count=2+", 2)]
    [TestCase("convictions", "convictions.count=1", 1)]
    [TestCase("convictions", "convictions.count=0", 0)]
    public void List_NoTestReadsIt_OneValueOfALengthWhereAllows(string name, string where, int length)
    {
        // The charges policy reads no conviction, the convictions policy no charge.
        var space = Space(name == "charges" ? Felony : ThreeCategories, where);
        var list = Dimension(space, name);

        Assert.That(list.Count, Is.EqualTo(1));
        Assert.That(list.Length(0), Is.EqualTo(length));
    }

    [Test]
    public void Neighbors_WhereTwoOrMore_ARepeatedKindAddsOneMore()
    {
        var space = Space(ThreeCategories, "charges.count=2+");
        var charges = Dimension(space, "charges");
        var scenario = space.Build(space.Points().First(), "p");

        var steps = Enumerable.Range(0, charges.Count).SelectMany(v => charges.Neighbors(v, scenario).Select(s => (From: v, s.Value, s.What))).ToList();

        Assert.That(steps, Is.Not.Empty);
        Assert.That(steps.Select(s => s.What), Is.All.EqualTo("another charge"));
        Assert.That(steps.Select(s => charges.Length(s.Value) - charges.Length(s.From)), Is.All.EqualTo(1));
    }

    [Test]
    public void Charges_WhereTwoOrMore_EachCombinationOnce()
    {
        var space = Space(ThreeCategories, "charges.count=2+");
        var charges = Dimension(space, "charges");

        Assert.That(Enumerable.Range(0, charges.Count).Select(charges.Length), Is.All.GreaterThanOrEqualTo(2));
        Assert.That(space.Project(TestScenarios.Parse("""
            booked_at: 2025-01-17T09:30:00-08:00
            charges:
              - { offense: x, level: felony, category: robbery }
              - { offense: y, level: felony, category: dui }
            """)), Is.Not.Null);
    }

    [Test]
    public void DescribeAxes_NoPriorConvictionAmongTheOtherLists()
    {
        var convictions = Dimension(Space(Felony), "convictions");
        var sizes = convictions.AxisSizes;
        var axes = sizes.Select(n => new bool[n]).ToArray();

        // The shape axis: its first class is "one conviction"; the empty list is the first of the others.
        axes[0][1] = true;
        foreach (var facet in axes.Skip(1))
        {
            facet[^1] = true;
        }

        Assert.That(convictions.DescribeAxes(axes), Is.EqualTo("no prior conviction"));
    }

    [Test]
    public void DescribeAxes_MoreThanTwoCombinations_CountedNotListed()
    {
        var charges = Dimension(Space(ThreeCategories), "charges");
        var axes = charges.AxisSizes.Select(n => Enumerable.Repeat(true, n).ToArray()).ToArray();
        var combinations = Enumerable.Range(0, charges.Count).Count(v => charges.Length(v) > 1);

        Assert.That(combinations, Is.EqualTo(4), "robbery and DUI, robbery and theft, DUI and theft, all three");
        Assert.That(charges.DescribeAxes(axes), Is.EqualTo("a charge; or one of 4 combinations of several charges (listed in the JSON output)"));
    }

    [Test]
    public void DescribeAxes_TwoCombinations_Listed()
    {
        var charges = Dimension(Space(ThreeCategories), "charges");
        var axes = charges.AxisSizes.Select(n => Enumerable.Repeat(true, n).ToArray()).ToArray();
        axes[0][0] = false;
        axes[0][3] = false;
        axes[0][4] = false;

        Assert.That(charges.DescribeAxes(axes), Does.EndWith(" together").And.Contain(" together; or "));
        Assert.That(charges.DescribeAxes(axes), Does.Not.Contain("combinations"));
    }

    [Test]
    public void Neighbors_FromNoConviction_AddOne()
    {
        var space = Space(Felony);
        var convictions = Dimension(space, "convictions");
        var none = Enumerable.Range(0, convictions.Count).Single(v => convictions.Length(v) == 0);

        var steps = convictions.Neighbors(none, Convicted()).ToList();

        Assert.That(steps, Is.Not.Empty);
        // The first conviction of a person with none is a prior conviction, not "another" one.
        Assert.That(steps.Select(s => (s.What, s.From)), Is.All.EqualTo(("a prior conviction", "none")));
        Assert.That(steps.Select(s => convictions.Length(s.Value)), Is.All.EqualTo(1));
        Assert.That(steps.SelectMany(s => s.To), Does.Contain("a felony conviction"));
    }

    [Test]
    public void Neighbors_FromOneConviction_TakeItAway()
    {
        var space = Space(Felony);
        var convictions = Dimension(space, "convictions");
        var one = Enumerable.Range(0, convictions.Count).First(v => convictions.Length(v) == 1);

        var steps = convictions.Neighbors(one, Convicted("felony")).ToList();

        Assert.That(steps, Has.Some.Matches<(int Value, string What, string From, IReadOnlyList<string> To)>(s => s.What == "convictions" && s.To.SequenceEqual(new[] { "no prior conviction" })));
    }

    [Test]
    public void Describe_ChargeWrittenAsATestNamesIt()
    {
        var charges = Dimension(Space("""
              - id: driving
                when: any charge(offense = 'driving')
                then: { ice_jail_access: permitted }
                because: b
                cite: src
            """), "charges");

        var labels = Enumerable.Range(0, charges.Count).Select(charges.Label).ToList();

        Assert.That(labels, Has.Some.Contains("a charge written "));
    }
}
