using System.Diagnostics;

namespace DetainerRules.Model.Decisions;

/// <summary>Composes a policy's answer with the answers of the higher authorities it is bound by.</summary>
/// <remarks>
/// Precedence, decision by decision: a higher authority's <c>forbidden</c> or <c>required</c> stands
/// whatever the policy says; where the authority leaves the matter open (<c>permitted</c>), the
/// policy's own choice stands, and if the policy is silent the authority's permission does; an
/// authority that is silent (<c>unknown</c>) changes nothing. Two authorities that forbid and require
/// the same thing leave it <c>unknown</c>, reported as a disagreement, never settled silently.
/// </remarks>
public static class LayerComposition
{
    /// <summary>A policy's own verdict with its authorities' answers applied, decision by decision.</summary>
    public static Verdict Apply(Verdict own, IReadOnlyList<Verdict> authorities)
    {
        var decisions = new List<Decision>();
        var kinds = Enum.GetValues<DecisionKind>();
        var layers = new string[kinds.Length];
        var disagreements = new List<LayerDisagreement>();
        foreach (var kind in kinds)
        {
            var (decision, layer, differences) = Compose(own.Policy.Id, own[kind], [.. authorities.Select(a => (a.Policy.Id, a[kind]))]);
            decisions.Add(decision);
            layers[(int)kind] = layer;
            disagreements.AddRange(differences);
        }

        return new Verdict(own.Policy, own.Scenario, decisions, own.Fired)
        {
            Layers = new DecisionDictionary<string>(kind => layers[(int)kind]),
            Disagreements = disagreements,
            AuthorityVerdicts = authorities,
            Own = own,
        };
    }

    /// <summary>The decision in force and the layer whose answer it is.</summary>
    public static (Decision Decision, string Layer, IReadOnlyList<LayerDisagreement> Disagreements) Compose(
        string policy, Decision own, IReadOnlyList<(string Authority, Decision Decision)> authorities)
    {
        var current = own;
        var layer = policy;
        var disagreements = new List<LayerDisagreement>();
        var binding = authorities.Where(a => a.Decision.Value is Modality.Forbidden or Modality.Required).ToList();
        if (binding.Select(a => a.Decision.Value).Distinct().Count() > 1)
        {
            var unknown = Conflict(own.Kind, binding.Select(a => a.Decision));
            disagreements.AddRange(binding.Select(a => new LayerDisagreement(own.Kind, policy, own.Value, a.Authority, a.Decision.Value, Modality.Unknown)));
            return (unknown, "conflict between " + string.Join(" and ", binding.Select(a => a.Authority)), disagreements);
        }

        foreach (var (authority, decision) in authorities)
        {
            // Whether this authority's answer takes over is decided by its value alone, never by
            // object identity: an engine may hand two layers the same Decision object (a shared
            // authority, a cached default), and the layer named must not depend on that.
            var takesOver = TakesOver(decision, current);
            var next = takesOver ? decision : current;
            if (decision.Value != Modality.Unknown && own.Value != Modality.Unknown && decision.Value != own.Value)
            {
                disagreements.Add(new LayerDisagreement(own.Kind, policy, own.Value, authority, decision.Value, next.Value));
            }

            if (takesOver)
            {
                layer = authority;
                current = next;
            }
        }

        return (current, layer, disagreements);
    }

    /// <summary>The decision in force alone, as <see cref="Compose"/> settles it, without naming the layer or listing disagreements: for bulk work, which reads only the answer.</summary>
    /// <param name="authorities">The authorities' decisions, in the order the policy lists them.</param>
    public static Decision InForce(Decision own, ReadOnlySpan<Decision> authorities)
    {
        var forbids = false;
        var requires = false;
        foreach (var decision in authorities)
        {
            forbids |= decision.Value == Modality.Forbidden;
            requires |= decision.Value == Modality.Required;
        }

        if (forbids && requires)
        {
            return Conflict(own.Kind, authorities.ToArray().Where(a => a.Value is Modality.Forbidden or Modality.Required));
        }

        var current = own;
        foreach (var decision in authorities)
        {
            if (TakesOver(decision, current))
            {
                current = decision;
            }
        }

        return current;
    }

    /// <summary>Whether an authority's answer takes over from the one in force so far.</summary>
    private static bool TakesOver(Decision authority, Decision current) => authority.Value switch
    {
        Modality.Forbidden or Modality.Required => true,
        Modality.Permitted => current.Value == Modality.Unknown,
        Modality.Unknown => false,
        _ => throw new UnreachableException($"no precedence for the value {authority.Value}"),
    };

    /// <summary>What two authorities that forbid and require the same thing leave: <c>unknown</c>, with the rules of both.</summary>
    private static Decision Conflict(DecisionKind kind, IEnumerable<Decision> binding) =>
        new(DecisionEffect.Of(kind, Modality.Unknown), [], [], [.. binding.SelectMany(d => d.Deciding)], null);
}
