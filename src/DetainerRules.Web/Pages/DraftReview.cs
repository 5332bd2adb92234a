using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Web.Api;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Pages;

/// <summary>A draft policy checked as <c>POST /v1/validate</c> checks a text and, when it loads, compared with its base over the whole scenario space as <c>POST /v1/compare</c> compares them.</summary>
/// <remarks>
/// Nothing is judged here: the findings are <see cref="ValidateEndpoint.Findings"/>, the comparison
/// <see cref="CompareEndpoint.Compare"/> (<see cref="ComparisonRun"/>, as <c>detainer compare --space</c>),
/// the draft sent as an inline policy and the base named by its catalog id.
/// </remarks>
public sealed class DraftReview
{
    /// <summary>What the draft is labelled in the comparison: the file's id is often its base's, and two columns of one name would read as one.</summary>
    public const string DraftLabel = "draft";

    private DraftReview(IReadOnlyList<Diagnostic> findings, PolicyComparison? comparison, string? problem, int status, string? timeZone = null)
    {
        TimeZone = timeZone;
        Findings = findings;
        Comparison = comparison;
        Problem = problem;
        Status = status;
    }

    /// <summary>Where the compared bookings were placed (the database's id of the zone read); null when no zone was given.</summary>
    public string? TimeZone { get; }

    /// <summary>Every finding in the text, errors and warnings, each with its line, column, code and field.</summary>
    public IReadOnlyList<Diagnostic> Findings { get; }

    /// <summary>The draft (first) against its base (second); null when the draft has errors or the comparison could not be made.</summary>
    public PolicyComparison? Comparison { get; }

    /// <summary>Why there is no comparison although the draft loads (the space too large to walk, the base broken); null otherwise.</summary>
    public string? Problem { get; }

    /// <summary>The page's status: 200, or 422 when the comparison cannot be made.</summary>
    public int Status { get; }

    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    /// <summary>The text with its line ends as a textarea's value has them (a form sends <c>\r\n</c>), so the page and the live script check the same text.</summary>
    public static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <param name="baseId">The catalog policy to compare with; null: the draft is only checked.</param>
    /// <param name="timeZone">Where the compared bookings are, read by <see cref="TimeZoneInput.Read"/>: a draft that names no <c>time_zone</c> (and a <c>local</c> base) counts its days there, as <c>compare --timezone</c> places them.</param>
    /// <exception cref="ProblemException">400: <paramref name="baseId"/> is not an id; 404: no such policy.</exception>
    public static DraftReview Of(CatalogSnapshot catalog, string text, string? baseId, Model.Time.JurisdictionTime? timeZone = null)
    {
        var zone = timeZone?.ZoneId;
        if (baseId is not null)
        {
            CatalogLookup.FileOf(catalog.Catalog, baseId, "base");
        }

        var findings = ValidateEndpoint.Findings(catalog.Catalog, text, strict: false);
        if (baseId is null || findings.Any(f => f.Severity == Severity.Error))
        {
            return new DraftReview(findings, null, null, StatusCodes.Status200OK);
        }

        try
        {
            var request = new CompareRequest
            {
                Policies = [baseId],
                InlinePolicies = [new CompareRequest.InlinePolicy { Name = DraftLabel, Text = text }],
                Space = true,
                TimeZone = zone,
            };
            return new DraftReview(findings, Relabel(CompareEndpoint.Compare(catalog, request), baseId), null, StatusCodes.Status200OK, zone);
        }
        catch (InvalidInputException e)
        {
            // A text that checks clean yet is no policy (a scenario) fails here; its problems are the draft's. Those of a broken base are the comparison's.
            var shown = e.Diagnostics.Select(RequestTexts.Shown).ToList();
            var own = shown.Where(d => d.Span.File == DraftLabel).ToList();
            return own.Count > 0
                ? new DraftReview([.. findings, .. own], null, null, StatusCodes.Status200OK)
                : new DraftReview(findings, null, $"`{baseId}` cannot be compared with: {string.Join("; ", shown.Select(d => d.ToString()))}", StatusCodes.Status422UnprocessableEntity);
        }
        catch (Exception e) when (e is SpaceTooLargeException or EvaluationException)
        {
            return new DraftReview(findings, null, e.Message, StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>The comparison with the draft labelled <see cref="DraftLabel"/> and the base by its id, wherever the compared policies' labels appear.</summary>
    private static PolicyComparison Relabel(PolicyComparison comparison, string baseId)
    {
        var draft = baseId == DraftLabel ? DraftLabel + " (text)" : DraftLabel;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [comparison.Policies[0]] = draft, [comparison.Policies[1]] = baseId };
        return comparison with
        {
            Policies = [draft, baseId],
            Layers = [.. comparison.Layers.Select(l => l with { Policy = labels.GetValueOrDefault(l.Policy, l.Policy) })],
        };
    }
}
