namespace DetainerRules.Engine;

/// <summary>A policy could not be evaluated for a scenario; names both and the rule involved.</summary>
public sealed class EvaluationException : Exception
{
    public EvaluationException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public EvaluationException()
    {
    }

    public EvaluationException(string message)
        : base(message)
    {
    }
}
