using System.Globalization;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;
using DetainerRules.Web.Http;
using Microsoft.Extensions.Primitives;

namespace DetainerRules.Web.Pages;

/// <summary>A scenario typed into the Evaluate page's form: the way a comparison's example opens there, one click away.</summary>
/// <remarks>
/// The fields are filled as a person would fill them and read back by <see cref="BookingForm.Read"/>,
/// so the link's query is the one the form's own button sends, and <see cref="BookingForm.ToYaml"/>
/// gives the loader the same scenario (its id and description aside: the form has neither).
/// </remarks>
public static class ScenarioForm
{
    /// <summary>The form holding <paramref name="scenario"/>, with <paramref name="policies"/> chosen; null when the form cannot hold it: more charges or convictions than <see cref="BookingForm.MaxRows"/>, an offense or statute that is empty text (the form reads an empty field as one not given), a value longer than its field holds (<see cref="BookingForm.MaxLength"/>), or an address too long to leave the form room when sent again (<see cref="RequestLimits.MaxFormLink"/>).</summary>
    /// <param name="timeZone">Where the booking is placed (the form's time zone), when a comparison or an expectation case placed it; null leaves the field empty.</param>
    public static BookingForm? Of(Scenario scenario, IReadOnlyList<string> policies, string? timeZone = null)
    {
        if (!Holds(scenario.Charges) || !Holds(scenario.Convictions))
        {
            return null;
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["booked_at"] = Format.Timestamp(scenario.BookedAt),
        };
        var person = scenario.Person;
        if (person.ForeignBorn is { } born)
        {
            fields["foreign_born"] = born ? "true" : "false";
        }

        if (person.Citizenship != Citizenship.Unknown)
        {
            fields["citizenship"] = Vocabulary.Word(person.Citizenship);
        }

        Flag(fields, "registered_sex_offender", person.RegisteredSexOffender);
        Flag(fields, "on_terrorist_watchlist", person.OnTerroristWatchlist);
        Flag(fields, "lawful_status_proof", person.LawfulStatusProof);
        for (var i = 0; i < scenario.Charges.Count; i++)
        {
            Offense(fields, "charge", i + 1, scenario.Charges[i]);
        }

        for (var i = 0; i < scenario.Convictions.Count; i++)
        {
            var conviction = scenario.Convictions[i];
            Offense(fields, "conviction", i + 1, conviction);
            fields[BookingForm.RowField("conviction", i + 1, "convicted_on")] = Day(conviction.ConvictedOn);
            if (conviction.ReleasedOn is { } released)
            {
                fields[BookingForm.RowField("conviction", i + 1, "released_on")] = Day(released);
            }
        }

        if (scenario.Detainer is { } detainer)
        {
            fields["detainer_form"] = Vocabulary.Word(detainer.Form);
            fields["detainer_warrant"] = Vocabulary.Word(detainer.Warrant);
            if (detainer.WarrantCourt is { } court)
            {
                fields["detainer_warrant_court"] = Vocabulary.Word(court);
            }

            if (detainer.WarrantOffense is { } offense)
            {
                fields["detainer_warrant_offense"] = Vocabulary.Word(offense);
            }

            if (detainer.ReceivedAt is { } received)
            {
                fields["detainer_received_at"] = Format.Timestamp(received);
            }
        }

        if (scenario.Custody.ReleaseEligibleAt is { } eligible)
        {
            fields["release_eligible_at"] = Format.Timestamp(eligible);
        }

        Flag(fields, "ice_present", scenario.IcePresentAtRelease);
        if (scenario.Requests.Count > 0)
        {
            fields["request"] = new StringValues([.. scenario.Requests.Order().Select(r => Vocabulary.Word(r))]);
        }

        if (policies.Count > 0)
        {
            fields["policy"] = new StringValues([.. policies]);
        }

        if (timeZone is not null)
        {
            fields[BookingForm.TimeZoneField] = timeZone;
        }

        // A value longer than its field holds would be refused by the form, and is by a link to it.
        if (fields.Any(f => BookingForm.MaxLength(f.Key) is { } most && f.Value.Any(v => v!.Length > most)))
        {
            return null;
        }

        var form = BookingForm.Read(new QueryCollection(fields));

        // "GET " and " HTTP/1.1" with the line's end around the address.
        return EvaluatePage.Path.Length + form.Query().Length + 16 <= RequestLimits.MaxFormLink ? form : null;
    }

    private static bool Holds(IEnumerable<IOffense> offenses) =>
        offenses.Count() <= BookingForm.MaxRows && offenses.All(o => o.Offense.Length > 0 && o.Statute is not { Length: 0 });

    private static void Offense(Dictionary<string, StringValues> fields, string list, int row, IOffense offense)
    {
        fields[BookingForm.RowField(list, row, "offense")] = offense.Offense;
        if (offense.Statute is { } statute)
        {
            fields[BookingForm.RowField(list, row, "statute")] = statute;
        }

        fields[BookingForm.RowField(list, row, "level")] = Vocabulary.Word(offense.Level);
        fields[BookingForm.RowField(list, row, "category")] = Vocabulary.Word(offense.Category);
    }

    /// <summary>A checkbox ticked (the form sends <c>true</c>); one left clear is not sent.</summary>
    private static void Flag(Dictionary<string, StringValues> fields, string field, bool on)
    {
        if (on)
        {
            fields[field] = "true";
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
