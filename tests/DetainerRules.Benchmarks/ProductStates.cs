using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Grid;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Yaml;

namespace DetainerRules.Benchmarks;

/// <summary>
/// A measurement for issue 18, not a check: how many distinct states a decision diagram over the compared
/// dimensions would hold at each level, for the whole catalog, if its state after fixing a prefix of
/// dimensions were the tuple of each policy's own residual state.
/// </summary>
/// <remarks>
/// <para>
/// Each policy is asked on its own space, and its answers over its own dimensions (in the space's order)
/// reduced bottom-up as a decision diagram: two prefixes of its own classes share a state when the
/// answers left over every completion agree. A compared class moves a policy to the child of its own
/// class that holds it (<see cref="ScenarioSpace.ClassesIn"/>); a policy that reads the booking moment is
/// asked at the compared classes of every dimension it reads instead, as the comparison asks it.
/// </para>
/// <para>
/// The product's states at a level are the distinct tuples reached from every compared prefix, so the
/// counts are what a walk that merges equal tuples would hold, not a bound on a fully reduced product.
/// Run it as <c>dotnet run -c Release --project tests/DetainerRules.Benchmarks -- product-states</c>.
/// </para>
/// </remarks>
internal static class ProductStates
{
    /// <summary>The most product states kept at a level before the measurement stops and says so.</summary>
    private const int MaxStates = 4_000_000;

    /// <summary>Prints, for each decision, the product's states at each level as a Markdown table.</summary>
    public static int Run(TextWriter output)
    {
        // The catalog's policies (not the variants), each compiled as `detainer` loads a file, its authorities beside it.
        var policies = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "rules"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (IPolicyEvaluator)DelegatePolicy.From(PolicyCompiler.Compile(PolicyLoader.LoadFile(f), PolicyLoader.LoadBeside)))
            .ToList();
        foreach (var decision in (DecisionKind[])[DecisionKind.NotifyIce, DecisionKind.DelayRelease])
        {
            Count(policies, decision, output);
            output.WriteLine();
        }

