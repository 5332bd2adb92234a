using DetainerRules.Model.Conditions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>A scenario being put together from the values of the space's dimensions.</summary>
/// <remarks>
/// Space scenarios are booked on the space's <see cref="BookingDay"/> (a Wednesday away from
/// holidays, inside the compared policies' effective dates) and become eligible for release eight
/// hours later, so holds are computed on ordinary working days. Where compared policies judge days
/// in zones that can disagree, <see cref="BookingMoments"/> moves the booking within that day.
/// </remarks>
internal sealed class ScenarioDraft(DateTimeOffset bookedAt)
{
    public DateTimeOffset BookedAt { get; set; } = bookedAt;

    /// <summary>The values of the fields that are dimensions of their own (<see cref="SpaceFields"/>) that differ from an unknown person's: a foreign-born noncitizen unless a dimension says otherwise.
    /// Sized once for every such field: a comparison builds a draft per point it asks a policy about.</summary>
    private readonly Dictionary<Field, object?> _fields = new(SpaceFields.Leading.Count + SpaceFields.Trailing.Count + 2)
    {
        [Field.ForeignBorn] = true,
        [Field.Citizenship] = Citizenship.Noncitizen,
    };

    public DetainerValue? Detainer { get; set; }
    public HashSet<FederalRequest> Requests { get; } = [];
    public List<Charge> Charges { get; } = [new Charge("disorderly conduct", null, OffenseLevel.Misdemeanor, OffenseCategory.PublicOrder)];
    public List<Conviction> Convictions { get; } = [];

    /// <summary>Sets a field that is a dimension of its own, through the field table.</summary>
    public void Set(Field field, object? value) => _fields[field] = value;

    public Scenario Build(string id, string? description = null)
    {
        var scenario = new Scenario
        {
            Id = id,
            Description = description,
            BookedAt = BookedAt,
            Charges = [.. Charges],
            Convictions = [.. Convictions],
            Detainer = Detainer?.ToDetainer(BookedAt.AddHours(2)),
            Custody = new Custody(BookedAt.AddHours(8)),
            Requests = new HashSet<FederalRequest>(Requests),
        };
        foreach (var (field, value) in _fields)
        {
            scenario = FieldCatalog.Get(field).WriteScenario!(scenario, value);
        }

        return scenario;
    }
}
