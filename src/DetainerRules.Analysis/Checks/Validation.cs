using DetainerRules.Engine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;

namespace DetainerRules.Analysis.Checks;

/// <summary>What <c>detainer validate</c> finds in one input, for every place that validates: the command line's files, <c>POST /v1/validate</c> and the workbench's Draft page.</summary>
/// <remarks>
/// The caller reads the input its own way (a file by path, a text from a request) and says what to
/// do with each kind of input; the findings, and how a loader's or compiler's failure becomes one,
/// are the same everywhere. Loading is the caller's because this project does not see the loaders.
/// </remarks>
public static class Validation
{
    /// <summary>The findings of <paramref name="check"/>, or, when it throws, the input's problems: a loader's diagnostics, else the failure at the start of <paramref name="file"/>.</summary>
    /// <param name="file">How the findings name the input when its problem has no place of its own.</param>
    /// <param name="check">Reads the input and checks it, e.g. <c>() =&gt; Validation.Policy(load(), catalog.Authority, strict)</c>; throws <see cref="InvalidInputException"/> or <see cref="EvaluationException"/> for an input it cannot read or compile.</param>
    /// <param name="shown">How a loader's diagnostics name their files (the command line names them as the user typed them); as they are when null.</param>
    public static IReadOnlyList<Diagnostic> Run(string file, Func<IReadOnlyList<Diagnostic>> check, Func<Diagnostic, Diagnostic>? shown = null)
    {
        try
        {
            return check();
        }
        catch (InvalidInputException e)
        {
            return e.Diagnostics.Count > 0
                ? [.. e.Diagnostics.Select(shown ?? (d => d))]
                : [Diagnostic.Error(new SourceSpan(file, 0, 0), DiagnosticCodes.File, string.Empty, e.Message)];
        }
        catch (EvaluationException e)
        {
            return [Diagnostic.Error(new SourceSpan(file, 0, 0), DiagnosticCodes.Reference, string.Empty, e.Message)];
        }
    }

    /// <summary>A loaded policy compiled into the rule network, as <c>evaluate</c> would run it, and checked over its scenario space for rules that never fire or conflict (<see cref="PolicyChecks"/>).</summary>
    /// <param name="resolveAuthority">How its <c>bound_by</c> entries resolve (<c>catalog.Authority</c>).</param>
    /// <exception cref="InvalidInputException">An authority cannot be loaded.</exception>
    /// <exception cref="EvaluationException">The policy cannot be compiled.</exception>
    public static IReadOnlyList<Diagnostic> Policy(Policy policy, Func<Policy, string, Policy> resolveAuthority, bool strict)
    {
        var network = PolicyCompiler.Compile(policy, resolveAuthority);
        return PolicyChecks.Check(DelegatePolicy.From(network), strict);
    }
}
