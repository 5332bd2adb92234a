namespace DetainerRules.Model.Policies;

/// <summary>A pointer into a source: the document, the part of it relied on, its operative words, and how it was checked.</summary>
/// <param name="Quote">The operative words of the provision, verbatim; required when <paramref name="Verified"/> is primary.</param>
/// <param name="Note">Why the reading is ours, for a judgement.</param>
/// <param name="Url">A link to the part relied on, when it differs from the source's.</param>
/// <param name="Role">Whether the rule rests on the citation or it only gives context.</param>
public sealed record Citation(Source Source, string? Pinpoint, string? Quote = null, Verification Verified = Verification.Unstated, string? Note = null, string? Url = null, CitationRole Role = CitationRole.Basis)
{
    /// <summary>The citation as a reader sees it, e.g. <c>Las Vegas Sun, 23 Oct 2019, para. 3</c>.</summary>
    public string Text
    {
        get
        {
            var what = Source.Citation is { } c && c != Source.Title ? $"{Source.Title} ({c})" : Source.Title;
            return Pinpoint is null ? what : $"{what}, {Pinpoint}";
        }
    }

    /// <summary>Where to read it: the pinpoint's own link, else the source's.</summary>
    public string? Link => Url ?? Source.Url;
}
