using DetainerRules.Model.Decisions;

namespace DetainerRules.Analysis.Comparison;

/// <summary>How many compared cases get each tuple of answers, found from the product of the policies' answer diagrams without walking the cases.</summary>
/// <remarks>
/// <para>
/// The walk fixes the compared dimensions one at a time, in the comparison's order. Its states at a
/// level are the distinct tuples of every policy's diagram state (<see cref="AnswerDiagram"/>) after
/// some prefix of compared classes, each with how many prefixes reach it (a sum over the product's
/// paths) and the first of them in the comparison's order of cases (the last dimension fastest).
/// A level's compared classes are taken together where every policy that reads the dimension holds
/// them in the same own class: one step, weighted by how many compared classes it stands for.
/// </para>
/// <para>
/// After the last level every state is a tuple of answers: its weight is its cases, and its first
/// prefix is the first case a walk of the cases would meet in it, which orders the groups as that
/// walk numbers them. The catalog's 78 policies hold at most 9,486 states for <c>notify_ice</c>, where
/// 2,069,944,320 cases are compared.
/// </para>
/// </remarks>
internal sealed class ProductWalk
{
    private ProductWalk(IReadOnlyList<Group> groups, IReadOnlyList<Level> levels)
    {
        Groups = groups;
        Levels = levels;
    }

    /// <summary>Every tuple of answers some case gets, in the order a walk of the cases first meets them.</summary>
    public IReadOnlyList<Group> Groups { get; }

    /// <summary>The work and the size of the walk at each compared dimension.</summary>
    public IReadOnlyList<Level> Levels { get; }

    /// <param name="diagrams">One per compared policy, in order, each over <paramref name="sizes"/>' dimensions.</param>
    /// <param name="sizes">How many compared classes each compared dimension has, in the comparison's order.</param>
    /// <exception cref="OverflowException">The compared cases are more than a long counts.</exception>
    public static ProductWalk Over(IReadOnlyList<AnswerDiagram> diagrams, IReadOnlyList<int> sizes)
    {
        var states = new WalkStates(diagrams.Count);
        int[] root = [.. diagrams.Select(d => d.Root)];
        states.Add(root, WalkStates.HashOf(root), 1, 0);
        var levels = new List<Level>();
        var moved = new int[diagrams.Count];
        for (var k = 0; k < sizes.Count; k++)
        {
            var readers = Enumerable.Range(0, diagrams.Count).Where(p => diagrams[p].OwnClassesAt(k) is not null).ToArray();
            var steps = Steps(diagrams, readers, k, sizes[k]);
            var next = new WalkStates(diagrams.Count);
            for (var i = 0; i < states.Count; i++)
            {
                var state = states.Tuple(i);
                var (cases, first) = (states.Cases(i), states.First(i));
                state.CopyTo(moved);
                foreach (var step in steps)
                {
                    // Only the readers move; every reader's position is written at every step, so nothing is left from the last.
                    var hash = states.Hash(i);
                    for (var r = 0; r < readers.Length; r++)
                    {
                        var p = readers[r];
                        moved[p] = diagrams[p].Step(state[p], step.OwnClasses[r]);
                        hash = WalkStates.Moved(hash, p, state[p], moved[p]);
                    }

                    next.Add(moved, hash, checked(cases * step.Classes), checked((first * sizes[k]) + step.First));
                }
            }

            levels.Add(new Level(sizes[k], steps.Count, (long)states.Count * steps.Count, next.Count));
            states = next;
        }

        var groups = Enumerable.Range(0, states.Count)
            .Select(i => new Group([.. states.Tuple(i).ToArray().Select((state, p) => diagrams[p].AnswerOf(state))], states.Cases(i), states.First(i)))
            .OrderBy(g => g.First)
            .ToList();
        return new ProductWalk(groups, levels);
    }

    /// <summary>A level's compared classes taken together where every policy that reads it holds them in the same own class: those own classes (by reader), how many compared classes, and the first.</summary>
    private static List<(int[] OwnClasses, long Classes, int First)> Steps(IReadOnlyList<AnswerDiagram> diagrams, int[] readers, int level, int size)
    {
        var steps = new List<(int[] OwnClasses, long Classes, int First)>();
        var byOwn = new Dictionary<int[], int>(TupleComparer.Instance);
        for (var c = 0; c < size; c++)
        {
            var own = readers.Select(p => diagrams[p].OwnClassesAt(level)![c]).ToArray();
            if (byOwn.TryGetValue(own, out var step))
            {
                steps[step] = (own, steps[step].Classes + 1, steps[step].First);
            }
            else
            {
                byOwn[own] = steps.Count;
                steps.Add((own, 1, c));
            }
        }

        return steps;
    }

    /// <summary>One tuple of answers (one per policy), how many compared cases get it, and the position of the first in the comparison's order of cases.</summary>
    internal sealed record Group(Answer[] Answers, long Cases, long First);

    /// <summary>One compared dimension: its compared classes, the steps they make together, the states before times those steps (the level's work), and the states after.</summary>
    internal sealed record Level(int Classes, int Steps, long Work, int States);
}
