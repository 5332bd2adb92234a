namespace DetainerRules.Model.Policies;

/// <summary>A document a policy rests on: an ordinance, a statute, a published policy or statement.</summary>
public sealed record Source(string Id, string Title, string? Url, string? Citation);
