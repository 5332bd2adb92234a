using System.Text.Json;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Scenarios;
using RulesEngine.Models;

namespace DetainerRules.Benchmarks.Baselines;

/// <summary>
/// The catalog's policies as Microsoft RulesEngine workflows (<c>Baselines/Workflows/&lt;id&gt;.json</c>,
/// copied beside the program), run through <c>ExecuteAllRulesAsync</c> and resolved into a
/// <see cref="BaselineAnswer"/> the way the engine resolves claims.
/// </summary>
/// <remarks>
/// <para>
/// A workflow file holds one workflow per layer of the policy: one RulesEngine rule per policy rule,
/// its <c>Expression</c> a lambda over the scenario <c>s</c>, named conditions over the whole
/// scenario as the workflow's <c>GlobalParams</c>. A rule's <c>Properties</c> carry its
/// <c>priority</c> and, under <c>then</c>, the claims it makes; every rule whose result
/// <c>IsSuccess</c> contributes them. RulesEngine has no notion of priorities, defaults or rules
/// reading each other's outcome, so this wrapper supplies them: for each decision the highest
/// priority wins, equal priorities must agree on the value and the hold limit (their notification
/// points add up) or the answer is <c>unknown</c>, and the file's default applies when no rule claims
/// it. A rule that reads a decision sits in a later workflow, which gets the decisions settled so far
/// as a second input, <c>decision</c> (a <see cref="SettledDecisions"/>).
/// </para>
/// <para>
/// <see cref="Settings"/> leaves <c>UseFastExpressionCompiler</c> on (RulesEngine's default): rules
/// compile with FastExpressionCompiler rather than <c>LambdaExpression.Compile</c>.
/// </para>
/// </remarks>
public sealed class RulesEngineWorkflows
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly int DecisionCount = Enum.GetValues<DecisionKind>().Length;

    private readonly RulesEngine.RulesEngine _engine;
    private readonly string[] _layers;
    private readonly Dictionary<string, Claim[]> _claims;
    private readonly Claim[] _defaults;

    private RulesEngineWorkflows(string policyId, Workflow[] workflows, Dictionary<string, Claim[]> claims, Claim[] defaults, ReSettings settings)
    {
        PolicyId = policyId;
        _engine = new RulesEngine.RulesEngine(workflows, settings);
        _layers = [.. workflows.Select(w => w.WorkflowName)];
        _claims = claims;
        _defaults = defaults;
    }

    /// <summary>What the workflows run with: the model's enums and <see cref="DateOnly"/> are made known to the expression parser.</summary>
    public static ReSettings Settings(bool useFastExpressionCompiler = true) => new()
    {
        CustomTypes = [typeof(OffenseCategory), typeof(OffenseLevel), typeof(WarrantKind), typeof(DetainerForm), typeof(Citizenship), typeof(FederalRequest), typeof(Modality), typeof(DateOnly)],
        UseFastExpressionCompiler = useFastExpressionCompiler,

        // A rule that throws must fail the check, not quietly count as a rule that did not fire.
        EnableExceptionAsErrorMessage = false,
        IgnoreException = false,
    };

    public string PolicyId { get; }

    /// <summary>The workflow file of a policy, from <c>Workflows/</c> beside the program.</summary>
    public static string PathOf(string policyId) => Path.Combine(AppContext.BaseDirectory, "Workflows", policyId + ".json");

    /// <exception cref="InvalidDataException">The file is not a well-formed workflow file.</exception>
    public static RulesEngineWorkflows Load(string policyId, bool useFastExpressionCompiler = true)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(policyId)));
        var root = document.RootElement;
        var limits = root.GetProperty("Limits").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

        var defaults = new Claim[DecisionCount];
        var given = new bool[DecisionCount];
        foreach (var entry in root.GetProperty("Defaults").EnumerateObject())
        {
            var claim = ReadClaim(entry.Name, entry.Value, int.MinValue, limits);
            defaults[(int)claim.Decision] = claim;
            given[(int)claim.Decision] = true;
        }

        if (given.Contains(false))
        {
            throw new InvalidDataException($"{policyId}: every decision needs a default");
        }

        var workflows = root.GetProperty("Workflows").Deserialize<Workflow[]>(JsonOptions)
            ?? throw new InvalidDataException($"{policyId}: no workflows");
        var claims = new Dictionary<string, Claim[]>(StringComparer.Ordinal);
        foreach (var rule in workflows.SelectMany(w => w.Rules))
        {
            var properties = rule.Properties ?? throw new InvalidDataException($"{policyId}: rule `{rule.RuleName}` has no Properties");
            var priority = ((JsonElement)properties["priority"]).GetInt32();
            var then = (JsonElement)properties["then"];
            claims.Add(rule.RuleName, [.. then.EnumerateObject().Select(p => ReadClaim(p.Name, p.Value, priority, limits))]);
        }

        return new RulesEngineWorkflows(policyId, workflows, claims, defaults, Settings(useFastExpressionCompiler));
    }

    /// <summary>Runs every workflow of the policy on the scenario and resolves the claims of the rules that succeeded.</summary>
    /// <exception cref="InvalidOperationException">A rule failed to compile or to run.</exception>
    public BaselineAnswer Answer(Scenario scenario)
    {
        var tallies = new Tally[DecisionCount];
        var s = new RuleParameter("s", scenario);
        for (var layer = 0; layer < _layers.Length; layer++)
        {
            RuleParameter[] inputs = layer == 0 ? [s] : [s, new RuleParameter("decision", Decisions(Settle(tallies)))];

            // RulesEngine's rules are synchronous, so the ValueTask has completed already; waiting covers the case where it has not.
            var pending = _engine.ExecuteAllRulesAsync(_layers[layer], inputs);
            var results = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            foreach (var result in results)
            {
                if (!string.IsNullOrEmpty(result.ExceptionMessage))
                {
                    throw new InvalidOperationException($"{PolicyId}: rule `{result.Rule.RuleName}` on `{scenario.Id}`: {result.ExceptionMessage}");
                }

                if (result.IsSuccess)
                {
                    foreach (var claim in _claims[result.Rule.RuleName])
                    {
                        tallies[(int)claim.Decision].Add(claim);
                    }
                }
            }
        }

        var settled = Settle(tallies);
        var notify = settled[(int)DecisionKind.NotifyIce];
        var delay = settled[(int)DecisionKind.DelayRelease];
        return new BaselineAnswer(
            notify.Value,
            notify.At,
            delay.Value,
            delay.LimitText,
            settled[(int)DecisionKind.ReleaseIfIceAbsent].Value,
            settled[(int)DecisionKind.TransferToIce].Value,
            settled[(int)DecisionKind.IceJailAccess].Value,
            settled[(int)DecisionKind.AskImmigrationStatus].Value,
            settled[(int)DecisionKind.ShareCriminalIntelligence].Value,
            settled[(int)DecisionKind.AssistCivilEnforcement].Value);
    }

    private Claim[] Settle(Tally[] tallies)
    {
        var settled = new Claim[DecisionCount];
        for (var k = 0; k < DecisionCount; k++)
        {
            settled[k] = tallies[k].Settle(_defaults[k]);
        }

        return settled;
    }

    private static SettledDecisions Decisions(Claim[] settled) => new()
    {
        NotifyIce = settled[(int)DecisionKind.NotifyIce].Value,
        DelayRelease = settled[(int)DecisionKind.DelayRelease].Value,
        ReleaseIfIceAbsent = settled[(int)DecisionKind.ReleaseIfIceAbsent].Value,
        TransferToIce = settled[(int)DecisionKind.TransferToIce].Value,
        IceJailAccess = settled[(int)DecisionKind.IceJailAccess].Value,
        AskImmigrationStatus = settled[(int)DecisionKind.AskImmigrationStatus].Value,
        ShareCriminalIntelligence = settled[(int)DecisionKind.ShareCriminalIntelligence].Value,
        AssistCivilEnforcement = settled[(int)DecisionKind.AssistCivilEnforcement].Value,
    };

    private static Claim ReadClaim(string decisionWord, JsonElement effect, int priority, Dictionary<string, string> limits)
    {
        if (!Vocabulary.TryParse<DecisionKind>(decisionWord, out var decision)
            || !Vocabulary.TryParse<Modality>(effect.GetProperty("value").GetString() ?? string.Empty, out var value))
        {
            throw new InvalidDataException($"`{decisionWord}: {effect}` is not a decision and a value");
        }

        var at = NotifyPoints.None;
        if (effect.TryGetProperty("at", out var points))
        {
            foreach (var point in points.EnumerateArray())
            {
                at |= point.GetString() switch
                {
                    "booking" => NotifyPoints.Booking,
                    "release" => NotifyPoints.Release,
                    var other => throw new InvalidDataException($"`{other}` is not a notification point"),
                };
            }
        }

        string? limitName = null, limitText = null;
        if (effect.TryGetProperty("limit", out var limit))
        {
            limitName = limit.GetString()!;
            limitText = limits.TryGetValue(limitName, out var text) ? text : throw new InvalidDataException($"no limit `{limitName}`");
        }

        return new Claim(decision, priority, value, at, limitName, limitText);
    }

    /// <summary>What one rule (or a default) says about one decision.</summary>
    private readonly record struct Claim(DecisionKind Decision, int Priority, Modality Value, NotifyPoints At, string? LimitName, string? LimitText);

    /// <summary>The claims on one decision so far, reduced to the highest priority's.</summary>
    private struct Tally
    {
        private bool _any;
        private bool _conflict;
        private Claim _top;

        public void Add(Claim claim)
        {
            if (!_any || claim.Priority > _top.Priority)
            {
                _any = true;
                _conflict = false;
                _top = claim;
            }
            else if (claim.Priority == _top.Priority)
            {
                if (claim.Value != _top.Value || !string.Equals(claim.LimitName, _top.LimitName, StringComparison.Ordinal))
                {
                    _conflict = true;
                }
                else
                {
                    // Rules that agree may name different notification points: they add up.
                    _top = _top with { At = _top.At | claim.At };
                }
            }
        }

        public readonly Claim Settle(Claim fallback) =>
            !_any ? fallback
            : _conflict ? new Claim(_top.Decision, _top.Priority, Modality.Unknown, NotifyPoints.None, null, null)
            : _top;
    }
}

/// <summary>The decisions settled by earlier workflows, the <c>decision</c> input of a later one.</summary>
public sealed class SettledDecisions
{
    public Modality NotifyIce { get; init; }
    public Modality DelayRelease { get; init; }
    public Modality ReleaseIfIceAbsent { get; init; }
    public Modality TransferToIce { get; init; }
    public Modality IceJailAccess { get; init; }
    public Modality AskImmigrationStatus { get; init; }
    public Modality ShareCriminalIntelligence { get; init; }
    public Modality AssistCivilEnforcement { get; init; }
}
