using DetainerRules.Analysis;
using DetainerRules.Analysis.Flips;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Model.Time;
using DetainerRules.Reports.PolicyTables;
using DetainerRules.Web.Api;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Pages;

/// <summary>A booking from the form decided under the chosen policies, as <c>detainer evaluate -p A -p B</c> decides a scenario file; or the problems that stop it, each tied to its form field.</summary>
/// <remarks>
/// Nothing is decided here: the scenario comes from the loader (<see cref="ScenarioLoader"/>), each
/// family's version from <see cref="PolicyChoice"/> by the booking day, the verdicts from the
/// delegate twin as the command line's table and <c>POST /v1/evaluate</c> with several policies
/// get them, and each decision's explanation from <see cref="DecisionExplanation"/>.
/// </remarks>
public sealed class BookingEvaluation
{
    private readonly ConditionTracer _tracer = new();

    private BookingEvaluation(PolicyTable? table, IReadOnlyList<(string? Field, Diagnostic Problem)> problems, IReadOnlyDictionary<string, ColumnFlips>? flips = null, JurisdictionTime? bookings = null)
    {
        Table = table;
        Problems = problems;
        Flips = flips ?? new Dictionary<string, ColumnFlips>();
        Bookings = bookings;
    }

    /// <summary>Where the booking was placed (the form's time zone, read as the API's <c>timezone</c>); null when the field was empty.</summary>
    public JurisdictionTime? Bookings { get; }

    /// <summary>What would change each answer of a column (<see cref="WhatFlips"/>), or why it was not found.</summary>
    public sealed record ColumnFlips(IReadOnlyDictionary<Subject, IReadOnlyList<Flip>>? Found, string? NotFound);

    /// <summary>By column name, when the form asked what would change each answer; empty otherwise.</summary>
    public IReadOnlyDictionary<string, ColumnFlips> Flips { get; }

    /// <summary>The decisions, a column per policy; null when there are problems.</summary>
    public PolicyTable? Table { get; }

    /// <summary>What stops the evaluation, each with the form field it is about (null: the booking as a whole).</summary>
    public IReadOnlyList<(string? Field, Diagnostic Problem)> Problems { get; }

    /// <summary>Each decision of each verdict, explained; the tracer is the request's own (it caches by condition).</summary>
    public IReadOnlyDictionary<DecisionKind, DecisionExplanation> Explain(Verdict verdict) => DecisionExplanation.Of(verdict, _tracer);

    /// <summary>The scenario the form describes, read by the loader from <see cref="BookingForm.ToYaml"/>.</summary>
    /// <exception cref="InvalidInputException">The booking has problems, each positioned in that text and named by its field.</exception>
    public static Scenario Load(BookingForm form) => ScenarioLoader.Load(form.ToYaml(), RequestTexts.Scenario, RequestTexts.Scenario);

    /// <remarks>A chosen policy that cannot decide the booking (its authorities cannot be told on the booking day, or its evaluation fails) is a problem beside the policies, so the page answers with a page, not the API's problem details.</remarks>
    public static BookingEvaluation Of(CatalogSnapshot catalog, BookingForm form)
    {
        var problems = new List<(string?, Diagnostic)>();
        Scenario? scenario = null;
        try
        {
            scenario = Load(form);
        }
        catch (InvalidInputException e)
        {
            problems.AddRange(e.Diagnostics.Select(d => (form.FieldOf(d.Field), d)));
        }

        // The zone read by the API's own reader, so a word it refuses is refused here with its message, beside the field.
        JurisdictionTime? bookings = null;
        try
        {
            bookings = TimeZoneInput.Read(form.TimeZone);
        }
        catch (ProblemException e)
        {
            problems.AddRange(e.Diagnostics.Select(d => ((string?)BookingForm.TimeZoneField, d)));
        }

        var choices = new List<PolicyChoice>();
        if (form.Policies.Count == 0)
        {
            problems.Add(("policy", Fail("choose at least one policy")));
        }
        else if (form.Policies.Count > RequestLimits.MaxPolicies)
        {
            problems.Add(("policy", Fail($"{form.Policies.Count} policies chosen; the limit is {RequestLimits.MaxPolicies}")));
        }
        else
        {
            foreach (var name in form.Policies)
            {
                try
                {
                    choices.Add(catalog.Choose(name, "policy"));
                }
                catch (ProblemException e)
                {
                    problems.Add(("policy", e.Diagnostics.Count > 0 ? e.Diagnostics[0] : Fail(e.Message)));
                }
                catch (InvalidInputException e)
                {
                    problems.AddRange(e.Diagnostics.Select(d => ((string?)"policy", d)));
                }
            }
        }

        if (problems.Count > 0 || scenario is null)
        {
            return new BookingEvaluation(null, problems);
        }

        // As the table of `detainer evaluate -p A -p B [--timezone ZONE]` and of POST /v1/evaluate: each family at its version on the booking day (the day where
        // the booking is placed), with the authorities then in force, every policy that names no zone placed in the form's; compiled once for the whole server.
        try
        {
            var columns = choices.Select(c => PolicyColumn.Of(c.Name, () => c.On(scenario.BookedAt, bookings), policy => catalog.Twin(policy, scenario.BookedAt, null, bookings).Evaluate(scenario))).ToList();
            var flips = form.WhatFlips ? columns.Where(c => c.Verdict is not null).ToDictionary(c => c.Name, c => FlipsOf(catalog.Twin(c.Verdict!.Policy, scenario.BookedAt, null, bookings), scenario), StringComparer.Ordinal) : null;
            return new BookingEvaluation(new PolicyTable(scenario, null, columns), [], flips, bookings);
        }
        catch (InvalidInputException e)
        {
            // A policy that loads but cannot decide this booking (its authority's versions overlap on the booking day): said beside the policies, as the command line says it.
            return new BookingEvaluation(null, [.. e.Diagnostics.Select(d => ((string?)"policy", d))]);
        }
        catch (EvaluationException e)
        {
            return new BookingEvaluation(null, [("policy", Fail(e.Message))]);
        }
    }

    /// <summary>As <c>detainer evaluate --what-flips</c>: a space too large to search leaves the answers standing, and says why.</summary>
    private static ColumnFlips FlipsOf(IPolicyEvaluator twin, Scenario scenario)
    {
        try
        {
            return new ColumnFlips(Subject.All.ToDictionary(s => s, s => WhatFlips.For(twin, scenario, s)), null);
        }
        catch (SpaceTooLargeException e)
        {
            return new ColumnFlips(null, e.Message);
        }
    }

    private static Diagnostic Fail(string message) => Diagnostic.Error(new SourceSpan("policy", 0, 0), DiagnosticCodes.Field, "policy", message);
}
