using System.Diagnostics;
using DetainerRules.Engine;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml;

namespace DetainerRules.Fuzz;

/// <summary>
/// Runs one input through a loader and everything the loaded value feeds, and checks the contract:
/// only <see cref="InvalidInputException"/> (each diagnostic with a position) from the loaders, only
/// <see cref="EvaluationException"/> from compiling and evaluating, in bounded time and memory, and
/// the same verdict from the rule network and its delegate twin.
/// </summary>
/// <remarks>
/// Anything else escapes <see cref="Check"/> as it was thrown, so the fuzzer (and the replay) see
/// the real exception type and stack.
/// </remarks>
internal sealed class Harness : IFuzzHarness
{
    /// <summary>Inputs shorter than this must finish within <see cref="TimeLimit"/>.</summary>
    public const int SmallInput = 64 * 1024;

    /// <summary>Allocations past this for one input count as runaway memory.</summary>
    public const long MemoryLimit = 1L << 30;

    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    private readonly string _policyPath;
    private readonly Lazy<IReadOnlyList<Scenario>> _scenarios;
    private readonly Lazy<IReadOnlyList<(CompiledPolicy Network, DelegatePolicy Delegates)>> _policies;

    private Harness(Target target, Paths paths)
    {
        Target = target;
        Paths = paths;

        // A policy under test sits in a copy of the catalog, so `extends: lvmpd-2019` and
        // `extends: ../lvmpd-2023.yaml` (as the variants write it) both find a base.
        _policyPath = Path.Combine(paths.Sandbox, "rules", "fuzz-input.yaml");
        _scenarios = new(() => [.. paths.ScenarioFiles().Select(f => ScenarioLoader.LoadFile(f))]);
        _policies = new(() => [.. paths.PolicyFiles().Select(LoadShipped).Select(p => Compile(p)).Select(c => (c, DelegatePolicy.From(c)))]);
    }

    public Target Target { get; }

    /// <summary>What the last input came to, in a few words: refused (with the first diagnostic), or loaded and how far it went.</summary>
    public string LastOutcome { get; private set; } = string.Empty;

    public Paths Paths { get; }

    /// <summary>The harness for a target: this one for policies and scenarios, <see cref="BatchHarness"/> for batch inputs.</summary>
    public static IFuzzHarness Create(Target target, Paths paths) =>
        target is Target.Policy or Target.Scenario ? new Harness(target, paths) : new BatchHarness(target, paths);

    /// <summary>Loads what the target needs before the first input, so the first input is not charged for it.</summary>
    public void WarmUp()
    {
        if (Target == Target.Policy)
        {
            _ = _scenarios.Value;
        }
        else
        {
            _ = _policies.Value;
        }
    }

    /// <summary>Decodes as <c>File.ReadAllText</c> would (UTF-8, a BOM dropped, bad bytes replaced).</summary>
    public static string Decode(byte[] bytes) => new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();

    /// <summary>Checks one input; throws on any breach of the contract.</summary>
    public void Check(string text)
    {
        var small = text.Length < SmallInput;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Run(text);
        clock.Stop();
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (small && used > MemoryLimit)
        {
            throw new ContractViolationException("memory", $"{used / (1024 * 1024)} MiB allocated for an input of {text.Length} characters");
        }

        if (small && clock.Elapsed > TimeLimit)
        {
            // The first pass over a new path pays for JIT compilation: time a second pass.
            clock.Restart();
            Run(text);
            if (clock.Elapsed > TimeLimit)
            {
                throw new ContractViolationException("hang", $"{clock.Elapsed.TotalSeconds:F1} s for an input of {text.Length} characters (limit {TimeLimit.TotalSeconds} s)");
            }
        }
    }

    private void Run(string text)
    {
        if (Target == Target.Policy)
        {
            RunPolicy(text);
        }
        else
        {
            RunScenario(text);
        }
    }

