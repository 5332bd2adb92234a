using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>One policy's answers to one subject, asked once for each combination of its own classes of the dimensions its rules read, and read back at any case of the comparison.</summary>
/// <remarks>
/// <para>
/// The compared space is the product of every dimension any compared policy reads, so it grows
/// with the product of the policies' spaces; the policy is asked on its own classes only
/// (<see cref="OwnAnswers"/>), and every compared class reads the answer of the own class that holds
/// it: eight catalog policies cut the charges into hundreds of classes where one of them sees a few dozen.
/// </para>
/// <para>Answers are kept as indices into the distinct answers, numbered in the order first met over the compared cases, so a case costs an int, not an object.</para>
/// </remarks>
internal sealed class ProjectedAnswers
{
    private readonly int[] _strides;
    private readonly int[] _answers;

    private ProjectedAnswers(int[] strides, int[] answers, IReadOnlyList<Answer> distinct, int evaluations)
    {
        _strides = strides;
        _answers = answers;
        Distinct = distinct;
        Evaluations = evaluations;
    }

    /// <summary>Every answer the policy gives, each once; <see cref="At"/> returns an index into it.</summary>
    public IReadOnlyList<Answer> Distinct { get; }

    /// <summary>How many times the policy was asked.</summary>
    public int Evaluations { get; }

    /// <param name="compared">The dimensions the comparison walks for the subject, in order; a case gives its values on them.</param>
    /// <param name="own">The space built for this policy alone (same subjects, filter and booking day); null to ask at every compared class.</param>
    /// <exception cref="EvaluationException">The policy failed on a scenario.</exception>
    public static ProjectedAnswers Of(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, IReadOnlyList<int> compared, ScenarioSpace? own = null)
    {
        var asked = OwnAnswers.Of(policy, subject, space, own);
        var reads = asked.ReadsIn(compared);
        var sizes = asked.Walked.Select(d => space.Dimensions[d].Count).ToArray();
        var strides = new int[compared.Count];
        var stride = 1;
        for (var k = reads.Length - 1; k >= 0; k--)
        {
            strides[reads[k]] = stride;
            stride *= sizes[k];
        }

        // Each compared class reads the answer of the own class that holds it.
        var offsets = new int[asked.Maps.Length][];
        var ownStride = 1;
        for (var k = asked.Maps.Length - 1; k >= 0; k--)
        {
            offsets[k] = [.. asked.Maps[k].Select(c => c * ownStride)];
            ownStride *= asked.Sizes[k];
        }

        var answers = Spread(asked.Answers, offsets, sizes);
        return new ProjectedAnswers(strides, Renumber(answers, asked.ByNumber, out var distinct), distinct, asked.Asked);
    }

    /// <summary>The answers asked at the standing classes read at every point of the compared grid over <paramref name="sizes"/>, walked as an odometer.</summary>
    private static int[] Spread(int[] ownAnswers, int[][] offsets, int[] sizes)
    {
        var grid = new GridPoints(sizes);
        var answers = new int[grid.Count];
        var coordinates = new int[sizes.Length];
        var position = offsets.Sum(o => o[0]);
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = ownAnswers[position];
            for (var k = sizes.Length - 1; k >= 0; k--)
            {
                if (++coordinates[k] < sizes[k])
                {
                    position += offsets[k][coordinates[k]] - offsets[k][coordinates[k] - 1];
                    break;
                }

                position += offsets[k][0] - offsets[k][sizes[k] - 1];
                coordinates[k] = 0;
            }
        }

        return answers;
    }

    /// <summary>Renumbers the answers, in place, in the order first met over the compared cases.</summary>
    private static int[] Renumber(int[] answers, Answer[] byNumber, out List<Answer> distinct)
    {
        distinct = [];
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

        return answers;
    }

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
