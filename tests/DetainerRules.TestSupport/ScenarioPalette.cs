using DetainerRules.Model.Conditions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.TestSupport;

/// <summary>The offense values a set of policies' conditions name, so random scenarios are drawn where those conditions change their answers.</summary>
/// <remarks>
/// A uniform draw over two dozen categories and any statute rarely meets <c>statute = "PC 187"</c>,
/// or makes every charge of a booking pass a test; drawn from the palette, offenses pass and fail
/// the policies' tests often, on each side of each look-back's edge.
/// </remarks>
public sealed record ScenarioPalette(
    IReadOnlyList<OffenseCategory> Categories,
    IReadOnlyList<string> Statutes,
    IReadOnlyList<string> Wordings,
    IReadOnlyList<int> Years)
{
    /// <summary>What the rules of <paramref name="policies"/> (and the named conditions they use) name.</summary>
    public static ScenarioPalette Of(IEnumerable<Policy> policies)
    {
        var parts = policies.SelectMany(p => p.Rules).SelectMany(r => r.When.DescendantsAndSelf()).ToList();
        var tests = parts.OfType<FieldTest>().ToList();
        List<T> Operands<T>(Field field) => [.. tests.Where(t => t.Field == field).SelectMany(t => t.Operands).OfType<T>().Distinct().Order()];
        return new ScenarioPalette(
            Operands<OffenseCategory>(Field.OffenseCategory),
            Operands<string>(Field.OffenseStatute),
            Operands<string>(Field.OffenseText),
            [.. parts.OfType<WithinYears>().Select(w => w.Years).Distinct().Order()]);
    }
}
