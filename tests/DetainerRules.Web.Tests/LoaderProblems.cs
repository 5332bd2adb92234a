using DetainerRules.Model.Diagnostics;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Tests;

/// <summary>What the scenario loader says about a field: the message a page must show beside it (shared with the browser tests).</summary>
internal static class LoaderProblems
{
    /// <summary>The loader's message about <paramref name="field"/> in <paramref name="yaml"/>.</summary>
    public static string Of(string yaml, string field)
    {
        try
        {
            ScenarioLoader.Load(yaml, "expected.yaml", "scenario");
        }
        catch (InvalidInputException e)
        {
            return e.Diagnostics.Single(d => d.Field == field).Message;
        }

        throw new AssertionException($"the loader took {yaml}");
    }
}
