// Baselines and benchmarks for the engine.
//
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- validate [N]
//       proves the baselines give the engine's answers on every point of each policy's scenario
//       space and on N random scenarios per policy (default 20000); exits 1 on any mismatch.
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- generate-policy RULES [SEED]
//       prints the generated policy CompileBenchmarks loads (RULES rules, default 500). Save it as
//       generated-RULES.yaml to check it with `detainer validate` (fine for 5 rules; for 500, at
//       commit e22cc80, validate stops with an internal error, SpaceTooLargeException, in its
//       checks over the scenario space).
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- serve-load [EVALUATIONS] [COMPARISONS]
//       starts `detainer serve` on loopback over rules/ and sends EVALUATIONS (default 50000) POST
//       /v1/evaluate requests from 8 and from 32 clients, and COMPARISONS (default 500) POST
//       /v1/compare, each beside a baseline endpoint on the same server; prints requests a second,
//       p50/p99 latency, errors and memory as Markdown tables (ServeLoad.cs).
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- cold-start [RUNS] [--detainer NAME=PATH]... [--compare]
//       packs and installs the `detainer` tool (or times the programs named), publishes a hello-world
//       program the same way, and times RUNS (default 20) cold starts of `evaluate`, `evaluate
//       --format json` and `list` (and `compare --space` with --compare), each after one of hello-world; prints medians,
//       p90 and the ratios to hello-world as a Markdown table (ColdStart.cs).
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- compare-scale --detainer NAME=PATH... [--summary NAME=PATH...] [--runs N] [--sets 2,4,8,16,all]
//       times `compare --space` of 2, 4, 8 and 16 catalog policies and of every one, each a new process
//       of each program named (interleaved; those named with --summary run `--space --summary`), with its
//       peak resident memory; a Markdown table (CompareScale.cs).
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- product-states
//       counts, for the whole catalog and notify_ice and delay_release, the states a decision diagram over
//       the compared dimensions would hold at each level: the datum for comparing without walking every
//       case (ProductStates.cs; a few minutes).
//   dotnet run -c Release --project tests/DetainerRules.Benchmarks -- --filter '*' --job short
//       anything else goes to BenchmarkDotNet's switcher: '*PerScenario*', '*.BatchBenchmarks.*',
//       '*ReferenceEngine*', '*Compile*', '*RecordParse*', '*BatchEndToEnd*'. Results go to
//       tests/DetainerRules.Benchmarks/BenchmarkDotNet.Artifacts unless --artifacts says otherwise.
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DetainerRules.Benchmarks;
using DetainerRules.Benchmarks.Baselines;
using DetainerRules.TestSupport;

if (args.Length > 0 && args[0] == "validate")
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
    return Equivalence.Check(count) == 0 ? 0 : 1;
}

if (args.Length > 0 && args[0] == "generate-policy")
{
    var rules = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
    var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
    Console.Out.Write(GeneratedPolicies.Yaml(rules, seed));
    return 0;
}

if (args.Length > 0 && args[0] == "serve-load")
{
    var evaluations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
    var comparisons = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
    return await ServeLoad.Run(evaluations, comparisons, Console.Out);
}

if (args.Length > 0 && args[0] == "cold-start")
{
    var runs = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var given) ? given : 20;
    var programs = args.Skip(1).Zip(args.Skip(2)).Where(p => p.First == "--detainer").Select(p => p.Second).ToList();
    return ColdStart.Run(runs, programs, args.Contains("--compare"), Console.Out);
}

if (args.Length > 0 && args[0] == "compare-scale")
{
    var programs = args.Zip(args.Skip(1)).Where(p => p.First == "--detainer").Select(p => p.Second).ToList();
    var summaries = args.Zip(args.Skip(1)).Where(p => p.First == "--summary").Select(p => p.Second).ToList();
    var runs = args.Zip(args.Skip(1)).Where(p => p.First == "--runs").Select(p => int.Parse(p.Second, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).First();
    var sets = args.Zip(args.Skip(1)).Where(p => p.First == "--sets").SelectMany(p => p.Second.Split(',')).ToList();
    return CompareScale.Run(programs, summaries, runs, sets, Console.Out);
}

if (args.Length > 0 && args[0] == "product-states")
{
    return ProductStates.Run(Console.Out);
}

var artifacts = Path.Combine(RepositoryPaths.Root, "tests", "DetainerRules.Benchmarks", "BenchmarkDotNet.Artifacts");
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(artifacts));
return 0;
