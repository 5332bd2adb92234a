using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>One policy's answers to one subject, asked once for each combination of its own classes of the compared dimensions its rules read.</summary>
/// <remarks>
/// <para>
/// Each policy's answer depends only on the fields its own rules (and its authorities') read
/// (<see cref="ScenarioSpace.RelevantTo(Subject, IPolicyEvaluator)"/>), and only on which of its own
/// classes their values fall in: the classes of the space built for it alone, which the compared
/// classes refine (<see cref="ScenarioSpace.ClassesIn"/>). So the policy is asked once per combination
/// of its own classes, each at the first compared class it holds. A comparison reads these answers
/// back case by case (<see cref="ProjectedAnswers"/>) or as a decision diagram (<see cref="AnswerDiagram"/>).
/// </para>
/// <para>
/// For a policy that reads the booking moment, the moment and the convictions keep their compared
/// classes: the day its look-backs count from depends on the moment, and the conviction dates'
/// classes are cut against it, so they do not map one dimension at a time. It is still asked once per
/// own class of convictions at each moment (<see cref="SameAtMoment"/>): the catalog's 1,567 compared
/// classes of convictions hold a few dozen of a policy's own.
/// </para>
/// </remarks>
internal sealed class OwnAnswers
{
    private OwnAnswers(int[] walked, int[][] maps, int[] sizes, int[] answers, Answer[] byNumber, int asked)
    {
        Asked = asked;
        Walked = walked;
        Maps = maps;
        Sizes = sizes;
        Answers = answers;
        ByNumber = byNumber;
    }

    /// <summary>The dimensions of the subject's part of the space that the policy reads (indices into the space), in the space's order.</summary>
    /// <remarks>
    /// Any comparison of the policy walks every one of them (it walks each dimension some compared
    /// policy reads), so the same answers serve every comparison over the space that holds the policy:
    /// its place among a comparison's dimensions is <see cref="ReadsIn"/>.
    /// </remarks>
    public int[] Walked { get; }

    /// <summary>For each of <see cref="Walked"/>, each compared class's own class, numbered from 0.</summary>
    public int[][] Maps { get; }

    /// <summary>For each of <see cref="Walked"/>, how many own classes it has.</summary>
    public int[] Sizes { get; }

    /// <summary>The answer at every point of the grid of own classes over <see cref="Sizes"/> (in <see cref="GridPoints"/> order), as an index into <see cref="ByNumber"/>.</summary>
    public int[] Answers { get; }

    /// <summary>Every answer the policy gives, each once, numbered in no particular order (a number left unused holds null).</summary>
    public Answer[] ByNumber { get; }

    /// <summary>How many times the policy was asked.</summary>
    public int Asked { get; }

    /// <param name="own">The space built for this policy alone (same subjects, filter and booking day); null to ask at every compared class.</param>
    /// <exception cref="EvaluationException">The policy failed on a scenario.</exception>
    public static OwnAnswers Of(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, ScenarioSpace? own)
    {
        // Only dimensions of the subject's part: any other is held at its first value in every case anyway.
        var read = space.RelevantTo(subject, policy).ToHashSet();
        var walked = space.RelevantTo(subject).Where(read.Contains).ToArray();
        var readsMoment = read.Any(d => space.Dimensions[d].Name == BookingMoments.DimensionName);
        var (maps, standing) = OwnClasses(space, own, walked, readsMoment);
        var same = readsMoment && own is not null ? SameAtMoment(space, own, walked) : null;
        var (answers, byNumber, asked) = Ask(policy, subject, space, walked, standing, same);
        return new OwnAnswers(walked, maps, [.. standing.Select(s => s.Length)], answers, byNumber, asked);
    }

    /// <summary>Where each of <see cref="Walked"/> stands among the dimensions a comparison walks.</summary>
    /// <param name="compared">The dimensions the comparison walks for the subject, in order: every one the policy reads among them.</param>
    /// <exception cref="ArgumentException">The comparison does not walk a dimension the policy reads: it does not compare this policy.</exception>
    public int[] ReadsIn(IReadOnlyList<int> compared)
    {
        var position = compared.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        return [.. Walked.Select(d => position.TryGetValue(d, out var at) ? at : throw new ArgumentException($"the comparison does not walk dimension {d}, which the policy reads", nameof(compared)))];
    }

