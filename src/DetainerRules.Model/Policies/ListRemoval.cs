using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Model.Policies;

/// <summary>An entry a variant took out of a list its base wrote: a category out of an offense list, or out of a bracketed list in a named condition.</summary>
/// <param name="Entry">The entry as written (<c>burglary</c>).</param>
/// <param name="Part">The list or condition it was taken from, as <c>section:name</c> (<c>conditions:notifiable_charge</c>).</param>
/// <param name="By">The id of the variant that took it out.</param>
/// <param name="Span">Where the variant writes the list without it.</param>
public sealed record ListRemoval(string Entry, string Part, string By, SourceSpan Span);
