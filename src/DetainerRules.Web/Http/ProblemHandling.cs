namespace DetainerRules.Web.Http;

/// <summary>Turns every failure of a request into problem details (<see cref="Problems"/>); a defect is logged to the server's error stream and answered 500, never with a stack trace.</summary>
public static class ProblemHandling
{
    public static IApplicationBuilder UseProblems(this IApplicationBuilder app, TextWriter error) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            if (http.Response.HasStarted)
            {
                throw;
            }

            var problem = Problems.Of(e);
            if (problem is null)
            {
                lock (error)
                {
                    error.WriteLine($"detainer: internal error: {e.GetType().Name}: {e.Message} (please report it, with the request that caused it)");
                }

                problem = new ProblemException(StatusCodes.Status500InternalServerError, "internal error; the server's error output says more");
            }

            http.Response.Clear();
            await Problems.Write(http, problem);
        }
    });
}
