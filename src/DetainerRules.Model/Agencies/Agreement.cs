namespace DetainerRules.Model.Agencies;

/// <summary>One 287(g) memorandum of agreement: its model and the days it runs.</summary>
/// <param name="Ends">The last day in force, when a source says the agreement ended; null while it is listed.</param>
public sealed record Agreement(AgreementModel Model, DateOnly Signed, DateOnly? Ends = null)
{
    /// <summary>The catalog policy that encodes this model's standard agreement (<c>287g-wso</c>).</summary>
    public string PolicyId => ModelPolicyId(Model);

    /// <summary>Whether the agreement was in force on <paramref name="day"/>: signed on or before it, and not ended before it.</summary>
    public bool InForceOn(DateOnly day) => Signed <= day && (Ends is null || day <= Ends);

    public static string ModelPolicyId(AgreementModel model) => "287g-" + Vocabulary.Word(model);
}
