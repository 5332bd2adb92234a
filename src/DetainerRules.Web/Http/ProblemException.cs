using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Web.Http;

/// <summary>A request the server refuses, with the HTTP status and what to tell the client (<see cref="Problems"/> writes it).</summary>
public sealed class ProblemException : Exception
{
    public ProblemException(int status, string message, IReadOnlyList<Diagnostic>? diagnostics = null)
        : base(message)
    {
        Status = status;
        Diagnostics = diagnostics ?? [];
    }

    public ProblemException()
        : this(StatusCodes.Status400BadRequest, "bad request")
    {
    }

    public ProblemException(string message)
        : this(StatusCodes.Status400BadRequest, message)
    {
    }

    public ProblemException(string message, Exception inner)
        : base(message, inner)
    {
        Status = StatusCodes.Status400BadRequest;
        Diagnostics = [];
    }

    public int Status { get; }

    /// <summary>The problems in the request's texts, each with its place and field, as the command line prints them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
