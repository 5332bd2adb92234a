using System.Diagnostics;

namespace DetainerRules.Fuzz;

/// <summary>How an input broke the contract, with a signature that groups inputs hitting the same bug.</summary>
/// <param name="Signature">Exception type (or violation kind) and the top frames; equal signatures are one finding.</param>
/// <param name="Detail">Message and stack, for the report.</param>
internal sealed record Failure(string Signature, string Detail)
{
    public static Failure From(Exception e)
    {
        if (e is ContractViolationException violation)
        {
            // A violation has no useful stack of its own: its key says which finding it is.
            return new Failure(violation.Key, violation.Message);
        }

        var frames = new StackTrace(e, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .OfType<System.Reflection.MethodBase>()
            .Select(m => $"{m.DeclaringType?.FullName}.{m.Name}")
            .ToList();

        // Where it was thrown (wherever that is), the innermost class of our own code, and the
        // outermost method: which public call of the library the input came in through. Recursion
        // and sibling methods in between (ReadNode, ReadMapping) do not split one bug into many.
        var ours = frames.Where(f => f.StartsWith("DetainerRules.", StringComparison.Ordinal) && !f.StartsWith("DetainerRules.Fuzz.", StringComparison.Ordinal)).ToList();
        var innermost = ours.Take(1).Select(f => f[..f.LastIndexOf('.')]);
        var top = frames.Take(1).Concat(innermost).Concat(ours.TakeLast(1)).Distinct();
        return new Failure($"{e.GetType().FullName} @ {string.Join(" < ", top)}", e.ToString());
    }
}
