using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>One policy's answers to one subject as a decision diagram over its own classes, stepped one compared dimension at a time by compared classes.</summary>
/// <remarks>
/// <para>
/// Built bottom-up from the policy's answers on its own classes (<see cref="OwnAnswers"/>): at each
/// dimension it reads, two prefixes of own classes share a state when every completion gets the same
/// answers, so a state stands for what is left to decide, not for the path taken. The states after
/// the last dimension are the answers themselves (by their number in <see cref="OwnAnswers.ByNumber"/>),
/// the others are numbered after them.
/// </para>
/// <para>
/// A compared class moves the policy to the child of its own class that holds it; along a compared
/// dimension it does not read, its state stays. <see cref="ProductWalk"/> steps every compared policy together.
/// </para>
/// </remarks>
internal sealed class AnswerDiagram
{
    private readonly int[]?[] _maps;
    private readonly List<int[]> _children;
    private readonly Answer[] _answers;

    private AnswerDiagram(int[]?[] maps, List<int[]> children, Answer[] answers, int root, int asked)
    {
        _maps = maps;
        _children = children;
        _answers = answers;
        Root = root;
        Asked = asked;
    }

    /// <summary>The state before any dimension is fixed; an answer when the policy reads none of the compared dimensions.</summary>
    public int Root { get; }

    /// <summary>How many times the policy was asked.</summary>
    public int Asked { get; }

    /// <summary>How many states the diagram holds: the answers and the states above them.</summary>
    public int States => _answers.Count(a => a is not null) + _children.Count;

    /// <param name="compared">The dimensions the comparison walks for the subject, in order: the diagram's levels.</param>
    /// <param name="own">The space built for this policy alone (same subjects, filter and booking day); null to ask at every compared class.</param>
    /// <exception cref="EvaluationException">The policy failed on a scenario.</exception>
    public static AnswerDiagram Of(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, IReadOnlyList<int> compared, ScenarioSpace? own) =>
        Of(OwnAnswers.Of(policy, subject, space, own), compared);

    /// <param name="asked">The policy's answers on its own classes.</param>
    /// <param name="compared">The dimensions the comparison walks for the subject, in order: the diagram's levels.</param>
    public static AnswerDiagram Of(OwnAnswers asked, IReadOnlyList<int> compared)
    {
        var reads = asked.ReadsIn(compared);
        var maps = new int[]?[compared.Count];
        for (var k = 0; k < reads.Length; k++)
        {
            maps[reads[k]] = asked.Maps[k];
        }

        // Bottom-up, one dimension the policy reads at a time: the grid of own classes holds the last
        // dimension fastest, so each run of its size is one prefix's children; equal runs are one state.
        var leaves = asked.ByNumber.Length;
        var children = new List<int[]>();
        var level = asked.Answers;
        for (var j = asked.Sizes.Length - 1; j >= 0; j--)
        {
            var size = asked.Sizes[j];
            var states = new Dictionary<int[], int>(TupleComparer.Instance);
            var up = new int[level.Length / size];
            for (var b = 0; b < up.Length; b++)
            {
                var kids = level.AsSpan(b * size, size).ToArray();
                if (!states.TryGetValue(kids, out var state))
                {
                    state = leaves + children.Count;
                    states[kids] = state;
                    children.Add(kids);
                }

                up[b] = state;
            }

            level = up;
        }

        return new AnswerDiagram(maps, children, asked.ByNumber, level[0], asked.Asked);
    }

    /// <summary>The own class that holds a compared class of the compared dimension at <paramref name="level"/>; null where the policy does not read it.</summary>
    public int[]? OwnClassesAt(int level) => _maps[level];

    /// <summary>The state after fixing, at <paramref name="state"/>, the next dimension the policy reads to its own class <paramref name="ownClass"/>.</summary>
    public int Step(int state, int ownClass) => _children[state - _answers.Length][ownClass];

    /// <summary>The answer a state after the last dimension stands for.</summary>
    public Answer AnswerOf(int state) => _answers[state];
}
