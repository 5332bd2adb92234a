using System.Runtime.ExceptionServices;

namespace DetainerRules.Analysis.Comparison;

/// <summary>Work on several items at once with results, and any failure, as if done one after another.</summary>
public static class InParallel
{
    /// <summary>Each item's result, in the items' order.</summary>
    /// <remarks>When items fail, what the first of them (in order) threw is thrown, as it was thrown: a run fails the same way however its threads were scheduled.</remarks>
    public static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work)
    {
        var results = new TResult[items.Count];
        var failures = new ExceptionDispatchInfo?[items.Count];
        Parallel.For(0, items.Count, i =>
        {
            try
            {
                results[i] = work(items[i]);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        Array.Find(failures, f => f is not null)?.Throw();
        return results;
    }
}
