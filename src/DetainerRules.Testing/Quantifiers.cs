using System.Diagnostics;
using DetainerRules.Analysis;
using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Testing;

/// <summary><c>Assert.That(Policies.Load("chicago"), Never.Requires(DecisionKind.DelayRelease))</c>: the policy gives the answer in no case.</summary>
public static class Never
{
    /// <summary>Release is never delayed for ICE, not even at the agency's discretion: <c>delay_release</c> is never required or permitted.</summary>
    public static DecisionProperty DelaysRelease => AnswerOf.Make(DecisionProperty.Quantity.Never, DecisionKind.DelayRelease, [Modality.Required, Modality.Permitted], "delays or may delay release");

    public static DecisionProperty Requires(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Never, decision, Modality.Required);

    public static DecisionProperty Permits(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Never, decision, Modality.Permitted);

    public static DecisionProperty Forbids(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Never, decision, Modality.Forbidden);

    /// <summary>The sources are never silent on the decision.</summary>
    public static DecisionProperty LeavesUnknown(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Never, decision, Modality.Unknown);

    public static DecisionProperty Outcome(Outcome outcome) => AnswerOf.OutcomeIs(DecisionProperty.Quantity.Never, outcome);
}

/// <summary><c>Assert.That(policy, Always.Forbids(DecisionKind.DelayRelease).Over(Space.Where(...)))</c>: the policy gives the answer in every case.</summary>
public static class Always
{
    public static DecisionProperty Requires(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Always, decision, Modality.Required);

    public static DecisionProperty Permits(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Always, decision, Modality.Permitted);

    public static DecisionProperty Forbids(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Always, decision, Modality.Forbidden);

    public static DecisionProperty LeavesUnknown(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Always, decision, Modality.Unknown);

    public static DecisionProperty Outcome(Outcome outcome) => AnswerOf.OutcomeIs(DecisionProperty.Quantity.Always, outcome);
}

/// <summary><c>Assert.That(policy, Sometimes.Requires(DecisionKind.NotifyIce))</c>: the policy gives the answer in at least one case.</summary>
public static class Sometimes
{
    public static DecisionProperty Requires(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Sometimes, decision, Modality.Required);

    public static DecisionProperty Permits(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Sometimes, decision, Modality.Permitted);

    public static DecisionProperty Forbids(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Sometimes, decision, Modality.Forbidden);

    public static DecisionProperty LeavesUnknown(DecisionKind decision) => AnswerOf.Is(DecisionProperty.Quantity.Sometimes, decision, Modality.Unknown);

    public static DecisionProperty Outcome(Outcome outcome) => AnswerOf.OutcomeIs(DecisionProperty.Quantity.Sometimes, outcome);
}

/// <summary>Builds the properties the quantifier classes offer.</summary>
internal static class AnswerOf
{
    public static DecisionProperty Is(DecisionProperty.Quantity quantity, DecisionKind decision, Modality value) =>
        Make(quantity, decision, [value], $"{Verb(value)} {Vocabulary.Word(decision)}");

    public static DecisionProperty Make(DecisionProperty.Quantity quantity, DecisionKind decision, Modality[] values, string what)
    {
        var words = values.Select(v => Vocabulary.Word(v)).ToHashSet();
        return new DecisionProperty(quantity, Subject.Of(decision), a => words.Contains(a.Value), what);
    }

    public static DecisionProperty OutcomeIs(DecisionProperty.Quantity quantity, Outcome outcome)
    {
        var word = Vocabulary.Word(outcome);
        return new DecisionProperty(quantity, Subject.Outcome, a => a.Value == word, "ends with the person " + OutcomeWords.Of(outcome));
    }

    private static string Verb(Modality value) => value switch
    {
        Modality.Required => "requires",
        Modality.Permitted => "permits",
        Modality.Forbidden => "forbids",
        Modality.Unknown => "leaves unknown",
        _ => throw new UnreachableException($"no verb for the value {value}"),
    };
}
