using DetainerRules.Analysis.Expectations;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Expectations;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml;
using DetainerRules.Yaml.Expectations;

namespace DetainerRules.Web.Pages;

/// <summary>The expectation cases written for a policy, run under it: found where the repository keeps them, <c>tests/expectations/ID.yaml</c> beside the policy's <c>rules/</c> folder, each scenario resolved and each case judged as <c>detainer test</c> does.</summary>
/// <remarks>
/// <para>
/// Only that one file is read, at a place fixed by the policy's own folder and its id (an id never
/// holds a path), and the scenarios it refers to are looked up by <see cref="ScenarioReferences"/>,
/// within the folders <c>detainer test</c> may read them from; no request names a file. A catalog
/// elsewhere (the copy beside the program, a <c>--rules</c> folder of drafts) has no such file and
/// the page says so.
/// </para>
/// <para>
/// The run is kept with the catalog's snapshot (<see cref="Api.CatalogSnapshot.CasesOf"/>), whose
/// folder watch covers the rules only; so the run remembers each file it read (the expectation file,
/// whether it existed, and each scenario file, with every place the lookup tried before finding it,
/// or every place when it found none) and is run again when one of them has changed or appeared.
/// </para>
/// </remarks>
public sealed class ExpectationCases
{
    private readonly IReadOnlyList<(string Path, DateTime Written, long Length)> _read;

    private ExpectationCases(IReadOnlyList<CaseResult>? results, string? problem, IReadOnlyList<(string Path, DateTime Written, long Length)> read)
    {
        Results = results;
        Problem = problem;
        _read = read;
    }

    /// <summary>Each case of the policy, in file order, with its verdict or why it could not be run; null when there is no expectation file (or it does not load).</summary>
    public IReadOnlyList<CaseResult>? Results { get; }

    /// <summary>Why the expectation file does not load; null when it does or there is none.</summary>
    public string? Problem { get; }

    /// <summary>True when a file the run read has changed (or the expectation file appeared or went) since.</summary>
    public bool Stale => _read.Any(f => Stamp(f.Path) != f);

    /// <summary>The expectation file for <paramref name="policy"/>, whether it exists or not.</summary>
    public static string PathFor(Policy policy) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(policy.Span.File) ?? ".", "..", "tests", "expectations", policy.Id + ".yaml"));

    /// <summary>The expectation file as the page names it, relative to the catalog's folder.</summary>
    public static string NameFor(Policy policy) => $"tests/expectations/{policy.Id}.yaml";

    /// <summary>Runs the cases for <paramref name="policy"/> found in its expectation file.</summary>
    /// <param name="twin">The policy compiled with the authorities in force at a booking, placed where the bookings are when a case says (the snapshot's cached twin).</param>
    public static ExpectationCases Run(Policy policy, Func<Policy, DateTimeOffset, Model.Time.JurisdictionTime?, IPolicyEvaluator> twin)
    {
        var path = PathFor(policy);
        var read = new List<(string, DateTime, long)> { Stamp(path) };
        if (policy.Span.File is not { Length: > 0 } || !File.Exists(path))
        {
            return new(null, null, read);
        }

        ExpectationFile file;
        try
        {
            file = ExpectationLoader.LoadFile(path);
        }
        catch (InvalidInputException e)
        {
            return new(null, e.Diagnostics.Count > 0 ? e.Diagnostics[0].ToString() : e.Message, read);
        }

        // The case's policy is this page's: detainer test loads it by id, which names this file.
        var own = file with { Cases = [.. file.Cases.Where(c => c.PolicyId == policy.Id)] };
        Scenario Scenario(ExpectationFile f, ExpectationCase c)
        {
            // Stamped up to the file found (every place, when none is): a scenario file added later, where the
            // lookup would now find it first, makes the run stale as an edited one does.
            foreach (var candidate in ScenarioReferences.Candidates(Path.GetDirectoryName(path)!, f.Path, c.ScenarioId, null))
            {
                read.Add(Stamp(candidate));
                if (File.Exists(candidate))
                {
                    break;
                }
            }

            return ReferencedScenario.Load(ScenarioReferences.Find(Path.GetDirectoryName(path)!, f.Path, c.ScenarioId, null, c.Span), c.ScenarioId, c.Span);
        }

        var results = ExpectationRunner.Run([own], (c, scenario) => twin(policy, scenario.BookedAt, c.Bookings), Scenario, ExpectationRunner.Failure);
        return new(results, null, read);
    }

    /// <summary>The cases in which <paramref name="rule"/> fired, each with what it did there (<see cref="Roles"/>).</summary>
    public IReadOnlyList<(CaseResult Case, string Roles)> Exercising(PolicyRule rule) =>
        [.. (Results ?? []).Where(r => r.Verdict is { } v && v.Own.Fired.Any(f => f.Id == rule.Id)).Select(r => (r, Roles(r.Verdict!.Own, rule.Id)))];

    /// <summary>What a rule that fired did in a verdict, decision by decision: deciding it, overridden by a rule that prevailed, or in conflict with another; "fired, deciding nothing" when none.</summary>
    public static string Roles(Verdict verdict, string ruleId)
    {
        static bool Has(IEnumerable<Assertion> assertions, string id) => assertions.Any(a => a.Rule.Id == id);
        string? Role(string role, Func<Decision, bool> did)
        {
            var kinds = verdict.Decisions.Where(did).Select(d => Model.Vocabulary.Word(d.Kind)).Distinct().ToList();
            return kinds.Count == 0 ? null : $"{role} {string.Join(", ", kinds)}";
        }

        var roles = new[]
        {
            Role("deciding", d => Has(d.Deciding, ruleId)),
            Role("overridden on", d => Has(d.Overridden, ruleId)),
            Role("in conflict on", d => Has(d.Conflict, ruleId)),
        }.OfType<string>().ToList();
        return roles.Count == 0 ? "fired, deciding nothing" : string.Join("; ", roles);
    }

    private static (string Path, DateTime Written, long Length) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (path, info.LastWriteTimeUtc, info.Length) : (path, DateTime.MinValue, -1);
    }
}
