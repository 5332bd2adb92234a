using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>One policy's answers to one subject, asked once for each combination of its own classes of the dimensions its rules read, and read back at any case of the comparison.</summary>
/// <remarks>
/// <para>
/// The compared space is the product of every dimension any compared policy reads, so it grows
/// with the product of the policies' spaces; each policy's answer depends only on the fields its
/// own rules (and its authorities') read (<see cref="ScenarioSpace.RelevantTo(Subject, IPolicyEvaluator)"/>),
/// and only on which of its own classes their values fall in: the classes of the space built for
/// it alone, which the compared classes refine (<see cref="ScenarioSpace.ClassesIn"/>). So the policy
/// is asked once per combination of its own classes, each at the first compared class it holds, and
/// every compared class reads the answer of the own class that holds it: eight catalog policies cut
/// the charges into hundreds of classes where one of them sees a few dozen.
/// </para>
/// <para>
/// For a policy that reads the booking moment, the moment and the convictions keep their compared
/// classes: the day its look-backs count from depends on the moment, and the conviction dates'
/// classes are cut against it, so they do not map one dimension at a time.
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
        // Only dimensions the comparison walks: any other is held at its first value in every case anyway.
        var read = space.RelevantTo(subject, policy).ToHashSet();
        var reads = Enumerable.Range(0, compared.Count).Where(i => read.Contains(compared[i])).ToArray();
        var sizes = reads.Select(i => space.Dimensions[compared[i]].Count).ToArray();
        var strides = new int[compared.Count];
        var stride = 1;
        for (var k = reads.Length - 1; k >= 0; k--)
        {
            strides[reads[k]] = stride;
            stride *= sizes[k];
        }

        // Each dimension the policy reads, by the compared classes that stand for its own: one compared class
        // for each own class it can tell apart (a class of its own holds every compared class mapped to it).
        var walked = reads.Select(i => compared[i]).ToArray();
        var (maps, standing) = OwnClasses(space, own, walked, read.Any(d => space.Dimensions[d].Name == BookingMoments.DimensionName));
        var (asked, byNumber) = Ask(policy, subject, space, walked, standing);
        var offsets = new int[maps.Length][];
        var ownStride = 1;
        for (var k = maps.Length - 1; k >= 0; k--)
        {
            offsets[k] = [.. maps[k].Select(c => c * ownStride)];
            ownStride *= standing[k].Length;
        }

        var answers = Spread(asked, offsets, sizes);
        return new ProjectedAnswers(strides, Renumber(answers, byNumber, out var distinct), distinct, asked.Length);
    }

    /// <summary>For each of <paramref name="walked"/> (dimensions the policy reads), each compared class's own class, numbered from 0, and the first compared class of each own class (where the policy is asked).</summary>
    /// <param name="own">The policy's own space; null to keep every compared class.</param>
    /// <param name="readsMoment">The policy reads the booking moment: the moment's and the convictions' compared classes are kept (<see cref="Joint"/>).</param>
    internal static (int[][] Maps, int[][] Standing) OwnClasses(ScenarioSpace space, ScenarioSpace? own, IReadOnlyList<int> walked, bool readsMoment)
    {
        var maps = walked.Select(d => own is null || (readsMoment && Joint(space.Dimensions[d].Name))
            ? [.. Enumerable.Range(0, space.Dimensions[d].Count)]
            : Compress(space.ClassesIn(own, d))).ToArray();
        var standing = maps.Select(m => Enumerable.Range(0, m.Length).GroupBy(c => m[c]).OrderBy(g => g.Key).Select(g => g.First()).ToArray()).ToArray();
        return (maps, standing);
    }

    /// <summary>Whether a dimension's classes, for a policy that reads the booking moment, count only together with the moment's: the day its look-backs count from is the moment's, and the conviction dates' classes are cut against it.</summary>
    private static bool Joint(string dimension) => dimension is BookingMoments.DimensionName or "convictions";

    /// <summary>The own classes renumbered in order, without those no compared class falls in (never read).</summary>
    private static int[] Compress(int[] classes)
    {
        var kept = classes.Distinct().Order().Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        return [.. classes.Select(c => kept[c])];
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

    /// <summary>The policy asked at every point of the grid over <paramref name="dimensions"/> of <paramref name="space"/>, each at the classes <paramref name="standing"/> lists (by position), the others at their first value; each answer as a number given to each distinct answer as met.</summary>
    /// <remarks>
    /// Numbered in any order, as the points are asked in parallel, and renumbered in the order of the
    /// cases (<see cref="Renumber"/>): over millions of points an object per point would live until
    /// numbered, though a policy gives a handful of distinct answers.
    /// </remarks>
    private static (int[] Answers, Answer[] ByNumber) Ask(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, int[] dimensions, int[][] standing)
    {
        var grid = new GridPoints([.. standing.Select(s => s.Length)]);
        var answers = new int[grid.Count];
        var canonical = new System.Collections.Concurrent.ConcurrentDictionary<Answer, int>();
        var met = new System.Runtime.CompilerServices.StrongBox<int>(0);
        Parallel.For(
            0,
            grid.Count,
            () => (Coordinates: new int[dimensions.Length], Point: new int[space.Dimensions.Count]),
            (position, _, buffers) =>
            {
                grid.At(position, buffers.Coordinates);
                for (var k = 0; k < dimensions.Length; k++)
                {
                    buffers.Point[dimensions[k]] = standing[k][buffers.Coordinates[k]];
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

        return (answers, byNumber);
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