    /// <summary>For a policy that reads the booking moment and the convictions: for each compared moment, each compared class of convictions' first compared class that falls in the same own class at that moment; null where it does not read both.</summary>
    /// <remarks>Two cases alike but for convictions of one own class at the same moment get the same answer, so only the first is asked.</remarks>
    private static (int Moment, int Convictions, int[][] First)? SameAtMoment(ScenarioSpace space, ScenarioSpace own, int[] walked)
    {
        var moment = Array.FindIndex(walked, d => space.Dimensions[d].Name == BookingMoments.DimensionName);
        var convictions = Array.FindIndex(walked, d => space.Dimensions[d].Name == "convictions");
        if (moment < 0 || convictions < 0)
        {
            return null;
        }

        var first = new int[space.Dimensions[walked[moment]].Count][];
        var at = new int[space.Dimensions.Count];
        for (var m = 0; m < first.Length; m++)
        {
            at[walked[moment]] = m;
            var classes = space.ClassesIn(own, walked[convictions], at);
            var seen = new Dictionary<int, int>();
            first[m] = [.. classes.Select((o, c) => seen.TryAdd(o, c) ? c : seen[o])];
        }

        return (moment, convictions, first);
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

    /// <summary>The policy asked at every point of the grid over <paramref name="dimensions"/> of <paramref name="space"/>, each at the classes <paramref name="standing"/> lists (by position), the others at their first value; each answer as a number given to each distinct answer as met.</summary>
    /// <remarks>
    /// Numbered in any order, as the points are asked in parallel: over millions of points an object per
    /// point would live until numbered, though a policy gives a handful of distinct answers.
    /// </remarks>
    /// <param name="same">Where cases at one moment share an own class of convictions (<see cref="SameAtMoment"/>): each case not the first of its class reads the first's answer.</param>
    private static (int[] Answers, Answer[] ByNumber, int Asked) Ask(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, int[] dimensions, int[][] standing, (int Moment, int Convictions, int[][] First)? same)
    {
        var sizes = standing.Select(s => s.Length).ToArray();
        var grid = new GridPoints(sizes);
        var answers = new int[grid.Count];
        var canonical = new System.Collections.Concurrent.ConcurrentDictionary<Answer, int>();
        var met = new System.Runtime.CompilerServices.StrongBox<int>(0);
        var convictionsStride = same is { } s ? sizes.Skip(s.Convictions + 1).Aggregate(1, (p, n) => p * n) : 0;

        // How far back a case's answer is read from: 0 for a case asked itself.
        int Back(int[] coordinates) => same is { } s
            ? (coordinates[s.Convictions] - s.First[coordinates[s.Moment]][coordinates[s.Convictions]]) * convictionsStride
            : 0;

        var asked = 0;
        Parallel.For(
            0,
            grid.Count,
            () => (Coordinates: new int[dimensions.Length], Point: new int[space.Dimensions.Count], Draft: space.NewDraft(), Asked: 0),
            (position, _, buffers) =>
            {
                grid.At(position, buffers.Coordinates);
                if (Back(buffers.Coordinates) != 0)
                {
                    return buffers;
                }

                for (var k = 0; k < dimensions.Length; k++)
                {
                    buffers.Point[dimensions[k]] = standing[k][buffers.Coordinates[k]];
                }

                var answer = subject.AnswerFrom(policy, space.Build(buffers.Point, buffers.Draft, "space-point"));
                answers[position] = canonical.GetOrAdd(answer, Met, met);
                buffers.Asked++;
                return buffers;
            },
            buffers => Interlocked.Add(ref asked, buffers.Asked));

        if (same is not null)
        {
            // The first of each class lies earlier along the convictions, so it was asked above.
            var coordinates = new int[dimensions.Length];
            for (var position = 0; position < grid.Count; position++)
            {
                grid.At(position, coordinates);
                answers[position] = answers[position - Back(coordinates)];
            }
        }

        var byNumber = new Answer[met.Value];
        foreach (var (answer, number) in canonical)
        {
            byNumber[number] = answer;
        }

        return (answers, byNumber, asked);
    }

    /// <summary>A number for an answer met for the first time: each call takes a new one, so two threads racing on the same answer may leave a number unused, never share one.</summary>
    private static int Met(Answer answer, System.Runtime.CompilerServices.StrongBox<int> met) => Interlocked.Increment(ref met.Value) - 1;
}
