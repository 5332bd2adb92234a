using DetainerRules.Reports;
using DetainerRules.Web.Http;

namespace DetainerRules.Web.Pages;

/// <summary>A request a page cannot answer, as a page: the status and the same message and diagnostics the API's problem details carry (<see cref="Problems"/>), never a stack trace.</summary>
public static class ProblemPage
{
    /// <summary>The page for <paramref name="problem"/>, with a way back to where the reader was.</summary>
    /// <param name="back">The page to go back to and its name, e.g. <c>("/draft", "Draft")</c>.</param>
    public static IResult Render(ProblemException problem, (string Path, string Name) back) =>
        PageLayout.Page(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(problem.Status), w =>
        {
            w.WriteLine($"<h1>{HtmlText.Encode(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(problem.Status))}</h1>");
            w.WriteLine("<section class=\"problems\" id=\"problems\" role=\"alert\"><h2>The request cannot be answered</h2>");
            w.WriteLine($"<p>{HtmlText.Encode(problem.Message)}</p>");
            var details = problem.Diagnostics.Select(RequestTexts.Shown).Where(d => d.Message != problem.Message).ToList();
            if (details.Count > 0)
            {
                w.WriteLine("<ul>");
                foreach (var d in details)
                {
                    w.WriteLine($"<li>{HtmlText.Encode(d.ToString())}</li>");
                }

                w.WriteLine("</ul>");
            }

            w.WriteLine($"<p><a href=\"{back.Path}\">Back to {HtmlText.Encode(back.Name)}</a></p></section>");
        }, problem.Status);

    /// <summary>Runs <paramref name="page"/>; what the request got wrong (<see cref="Problems.Of"/>) is answered as a page, a defect left to <see cref="ProblemHandling"/>.</summary>
    public static async Task<IResult> Or(Func<Task<IResult>> page, (string Path, string Name) back)
    {
        try
        {
            return await page();
        }
        catch (Exception e) when (Problems.Of(e) is { } problem)
        {
            return Render(problem, back);
        }
    }
}
