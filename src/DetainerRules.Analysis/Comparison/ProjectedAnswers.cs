using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>One policy's answers to one subject, asked once at each point of only the dimensions its own rules read, and read back at any case of the comparison.</summary>
/// <remarks>
/// <para>
/// The compared space is the product of every dimension any compared policy reads, so it grows
/// with the product of the policies' spaces; each policy's answer depends only on the fields its
/// own rules (and its authorities') read (<see cref="ScenarioSpace.RelevantTo(Subject, IPolicyEvaluator)"/>).
/// Evaluating it on its own dimensions, the others held at their first value, and projecting each
/// case onto them asks it as often as its own space has points instead of the whole product.
/// </para>
/// <para>Answers are kept as indices into the distinct answers met, in the order first met, so a case costs an int, not an object.</para>
/// </remarks>
internal sealed class ProjectedAnswers
{
    private readonly int[] _strides;
    private readonly int[] _answers;

    private ProjectedAnswers(int[] strides, int[] answers, IReadOnlyList<Answer> distinct)
    {
        _strides = strides;
        _answers = answers;
        Distinct = distinct;
    }

    /// <summary>Every answer the policy gives, each once; <see cref="At"/> returns an index into it.</summary>
    public IReadOnlyList<Answer> Distinct { get; }

    /// <summary>How many times the policy was asked.</summary>
    public int Evaluations => _answers.Length;

    /// <param name="compared">The dimensions the comparison walks for the subject, in order; a case gives its values on them.</param>
    /// <exception cref="EvaluationException">The policy failed on a scenario.</exception>
    public static ProjectedAnswers Of(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, IReadOnlyList<int> compared)
    {
        // Only dimensions the comparison walks: any other is held at its first value in every case anyway.
        var read = space.RelevantTo(subject, policy).ToHashSet();
        var own = Enumerable.Range(0, compared.Count).Where(i => read.Contains(compared[i])).ToArray();
        var grid = new GridPoints([.. own.Select(i => space.Dimensions[compared[i]].Count)]);
        var strides = new int[compared.Count];
        var stride = 1;
        for (var k = own.Length - 1; k >= 0; k--)
        {
            strides[own[k]] = stride;
            stride *= space.Dimensions[compared[own[k]]].Count;
        }

        // Each point's answer kept as a number given to each distinct answer as met (in any order, as the
        // points are asked in parallel), renumbered below in the order of the points: over millions of
        // points an object per point would live until numbered, though a policy gives a handful of distinct answers.
        var answers = new int[grid.Count];
        var canonical = new System.Collections.Concurrent.ConcurrentDictionary<Answer, int>();
        var met = new System.Runtime.CompilerServices.StrongBox<int>(0);
        Parallel.For(
            0,
            grid.Count,
            () => (Coordinates: new int[own.Length], Point: new int[space.Dimensions.Count]),
            (position, _, buffers) =>
            {
                grid.At(position, buffers.Coordinates);
                for (var k = 0; k < own.Length; k++)
                {
                    buffers.Point[compared[own[k]]] = buffers.Coordinates[k];
                }

                var answer = subject.AnswerFrom(policy, space.Build(buffers.Point, "space-point"));
                answers[position] = canonical.GetOrAdd(answer, Met, met);
                return buffers;
            },
            _ => { });

        var byNumber = new Answer[met.Value];
        foreach (var (answer, number) in canonical)
        {
            byNumber[number] = answer;
        }

        var distinct = new List<Answer>();
        var renumbered = Enumerable.Repeat(-1, byNumber.Length).ToArray();
        for (var p = 0; p < answers.Length; p++)
        {
            ref var id = ref renumbered[answers[p]];
            if (id < 0)
            {
                id = distinct.Count;
                distinct.Add(byNumber[answers[p]]);
            }

            answers[p] = id;
        }

        return new ProjectedAnswers(strides, answers, distinct);
    }

    /// <summary>A number for an answer met for the first time: each call takes a new one, so two threads racing on the same answer may leave a number unused, never share one.</summary>
    private static int Met(Answer answer, System.Runtime.CompilerServices.StrongBox<int> met) => Interlocked.Increment(ref met.Value) - 1;

    /// <summary>How far one step along a compared dimension (by position) moves a case among the policy's points: 0 along a dimension it does not read.</summary>
    public int Stride(int dimension) => _strides[dimension];

    /// <summary>The index of the policy's answer at one of its points, numbered as the sum of a case's values times <see cref="Stride"/>.</summary>
    public int AnswerAt(int position) => _answers[position];

    /// <summary>The index of the policy's answer at a case, given by its values on the compared dimensions.</summary>
    public int At(ReadOnlySpan<int> coordinates)
    {
        var position = 0;
        for (var i = 0; i < coordinates.Length; i++)
        {
            position += coordinates[i] * _strides[i];
        }

        return _answers[position];
    }
}
