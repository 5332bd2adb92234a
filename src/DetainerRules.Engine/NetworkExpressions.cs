namespace DetainerRules.Engine;

/// <summary>How the rule network's conditions and actions are turned into code.</summary>
/// <remarks>
/// The choice changes what a network costs to build and to run, never what it answers: the
/// differential tests compare both with each other and with the delegate twin, byte for byte.
/// </remarks>
public enum NetworkExpressions
{
    /// <summary>
    /// Interpreted (<see cref="InterpretingCompiler"/>): a tenth of the cost to build, slower per
    /// scenario. For a network asked about a few scenarios: <c>evaluate</c>, <c>test</c>, checks.
    /// </summary>
    Interpreted,

    /// <summary>
    /// Compiled to IL by the framework's own expression compiler, with quantifiers written as loops
    /// (a nested lambda, compiled, makes a new delegate on every test): slower to build, far faster
    /// per scenario. For bulk work on the reference engine (<c>--engine nrules</c>).
    /// </summary>
    Compiled,
}
