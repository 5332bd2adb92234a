using DetainerRules.Model.Conditions;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;

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
    /// <summary>The calendars the policies' look-backs judge the booking day in (their time zones, or as written).</summary>
    public IReadOnlyList<JurisdictionTime> Times { get; init; } = [];

    /// <summary>The earliest day a booking at <paramref name="bookedAt"/> falls on in any of <see cref="Times"/>, or as it is written.</summary>
    /// <remarks>
    /// A prior conviction and its release are dated on or before it. The loader checks the dates
    /// against the day as written only, so a release on that day can come after the booking day of
    /// a jurisdiction to the west; the scenario space has no class for a conviction within a
    /// look-back whose release is after the booking day (ScenarioSpaceTests pins that), so random
    /// scenarios, which the space's claim is checked on, do not write one.
    /// </remarks>
    public DateOnly EarliestBookingDay(DateTimeOffset bookedAt) =>
        Times.Select(t => t.DayOf(bookedAt)).Append(DateOnly.FromDateTime(bookedAt.DateTime)).Min();

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
            [.. parts.OfType<WithinYears>().Select(w => w.Years).Distinct().Order()])
        {
            Times = [.. parts.OfType<WithinYears>().Select(w => w.Time).Distinct()],
        };
    }
}
