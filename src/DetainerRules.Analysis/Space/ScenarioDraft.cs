using DetainerRules.Model.Conditions;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Space;

/// <summary>A scenario being put together from the values of the space's dimensions.</summary>
/// <remarks>
/// <para>
/// Space scenarios are booked on the space's <see cref="BookingDay"/> (a Wednesday away from
/// holidays, inside the compared policies' effective dates) and become eligible for release eight
/// hours later, so holds are computed on ordinary working days. Where compared policies judge days
/// in zones that can disagree, <see cref="BookingMoments"/> moves the booking within that day.
/// </para>
/// <para>
/// A comparison builds a scenario at every point it asks a policy about, millions of times, each
/// with every dimension applied anew: so one draft serves a thread's points one after another, and
/// what a point shares with the one before (the person, the detainer, the requests, the offense
/// lists, all immutable) is handed on rather than made again. What <see cref="Build"/> gives depends
/// only on the values applied, never on what the draft built before.
/// </para>
/// </remarks>
internal sealed class ScenarioDraft(DateTimeOffset bookedAt)
{
    private static readonly FederalRequest[] AllRequests = Enum.GetValues<FederalRequest>();
    private static readonly IReadOnlyList<Charge> DefaultCharges = [new Charge("disorderly conduct", null, OffenseLevel.Misdemeanor, OffenseCategory.PublicOrder)];

    /// <summary>The values of the fields that are dimensions of their own (<see cref="SpaceFields"/>) that differ from an unknown person's: a foreign-born noncitizen unless a dimension says otherwise.
    /// Sized once for every such field.</summary>
    private readonly Dictionary<Field, object?> _fields = new(SpaceFields.Leading.Count + SpaceFields.Trailing.Count + 2)
    {
        [Field.ForeignBorn] = true,
        [Field.Citizenship] = Citizenship.Noncitizen,
    };

    /// <summary>The requests as built for each set of them (by bit, in the enum's order), made once each.</summary>
    private readonly IReadOnlySet<FederalRequest>?[] _requestSets = new IReadOnlySet<FederalRequest>?[1 << AllRequests.Length];

    /// <summary>The person and ICE's presence as the field writes last left them; null when a field has changed since.</summary>
    private (Person Person, bool IcePresentAtRelease)? _written;

    private (DetainerValue Value, DateTimeOffset BookedAt, Detainer Detainer)? _detainer;
    private Custody? _custody;

    public DateTimeOffset BookedAt { get; set; } = bookedAt;

    public DetainerValue? Detainer { get; set; }

    public HashSet<FederalRequest> Requests { get; } = [];

    /// <summary>The charges, an immutable list the scenario holds as it is (a dimension hands out one list per class): one minor charge unless a dimension says otherwise.</summary>
    public IReadOnlyList<Charge> Charges { get; set; } = DefaultCharges;

    /// <summary>The prior convictions, held as they are, like <see cref="Charges"/>.</summary>
    public IReadOnlyList<Conviction> Convictions { get; set; } = [];

    /// <summary>Sets a field that is a dimension of its own, through the field table.</summary>
    public void Set(Field field, object? value)
    {
        if (!_fields.TryGetValue(field, out var had) || !Equals(had, value))
        {
            _fields[field] = value;
            _written = null;
        }
    }

    public Scenario Build(string id, string? description = null)
    {
        var scenario = new Scenario
        {
            Id = id,
            Description = description,
            BookedAt = BookedAt,
            Charges = Charges,
            Convictions = Convictions,
            Detainer = BuiltDetainer(),
            Custody = BuiltCustody(),
            Requests = RequestSet(),
        };
        if (_written is { } written)
        {
            // The space's own fields write the person and ICE's presence alone, whatever else the scenario holds (the field table's tests check it).
            return new Scenario(scenario) { Person = written.Person, IcePresentAtRelease = written.IcePresentAtRelease };
        }

        foreach (var (field, value) in _fields)
        {
            scenario = FieldCatalog.Get(field).WriteScenario!(scenario, value);
        }

        _written = (scenario.Person, scenario.IcePresentAtRelease);
        return scenario;
    }

    private Detainer? BuiltDetainer()
    {
        if (Detainer is not { } value)
        {
            return null;
        }

        if (_detainer is not { } made || !Equals(made.Value, value) || !made.BookedAt.EqualsExact(BookedAt))
        {
            made = (value, BookedAt, value.ToDetainer(BookedAt.AddHours(2)));
            _detainer = made;
        }

        return made.Detainer;
    }

    private Custody BuiltCustody()
    {
        var eligible = BookedAt.AddHours(8);
        if (_custody is not { ReleaseEligibleAt: { } at } made || !at.EqualsExact(eligible))
        {
            made = new Custody(eligible);
            _custody = made;
        }

        return made;
    }

    /// <summary>The requests in the enum's order, as a set filled by the request dimensions in turn holds them.</summary>
    private IReadOnlySet<FederalRequest> RequestSet()
    {
        var bits = 0;
        for (var r = 0; r < AllRequests.Length; r++)
        {
            if (Requests.Contains(AllRequests[r]))
            {
                bits |= 1 << r;
            }
        }

        return _requestSets[bits] ??= new HashSet<FederalRequest>(AllRequests.Where((_, r) => (bits & (1 << r)) != 0));
    }
}
