namespace DetainerRules.Cli;

/// <summary>Whether a run needs code generated while it runs, or may go without (<see cref="System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported"/> false).</summary>
/// <remarks>
/// <para>
/// Without it, YamlDotNet's compiled regular expression is interpreted instead of being compiled at the first
/// document, the expressions NRules and the field table compile are interpreted, and reflection emits no call
/// stubs: a cold <c>evaluate</c> spends about a tenth less time. The answers are the same. What needs it is the
/// delegate twin (FastExpressionCompiler builds its delegates with <c>DynamicMethod</c>), which only pays off
/// when it evaluates many scenarios: <c>--what-flips</c>, a table of policies, and the commands not named here.
/// </para>
/// <para>
/// The command line is read before it is parsed, so the switch is set before anything reads it. The reading is
/// deliberately narrow: a word it does not follow (a response file, a second policy) leaves code generation on.
/// A run it misjudges still answers the same, only slower: the twin falls back to the interpreter
/// (<c>FastCompiler</c>).
/// </para>
/// </remarks>
internal static class DynamicCode
{
    /// <summary>The runtime's switch for code generated while running.</summary>
    public const string Switch = "System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported";

    /// <summary>Commands that decide at most a few scenarios under one policy, or none: they never build the delegate twin.</summary>
    private static readonly string[] WithoutIt = ["evaluate", "list", "show"];

    /// <summary>What asks <c>evaluate</c> for the delegate twin: the flips searched over the space, or a table of several policies.</summary>
    private static readonly string[] TwinOptions = ["--what-flips", "--all"];

    private static readonly string[] PolicyOptions = ["-p", "--policy"];

    /// <summary>False when the run given <paramref name="args"/> surely builds no delegate twin; true otherwise.</summary>
    public static bool IsNeeded(string[] args)
    {
        if (args.Length == 0 || !WithoutIt.Contains(args[0], StringComparer.Ordinal))
        {
            return true;
        }

        var policies = 0;
        foreach (var arg in args)
        {
            // `@file` reads more of the command line from a file; `--opt=value` and `--opt:value` spell an option too.
            var name = arg.Split('=', ':')[0];
            if (arg.StartsWith('@') || TwinOptions.Contains(name, StringComparer.Ordinal))
            {
                return true;
            }

            if (PolicyOptions.Contains(name, StringComparer.Ordinal) || (arg.StartsWith("-p", StringComparison.Ordinal) && !arg.StartsWith("--", StringComparison.Ordinal)))
            {
                policies++;
            }
        }

        return policies > 1;
    }
}