        return 0;
    }

    private static void Count(List<IPolicyEvaluator> policies, DecisionKind decision, TextWriter output)
    {
        var subject = Subject.Of(decision);
        var space = ScenarioSpace.For(policies);
        var walked = space.RelevantTo(subject);
        var diagrams = policies.Select(p => Own.Of(p, subject, space, walked)).ToList();
        output.WriteLine($"{policies.Count} policies, {decision}: {space.SizeFor(subject)} compared cases over {walked.Count} dimensions");
        output.WriteLine($"policies that read the booking moment (its and the convictions' compared classes kept): {string.Join(", ", diagrams.Where(d => d.AtComparedClasses).Select(d => d.Id))}");
        output.WriteLine($"own states of all policies summed: {diagrams.Sum(d => d.States)}; points asked: {diagrams.Sum(d => (long)d.Asked)}");
        output.WriteLine();
        output.WriteLine("| level | dimension | classes | compared prefixes | steps (states before x classes) | product states |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|");

        var states = new HashSet<int[]>(new TupleComparer()) { new int[policies.Count] };
        var prefixes = System.Numerics.BigInteger.One;
        for (var k = 0; k < walked.Count; k++)
        {
            var dimension = space.Dimensions[walked[k]];
            prefixes *= dimension.Count;
            var next = new HashSet<int[]>(new TupleComparer());
            foreach (var state in states)
            {
                for (var c = 0; c < dimension.Count; c++)
                {
                    var moved = (int[])state.Clone();
                    foreach (var (diagram, p) in diagrams.Select((d, p) => (d, p)))
                    {
                        moved[p] = diagram.Step(k, state[p], c);
                    }

                    next.Add(moved);
                }

                if (next.Count > MaxStates)
                {
                    break;
                }
            }

            var shown = next.Count > MaxStates ? $"more than {MaxStates:N0} (stopped)" : next.Count.ToString("N0", CultureInfo.InvariantCulture);
            output.WriteLine($"| {k + 1} | {dimension.Name} | {dimension.Count} | {prefixes:N0} | {(long)states.Count * dimension.Count:N0} | {shown} |");
            if (next.Count > MaxStates)
            {
                break;
            }

            states = next;
        }
    }

    /// <summary>One policy's answers over its own classes as a reduced decision diagram, stepped by compared classes.</summary>
    private sealed class Own
    {
        private readonly int[]?[] _classMaps;
        private readonly List<int[]> _children;

        private Own(string id, bool atCompared, int asked, int[]?[] classMaps, List<int[]> children, int states)
        {
            Id = id;
            AtComparedClasses = atCompared;
            Asked = asked;
            _classMaps = classMaps;
            _children = children;
            States = states;
        }

        public string Id { get; }

        public bool AtComparedClasses { get; }

        public int Asked { get; }

        public int States { get; }

        /// <summary>The policy's state after the compared class <paramref name="value"/> of the <paramref name="level"/>th walked dimension; unchanged where it does not read it.</summary>
        public int Step(int level, int state, int value) => _classMaps[level] is { } map ? _children[state][map[value]] : state;

        public static Own Of(IPolicyEvaluator policy, Subject subject, ScenarioSpace space, IReadOnlyList<int> walked)
        {
            // As ProjectedAnswers asks it: once per combination of its own classes, at the first compared class each holds;
            // a policy that reads the booking moment keeps the compared classes of the moment and the convictions.
            var read = space.RelevantTo(subject, policy).ToHashSet();
            var atCompared = read.Any(d => space.Dimensions[d].Name == BookingMoments.DimensionName);
            var own = ScenarioSpace.For([policy], space.Subjects, space.Filter, space.Booking.Day);
            var asked = walked.Where(read.Contains).ToArray();
            var (ownMaps, standing) = ProjectedAnswers.OwnClasses(space, own, asked, atCompared);
            var maps = walked.Select(d => Array.IndexOf(asked, d) is var k and >= 0 ? ownMaps[k] : null).ToArray();
            var sizes = standing.Select(s => s.Length).ToArray();
            var grid = new GridPoints(sizes);
            var answers = new Answer[grid.Count];
            Parallel.For(0, grid.Count, () => (new int[sizes.Length], new int[space.Dimensions.Count]), (i, _, b) =>
            {
                grid.At(i, b.Item1);
                for (var k = 0; k < sizes.Length; k++)
                {
                    b.Item2[asked[k]] = standing[k][b.Item1[k]];
                }

                answers[i] = subject.AnswerFrom(policy, space.Build(b.Item2, "own"));
                return b;
            }, _ => { });

            // Bottom-up: a node is its children's ids; equal children, one node. Ids are numbered across levels.
            var ids = new Dictionary<Answer, int>();
            var level = answers.Select(a => ids.TryGetValue(a, out var id) ? id : ids[a] = ids.Count).ToArray();
            var children = Enumerable.Range(0, ids.Count).Select(_ => Array.Empty<int>()).ToList();
            for (var j = sizes.Length - 1; j >= 0; j--)
            {
                var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
                var up = new int[level.Length / sizes[j]];
                for (var b = 0; b < up.Length; b++)
                {
                    var kids = level.AsSpan(b * sizes[j], sizes[j]).ToArray();
                    var key = string.Join(",", kids);
                    if (!nodes.TryGetValue(key, out var node))
                    {
                        node = children.Count;
                        nodes[key] = node;
                        children.Add(kids);
                    }

                    up[b] = node;
                }

                level = up;
            }

            // The root is the only node left; renumber so that state 0, every tuple's start, is it.
            var root = level[0];
            (children[0], children[root]) = (children[root], children[0]);
            for (var n = 0; n < children.Count; n++)
            {
                children[n] = [.. children[n].Select(c => c == root ? 0 : c == 0 ? root : c)];
            }

            return new Own(policy.Policy.Id, atCompared, answers.Length, maps, children, children.Count);
        }
    }

    private sealed class TupleComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = default(HashCode);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
