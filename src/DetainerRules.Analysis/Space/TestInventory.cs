using DetainerRules.Model.Conditions;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Space;

/// <summary>The elementary tests a set of conditions makes, sorted by what they read.</summary>
/// <remarks>
/// Every test reads one field, so values of a field that pass and fail the same tests can never be
/// told apart by any of the conditions: this is what lets the scenario space stay small.
/// </remarks>
internal sealed class TestInventory
{
    private TestInventory()
    {
    }

    /// <summary>Tests of scenario fields, wherever they stand (inside a charge test or not).</summary>
    public List<FieldTest> ScenarioTests { get; } = [];

    /// <summary>The tests over each list of offenses.</summary>
    public Dictionary<OffenseList, ListTests> Lists { get; } = new()
    {
        [OffenseList.Charges] = new ListTests(),
        [OffenseList.Convictions] = new ListTests(),
    };

    public static TestInventory Of(IEnumerable<Condition> conditions)
    {
        var inventory = new TestInventory();
        foreach (var condition in conditions)
        {
            inventory.Walk(condition, null);
        }

        return inventory;
    }

    private void Walk(Condition condition, ListTests? inside)
    {
        switch (condition)
        {
            case Quantified q:
                var list = Lists[q.List];
                list.Quantifiers.Add(q);
                Walk(q.Inner, list);
                return;
            case FieldTest test when FieldCatalog.Get(test.Field).Scope == FieldScope.Offense:
                inside!.OffenseTests.Add(test);
                return;
            case FieldTest test:
                ScenarioTests.Add(test);
                inside?.ScenarioFieldsRead.Add(test);
                return;
            case WithinYears within:
                inside!.LookBacks.Add(within);
                return;
            case DecisionTest decision when inside is not null:
                inside.DecisionsRead.Add(decision.Decision);
                return;
        }

        foreach (var child in condition.Children)
        {
            Walk(child, inside);
        }
    }

    /// <summary>What the conditions test inside <c>charge(...)</c> or inside <c>conviction(...)</c>.</summary>
    internal sealed class ListTests
    {
        public List<Quantified> Quantifiers { get; } = [];
        public List<FieldTest> OffenseTests { get; } = [];
        public List<WithinYears> LookBacks { get; } = [];

        /// <summary>Scenario fields a test inside the list reads: the answer for one offense can then depend on them.</summary>
        public List<FieldTest> ScenarioFieldsRead { get; } = [];

        /// <summary>Decisions a test inside the list reads.</summary>
        public HashSet<DecisionKind> DecisionsRead { get; } = [];
    }
}
