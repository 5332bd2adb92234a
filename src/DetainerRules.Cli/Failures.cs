using DetainerRules.Analysis;
using DetainerRules.Analysis.Space;
using DetainerRules.Cli.Files;
using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Cli;

/// <summary>The one mapping from what went wrong to what standard error says and the exit code (<see cref="ExitCodes"/>).</summary>
/// <remarks>
/// Standard error has two styles: problems in an input file, compiler style, one a line
/// (<c>file:line:column: error CODE: field: message</c>); everything else one line,
/// <c>detainer: message</c>. Never a stack trace.
/// </remarks>
internal static class Failures
{
    /// <summary>The exit code for <paramref name="e"/>.</summary>
    public static int ExitCode(Exception e) => e switch
    {
        InvalidInputException or EvaluationException => ExitCodes.InvalidInput,
        UsageException or SpaceFilterException or SpaceTooLargeException or Yaml.CatalogPathException => ExitCodes.Usage,
        OperationCanceledException => ExitCodes.Interrupted,
        OutputException { BrokenPipe: true } => ExitCodes.BrokenPipe,
        OutputException => ExitCodes.OutputFailed,

        // A defect, not the user's input.
        _ => ExitCodes.InvalidInput,
    };

    /// <summary>Says what went wrong on standard error, and gives the exit code.</summary>
    /// <param name="about">
    /// What the failure concerns, put before the message (a scenario file whose evaluation failed);
    /// for an interruption, the output that was therefore not written.
    /// </param>
    public static int Report(CliContext context, Exception e, string? about = null)
    {
        if (e is InvalidInputException { Diagnostics.Count: > 0 } input)
        {
            foreach (var d in input.Diagnostics)
            {
                context.Error.WriteLine(d.ToString());
            }
        }
        else if (e is OutputException { BrokenPipe: true })
        {
            // The reader of standard output is gone (`| head`): nothing left to say, and no one to say it to.
        }
        else
        {
            context.Error.WriteLine("detainer: " + Message(e, about));
        }

        return ExitCode(e);
    }

    private static string Message(Exception e, string? about) => e switch
    {
        OperationCanceledException => about is null ? "interrupted" : $"interrupted; {about} was not written",
        // The libraries name no option; the words that tie their messages to the command line are added here.
        SpaceFilterException => $"--where {e.Message}",
        SpaceTooLargeException => $"{e.Message}; narrow the space with --where",
        InvalidInputException or EvaluationException or UsageException or OutputException or Yaml.CatalogPathException =>
            about is null ? e.Message : $"{about}: {e.Message}",
        _ => $"internal error: {e.GetType().Name}: {e.Message} (please report it, with the command you ran)",
    };
}
