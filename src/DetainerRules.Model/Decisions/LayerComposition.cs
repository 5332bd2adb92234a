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
            var unknown = new Decision(DecisionEffect.Of(own.Kind, Modality.Unknown), [], [], [.. binding.SelectMany(a => a.Decision.Deciding)], null);
            disagreements.AddRange(binding.Select(a => new LayerDisagreement(own.Kind, policy, own.Value, a.Authority, a.Decision.Value, Modality.Unknown)));
            return (unknown, "conflict between " + string.Join(" and ", binding.Select(a => a.Authority)), disagreements);
        }

        foreach (var (authority, decision) in authorities)
        {
            // Whether this authority's answer takes over is decided by its value alone, never by
            // object identity: an engine may hand two layers the same Decision object (a shared
            // authority, a cached default), and the layer named must not depend on that.
            var takesOver = decision.Value switch
            {
                Modality.Forbidden or Modality.Required => true,
                Modality.Permitted => current.Value == Modality.Unknown,
                Modality.Unknown => false,
                _ => throw new UnreachableException($"no precedence for the value {decision.Value}"),
            };
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
}
