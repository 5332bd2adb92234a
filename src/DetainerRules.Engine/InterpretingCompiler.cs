using System.Linq.Expressions;
using NRules.Extensibility;

namespace DetainerRules.Engine;

/// <summary>Turns the rule network's expressions into delegates that interpret the tree rather than compile it to IL.</summary>
/// <remarks>
/// Compiling expression trees is most of what building a network costs (a third of a second for
/// 500 rules); interpreting them costs a tenth of that to prepare and runs slower. The network is
/// the reference engine, mostly asked about a few scenarios at a time (bulk work runs on the
/// delegate twin); bulk work on the network itself (<c>--engine nrules</c>) compiles instead
/// (<see cref="NetworkExpressions.Compiled"/>). FastExpressionCompiler, tried here first, gave wrong answers on the catalog's
/// conviction look-backs, which the differential tests caught; it serves only the delegate twin,
/// whose expressions it handles correctly.
/// </remarks>
internal sealed class InterpretingCompiler : IExpressionCompiler
{
    public static InterpretingCompiler Instance { get; } = new();

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
}
