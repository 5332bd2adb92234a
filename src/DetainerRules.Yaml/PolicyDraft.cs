using DetainerRules.Language;
using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Scenarios;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>A policy's parts before binding, merged down a chain of variants.</summary>
/// <remarks>
/// Rules and defaults are kept as document nodes (each with its own file for positions) and read
/// only once the chain is merged, so a variant that replaces a named condition, a list or a limit
/// changes what its base's rules mean, and a base rule can cite a source its variant adds.
/// </remarks>
internal sealed class PolicyDraft
{
    public string? Id { get; set; }
    public string? Family { get; set; }
    public List<string> BoundBy { get; } = [];
    public List<SourceSpan> BoundBySpans { get; } = [];
    public List<PolicyFile> Files { get; } = [];
    public string? Title { get; set; }
    public string? Jurisdiction { get; set; }
    public LegalDate? EffectiveFrom { get; set; }
    public LegalDate? EffectiveUntil { get; set; }
    public string? Summary { get; set; }
    public string? State { get; set; }
    public Model.Time.JurisdictionTime Time { get; set; } = Model.Time.JurisdictionTime.AsWritten;
    public SourceSpan Span { get; set; }
    public List<string> Lineage { get; } = [];
    public Dictionary<string, string> Amendments { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Source> Sources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, OffenseCategories> OffenseLists { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ConditionText> Conditions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HoldLimit> Limits { get; } = new(StringComparer.Ordinal);
    /// <summary>Each decision's default as written, at the decision's number (an array, not a dictionary keyed by the enum: that was compiled at every start).</summary>
    public YamlNode?[] Defaults { get; } = new YamlNode?[Enum.GetValues<DecisionKind>().Length];
    public List<string> OpenQuestions { get; } = [];

    /// <summary>Rules in order, each with the policy that added or last replaced it and the file it is written in.</summary>
    public List<DraftRule> Rules { get; } = [];

    /// <summary>Entries variants took out of their bases' lists, in the order met.</summary>
    public List<ListRemoval> Removals { get; } = [];

    /// <summary>Where each named part came from: "conditions:x" and the like, mapped to a policy id.</summary>
    public Dictionary<string, string> Origins { get; } = new(StringComparer.Ordinal);
}

/// <summary>A rule not yet read, with the policy it came from and the file text its positions refer to.</summary>
/// <param name="Rejected">Already reported (a bad or repeated id): read only so its other problems are reported too.</param>
internal sealed record DraftRule(string Id, YamlMapping Node, string Origin, string Text, Func<int, SourceSpan> Locate, bool Rejected = false);