    private void RunPolicy(string text)
    {
        Policy policy;
        try
        {
            policy = PolicyLoader.Load(text, _policyPath);
        }
        catch (InvalidInputException e)
        {
            LastOutcome = "refused: " + (e.Diagnostics.Count > 0 ? e.Diagnostics[0].ToString() : e.Message);
            CheckDiagnostics(e);
            return;
        }

        LastOutcome = "loaded";

        CompiledPolicy network;
        DelegatePolicy delegates;
        try
        {
            network = Compile(policy);
            delegates = DelegatePolicy.From(network);
        }
        catch (EvaluationException e)
        {
            LastOutcome = "loaded, not compiled: " + e.Message;
            return;
        }
        catch (InvalidInputException e) when (policy.BoundBy.Count > 0)
        {
            LastOutcome = "loaded, an authority did not: " + e.Message;
            // An authority named in bound_by is missing or broken: the resolver's own contract.
            CheckDiagnostics(e);
            return;
        }

        LastOutcome = "loaded, compiled and evaluated";
        foreach (var scenario in _scenarios.Value)
        {
            Compare(network, delegates, scenario);
        }
    }

    private void RunScenario(string text)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(text, "fuzz-input.yaml", "fuzz-input");
        }
        catch (InvalidInputException e)
        {
            LastOutcome = "refused: " + (e.Diagnostics.Count > 0 ? e.Diagnostics[0].ToString() : e.Message);
            CheckDiagnostics(e);
            return;
        }

        LastOutcome = "loaded and evaluated";

        foreach (var (network, delegates) in _policies.Value)
        {
            Compare(network, delegates, scenario);
        }
    }

    private static CompiledPolicy Compile(Policy policy) =>
        policy.BoundBy.Count == 0 ? PolicyCompiler.Compile(policy) : PolicyCompiler.Compile(policy, PolicyLoader.LoadBeside);

    private static Policy LoadShipped(string path)
    {
        try
        {
            return PolicyLoader.LoadFile(path);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidOperationException($"a shipped policy does not load (is another change in progress?): {e.Message}", e);
        }
    }

    /// <summary>Evaluates with both engines; each may refuse only with <see cref="EvaluationException"/>, and they must agree.</summary>
    private static void Compare(CompiledPolicy network, DelegatePolicy delegates, Scenario scenario)
    {
        Verdict? fromNetwork = null;
        Verdict? fromDelegates = null;
        string? networkError = null;
        string? delegateError = null;
        try
        {
            fromNetwork = network.Evaluate(scenario);
        }
        catch (EvaluationException e)
        {
            networkError = e.Message;
        }

        try
        {
            fromDelegates = delegates.Evaluate(scenario);
        }
        catch (EvaluationException e)
        {
            delegateError = e.Message;
        }

        var id = network.Policy.Id;
        if (fromNetwork is null || fromDelegates is null)
        {
            if ((fromNetwork is null) != (fromDelegates is null))
            {
                throw new ContractViolationException("divergence",
                    $"policy `{id}`: the rule network {(fromNetwork is null ? "failed (" + networkError + ")" : "answered")}, the delegates {(fromDelegates is null ? "failed (" + delegateError + ")" : "answered")}",
                    $"{id} (one engine failed)");
            }

            return;
        }

        var a = Describe(fromNetwork);
        var b = Describe(fromDelegates);
        if (a != b)
        {
            throw new ContractViolationException("divergence", $"policy `{id}`: the rule network says {a}; the delegates say {b}", id);
        }
    }

    private static string Describe(Verdict verdict)
    {
        var decisions = verdict.Decisions.Select(d =>
            $"{d.Kind}={d.Value}[{string.Join(",", d.Effect.At)}|{d.Effect.Limit?.Name}|{string.Join(",", d.Deciding.Select(a => a.Rule.Id))}|{string.Join(",", d.Conflict.Select(a => a.Rule.Id))}]");
        return $"{string.Join(" ", decisions)} outcome={verdict.Outcome.Value} until={verdict.HoldUntil:O} fired={string.Join(",", verdict.Fired.Select(r => r.Id))}";
    }

    /// <summary>A refusal must say what is wrong and where.</summary>
    private static void CheckDiagnostics(InvalidInputException e)
    {
        if (e.Diagnostics.Count == 0)
        {
            throw new ContractViolationException("position", $"InvalidInputException with no diagnostics: {e.Message}", "no diagnostics");
        }

        if (e.Diagnostics.FirstOrDefault(d => d.Span.Line < 1 || d.Span.Column < 1 || string.IsNullOrEmpty(d.Span.File)) is { } bad)
        {
            throw new ContractViolationException("position", $"diagnostic without a position: {bad.Span.File}:{bad.Span.Line}:{bad.Span.Column} {bad.Code} {bad.Message}", bad.Code);
        }
    }
}
