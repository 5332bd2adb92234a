using System.Globalization;
using DetainerRules.Analysis;
using DetainerRules.Analysis.Comparison;
using DetainerRules.Analysis.Space;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Yaml;

namespace DetainerRules.Benchmarks;

/// <summary>
/// A measurement for issue 18, not a check: how many states the product of the catalog's answer diagrams
/// holds at each level of the walk that <c>compare --space --summary</c> counts its cases with.
/// </summary>
/// <remarks>
/// <para>
/// Each policy is asked on its own classes and its answers reduced to a decision diagram
/// (<see cref="AnswerDiagram"/>); the product is walked as <see cref="ProductWalk"/> walks it for the
/// summary comparison (the same code), merging equal tuples of states at each level.
/// </para>
/// <para>Run it as <c>dotnet run -c Release --project tests/DetainerRules.Benchmarks -- product-states</c>.</para>
/// </remarks>
internal static class ProductStates
{
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
        var labelled = policies.Select(p => (p.Policy.Id, p)).ToList();
        var (walked, points, multiplicity) = PolicyComparer.Walked(labelled, space, subject);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var diagrams = policies.Select(p => AnswerDiagram.Of(p, subject, space, walked, ScenarioSpace.For([p], space.Subjects, space.Filter, space.Booking.Day))).ToList();
        var asking = clock.Elapsed;
        var walk = ProductWalk.Over(diagrams, [.. walked.Select(d => space.Dimensions[d].Count)]);
        var walking = clock.Elapsed - asking;
        var readMoment = policies.Where(p => space.RelevantTo(subject, p).Any(d => space.Dimensions[d].Name == BookingMoments.DimensionName)).Select(p => p.Policy.Id);
        output.WriteLine($"{policies.Count} policies, {decision}: {points * multiplicity} compared cases over {walked.Count} dimensions");
        output.WriteLine($"policies that read the booking moment (asked once per own class of convictions at each compared moment): {string.Join(", ", readMoment)}");
        output.WriteLine($"own states of all policies summed: {diagrams.Sum(d => d.States)}; points asked: {diagrams.Sum(d => (long)d.Asked)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"asking and reducing: {asking.TotalSeconds:0.00} s; the product walk: {walking.TotalSeconds:0.00} s"));
        output.WriteLine();
        output.WriteLine("| level | dimension | classes | compared prefixes | steps | states before x steps | product states |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        var prefixes = System.Numerics.BigInteger.One;
        for (var k = 0; k < walked.Count; k++)
        {
            var level = walk.Levels[k];
            prefixes *= level.Classes;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {k + 1} | {space.Dimensions[walked[k]].Name} | {level.Classes} | {prefixes:N0} | {level.Steps:N0} | {level.Work:N0} | {level.States:N0} |"));
        }
    }
}
