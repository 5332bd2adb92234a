using DetainerRules.Model.Scenarios;

namespace DetainerRules.Tests.Support;

/// <summary>Random scenarios covering every field the model has, for property tests; reproducible from a seed.</summary>
/// <remarks>Dates cluster around the look-back edges the catalog uses (5 and 15 years), where mistakes hide.</remarks>
internal static class RandomScenarios
{
    private static readonly string[] Statutes = ["NRS 200.380", "PC 187", "PC 459", "ORS 164.225"];

    public static IEnumerable<Scenario> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return One(random, $"random-{seed}-{i}");
        }
    }

    private static Scenario One(Random random, string id)
    {
        var offset = TimeSpan.FromHours(random.Next(-10, 6));
        var booked = new DateTimeOffset(2018, 1, 1, 0, 0, 0, offset).AddDays(random.Next(0, 3000)).AddMinutes(random.Next(0, 24 * 60));
        var bookedOn = DateOnly.FromDateTime(booked.DateTime);
        return new Scenario
        {
            Id = id,
            BookedAt = booked,
            Person = new Person(
                Pick(random, new bool?[] { true, false, null }),
                Pick(random, Enum.GetValues<Citizenship>()),
                random.Next(4) == 0,
                random.Next(6) == 0)
            {
                LawfulStatusProof = random.Next(4) == 0,
            },
            Charges = [.. Enumerable.Range(0, 1 + (random.Next(3) == 0 ? random.Next(1, 3) : 0)).Select(_ => Charge(random))],
            Convictions = [.. Enumerable.Range(0, random.Next(3) == 0 ? 0 : random.Next(0, 4)).Select(_ => Conviction(random, bookedOn))],
            Detainer = random.Next(4) == 0 ? null : new Detainer(Pick(random, Enum.GetValues<DetainerForm>()), Pick(random, Enum.GetValues<WarrantKind>()), booked.AddHours(1)),
            Custody = new Custody(random.Next(8) == 0 ? null : booked.AddHours(random.Next(1, 200))),
            IcePresentAtRelease = random.Next(2) == 0,
            Requests = Enum.GetValues<FederalRequest>().Where(_ => random.Next(4) == 0).ToHashSet(),
        };
    }

    private static Charge Charge(Random random)
    {
        var category = Pick(random, Enum.GetValues<OffenseCategory>());
        return new Charge(category.ToString().ToLowerInvariant(), random.Next(3) == 0 ? Pick(random, Statutes) : null, Pick(random, Enum.GetValues<OffenseLevel>()), category);
    }

    private static Conviction Conviction(Random random, DateOnly bookedOn)
    {
        var years = Pick(random, new[] { 0, 1, 4, 5, 5, 6, 10, 14, 15, 15, 16, 25 });
        var convicted = bookedOn.AddYears(-years).AddDays(random.Next(-2, 3));
        convicted = convicted > bookedOn ? bookedOn : convicted;
        DateOnly? released = random.Next(2) == 0 ? null : convicted.AddDays(random.Next(0, 365 * 6));
        released = released > bookedOn ? bookedOn : released;
        var charge = Charge(random);
        return new Conviction(charge.Offense, charge.Statute, charge.Level, charge.Category, convicted, released);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
