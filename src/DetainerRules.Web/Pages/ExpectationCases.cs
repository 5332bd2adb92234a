using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Expectations;

namespace DetainerRules.Web.Pages;

/// <summary>The expectation cases written for a policy, found where the repository keeps them: <c>tests/expectations/ID.yaml</c> beside the policy's <c>rules/</c> folder.</summary>
/// <remarks>
/// Only that one file is read, at a place fixed by the policy's own folder and its id (an id never
/// holds a path), so no request names a file. A catalog elsewhere (the copy beside the program, a
/// <c>--rules</c> folder of drafts) has no such file and the page says so. The cases are listed by
/// scenario; which rules each one makes fire would take running them, which a page does not do.
/// </remarks>
public static class ExpectationCases
{
    /// <summary>The expectation file for <paramref name="policy"/>, whether it exists or not.</summary>
    public static string PathFor(Policy policy) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(policy.Span.File) ?? ".", "..", "tests", "expectations", policy.Id + ".yaml"));

    /// <summary>The scenario of each case for <paramref name="policy"/>, in file order; null when there is no file; a problem when it does not load.</summary>
    public static (IReadOnlyList<string>? Cases, string? Problem) Of(Policy policy)
    {
        var path = PathFor(policy);
        if (policy.Span.File is not { Length: > 0 } || !File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            var file = ExpectationLoader.LoadFile(path);
            return ([.. file.Cases.Where(c => c.PolicyId == policy.Id).Select(c => c.ScenarioId).Distinct(StringComparer.Ordinal)], null);
        }
        catch (InvalidInputException e)
        {
            return (null, e.Diagnostics.Count > 0 ? e.Diagnostics[0].ToString() : e.Message);
        }
    }
}
