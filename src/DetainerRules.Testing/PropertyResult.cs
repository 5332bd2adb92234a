using NUnit.Framework.Constraints;

namespace DetainerRules.Testing;

/// <summary>A constraint's verdict, with a failure message that shows a counter-example rather than "expected X".</summary>
internal sealed class PropertyResult(IConstraint constraint, object? actual, bool success, IReadOnlyList<string> evidence)
    : ConstraintResult(constraint, actual, success)
{
    public override void WriteMessageTo(MessageWriter writer)
    {
        writer.WriteLine($"  Expected: {Description}");
        for (var i = 0; i < evidence.Count; i++)
        {
            writer.WriteLine((i == 0 ? "  But was:  " : "            ") + evidence[i]);
        }
    }

    public override void WriteActualValueTo(MessageWriter writer) => writer.Write(evidence.Count > 0 ? evidence[0] : ActualValue?.ToString() ?? "null");
}
