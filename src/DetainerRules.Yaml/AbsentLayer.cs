using DetainerRules.Model.Decisions;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Model.Time;

namespace DetainerRules.Yaml;

/// <summary>A layer of law that is not there: a policy with no rules whose every answer is <c>unknown</c>, with the reason.</summary>
/// <remarks>
/// Under composition (<see cref="LayerComposition"/>) an <c>unknown</c> answer changes nothing, so an
/// absent layer binds nothing; it is kept, not dropped, so reports can say what is missing and why
/// rather than leave a reader to wonder where a named authority went.
/// </remarks>
public static class AbsentLayer
{
    /// <param name="id">The layer's id in reports.</param>
    /// <param name="title">What the layer would have been.</param>
    /// <param name="jurisdiction">Whose law or policy it would have been.</param>
    /// <param name="because">Why it is absent, in words every decision carries.</param>
    /// <param name="summary">The layer's summary; <paramref name="because"/> when not given.</param>
    public static Policy Of(string id, string title, string jurisdiction, string because, JurisdictionTime time, string? state = null, string? summary = null) =>
        new(
            id,
            title,
            jurisdiction,
            null,
            null,
            summary ?? because,
            [],
            new DecisionDictionary<DefaultDecision>(d => new DefaultDecision(DecisionEffect.Of(d, Modality.Unknown), because, [])),
            [],
            [],
            new SourceSpan(id, 0, 0))
        {
            Absent = because,
            State = state,
            Time = time,
        };
}
