using BenchmarkDotNet.Attributes;
using DetainerRules.Engine;
using DetainerRules.Model.Policies;
using DetainerRules.TestSupport;
using DetainerRules.Yaml;

namespace DetainerRules.Benchmarks;

/// <summary>Loading and compiling a policy, warm: a 500-rule generated policy and a 5-rule one (see <see cref="GeneratedPolicies"/>).</summary>
/// <remarks>
/// The texts are generated in setup, held in memory (no file I/O is measured), and checked: each
/// must load, compile to a rule network and to delegates. <see cref="Load500"/> and
/// <see cref="Compile500"/> split <see cref="LoadAndCompile500"/> into its two halves.
/// </remarks>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    public const string File = "generated.yaml";

    private string _yaml500 = string.Empty;
    private string _yaml5 = string.Empty;
    private Policy _policy500 = null!;
    private CompiledPolicy _network500 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _yaml500 = GeneratedPolicies.Yaml(500);
        _yaml5 = GeneratedPolicies.Yaml(5);
        _policy500 = PolicyLoader.Load(_yaml500, File);
        if (_policy500.Rules.Count != 500 || PolicyLoader.Load(_yaml5, File).Rules.Count != 5)
        {
            throw new InvalidOperationException("the generated policies do not have 500 and 5 rules");
        }

        _network500 = PolicyCompiler.Compile(_policy500);
        DelegatePolicy.From(_network500);
        DelegatePolicy.From(LoadAndCompile5());
    }

    [Benchmark(Description = "Load + Compile, 500 rules")]
    public CompiledPolicy LoadAndCompile500() => PolicyCompiler.Compile(PolicyLoader.Load(_yaml500, File));

    [Benchmark(Description = "Load + Compile, 5 rules")]
    public CompiledPolicy LoadAndCompile5() => PolicyCompiler.Compile(PolicyLoader.Load(_yaml5, File));

    [Benchmark(Description = "Load, 500 rules")]
    public Policy Load500() => PolicyLoader.Load(_yaml500, File);

    [Benchmark(Description = "Compile (NRules network), 500 rules")]
    public CompiledPolicy Compile500() => PolicyCompiler.Compile(_policy500);

    [Benchmark(Description = "DelegatePolicy.From, 500 rules")]
    public DelegatePolicy CompileDelegates500() => DelegatePolicy.From(_network500);
}
