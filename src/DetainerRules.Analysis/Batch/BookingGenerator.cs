using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Batch;

/// <summary>Makes synthetic booking records for trials: plausible in shape, reproducible from a seed, not statistics.</summary>
/// <remarks>
/// The mix is invented to look like a county jail's bookings (mostly misdemeanors, one charge in
/// most bookings, detainers on a small share of noncitizens, ICE rarely at the door); it exercises
/// every field. Do not read any rate in it as a fact about any jail.
/// </remarks>
public static class BookingGenerator
{
    private static readonly (OffenseCategory Category, double Weight, double Felony)[] Offenses =
    [
        (OffenseCategory.Traffic, 14, 0.02), (OffenseCategory.Dui, 10, 0.12), (OffenseCategory.Theft, 12, 0.2),
        (OffenseCategory.DrugPossession, 10, 0.25), (OffenseCategory.PublicOrder, 12, 0.01), (OffenseCategory.SimpleAssault, 8, 0.05),
        (OffenseCategory.DomesticViolence, 7, 0.2), (OffenseCategory.Burglary, 4, 0.8), (OffenseCategory.Fraud, 3, 0.4),
        (OffenseCategory.Weapons, 3, 0.6), (OffenseCategory.DrugTrafficking, 2, 0.9), (OffenseCategory.Robbery, 2, 1),
        (OffenseCategory.AggravatedAssault, 3, 0.9), (OffenseCategory.AssaultOnOfficer, 1, 0.5), (OffenseCategory.ChildAbuse, 1, 0.6),
        (OffenseCategory.SexualAssault, 1, 0.9), (OffenseCategory.Homicide, 0.3, 1), (OffenseCategory.Kidnapping, 0.3, 1),
        (OffenseCategory.Arson, 0.4, 0.9), (OffenseCategory.HumanTrafficking, 0.1, 1), (OffenseCategory.Gang, 0.5, 0.7),
        (OffenseCategory.Escape, 0.4, 0.6), (OffenseCategory.Terrorism, 0.02, 1), (OffenseCategory.Other, 5, 0.1),
    ];

    private static readonly double TotalWeight = Offenses.Sum(o => o.Weight);

    public static IEnumerable<Scenario> Generate(int count, int seed) => Generate(count, new Random(seed));

    /// <summary>The bookings <paramref name="random"/>'s draws make: tests choose the draws, to pin where each share of the mix begins and ends.</summary>
    internal static IEnumerable<Scenario> Generate(int count, Random random)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return One(random, $"booking-{i:D7}");
        }
    }

    private static Scenario One(Random random, string id)
    {
        var booked = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)).AddMinutes(random.Next(0, 366 * 24 * 60));
        var bookedOn = DateOnly.FromDateTime(booked.DateTime);
        var birth = random.NextDouble();
        bool? foreignBorn = birth < 0.22 ? true : birth < 0.92 ? false : null;
        var citizenship = (foreignBorn, random.NextDouble()) switch
        {
            (true, < 0.5) => Citizenship.Noncitizen,
            (true, < 0.85) => Citizenship.UsCitizen,
            (true, _) => Citizenship.Unknown,
            (false, < 0.97) => Citizenship.UsCitizen,
            (false, _) => Citizenship.Unknown,
            (null, < 0.6) => Citizenship.Unknown,
            (null, < 0.9) => Citizenship.UsCitizen,
            _ => Citizenship.Noncitizen,
        };
        var charges = Enumerable.Range(0, Pick(random, [(1, 70), (2, 22), (3, 8)])).Select(_ => Charge(random)).ToList();
        var convictions = Enumerable.Range(0, Pick(random, [(0, 55), (1, 25), (2, 12), (3, 8)])).Select(_ => Conviction(random, bookedOn)).ToList();
        var detainerChance = citizenship == Citizenship.Noncitizen ? 0.12 : 0.005;
        var detainer = random.NextDouble() < detainerChance
            ? new Detainer(
                Pick(random, [(DetainerForm.I247A, 85), (DetainerForm.I247N, 10), (DetainerForm.I203, 5)]),
                Pick(random, [(WarrantKind.Administrative, 80), (WarrantKind.None, 15), (WarrantKind.Judicial, 5)]),
                booked.AddHours(random.Next(1, 48)))
            : null;
        if (detainer is { Warrant: WarrantKind.Judicial })
        {
            // An invented mix like the rest, every value present, the facts sometimes not recorded.
            detainer = detainer with
            {
                WarrantCourt = Pick(random, [((WarrantCourt?)WarrantCourt.Federal, 60), (WarrantCourt.State, 15), (null, 25)]),
                WarrantOffense = Pick(random, [((WarrantOffense?)WarrantOffense.ImmigrationCrime, 50), (WarrantOffense.OtherCrime, 20), (WarrantOffense.Civil, 5), (null, 25)]),
            };
        }
        return new Scenario
        {
            Id = id,
            BookedAt = booked,
            Person = new Person(foreignBorn, citizenship, random.NextDouble() < 0.02, random.NextDouble() < 0.0005)
            {
                LawfulStatusProof = foreignBorn == true && citizenship != Citizenship.Noncitizen && random.NextDouble() < 0.3,
            },
            Charges = charges,
            Convictions = convictions,
            Detainer = detainer,
            Custody = new Custody(random.NextDouble() < 0.05 ? null : booked.AddHours(random.Next(4, 73))),
            IcePresentAtRelease = random.NextDouble() < (detainer is null ? 0.01 : 0.4),
            Requests = new[]
            {
                (FederalRequest.JailAccess, 0.02), (FederalRequest.Interview, 0.01), (FederalRequest.ReleaseDateInformation, 0.03),
                (FederalRequest.CriminalIntelligence, 0.02), (FederalRequest.CivilEnforcementOperation, 0.005),
            }.Where(r => random.NextDouble() < r.Item2).Select(r => r.Item1).ToHashSet(),
        };
    }

    private static Charge Charge(Random random)
    {
        var (category, level) = Offense(random);
        return new Charge(Model.Vocabulary.Word(category).Replace('_', ' '), null, level, category);
    }

    private static Conviction Conviction(Random random, DateOnly bookedOn)
    {
        var (category, level) = Offense(random);
        var convicted = bookedOn.AddDays(-random.Next(30, 20 * 365));
        DateOnly? released = level == OffenseLevel.Felony && random.NextDouble() < 0.7 ? convicted.AddDays(random.Next(180, 5 * 365)) : null;
        return new Conviction(Model.Vocabulary.Word(category).Replace('_', ' '), null, level, category, convicted, released > bookedOn ? bookedOn : released);
    }

    private static (OffenseCategory, OffenseLevel) Offense(Random random)
    {
        var roll = random.NextDouble() * TotalWeight;
        foreach (var (category, weight, felony) in Offenses)
        {
            roll -= weight;
            if (roll <= 0)
            {
                var level = random.NextDouble() < felony ? OffenseLevel.Felony
                    : category is OffenseCategory.Traffic or OffenseCategory.PublicOrder && random.NextDouble() < 0.4 ? OffenseLevel.Infraction
                    : random.NextDouble() < 0.1 ? OffenseLevel.GrossMisdemeanor : OffenseLevel.Misdemeanor;
                return (category, level);
            }
        }

        return (OffenseCategory.Other, OffenseLevel.Misdemeanor);
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
