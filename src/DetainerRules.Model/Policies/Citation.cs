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

    /// <summary>Equal when every part is equal, as a record's equality is.</summary>
    /// <remarks>
    /// Written out, not the compiler's: the compiler compares and hashes each part through the framework's comparer of its
    /// type, and the comparers of this project's enums (<see cref="Verification"/>, <see cref="CitationRole"/>) are
    /// compiled when the program first runs them (no ahead-of-time image can hold them), which every decision's citations
    /// did at a cold start (<see cref="Decisions.Decision"/> lists them once each).
    /// </remarks>
    public bool Equals(Citation? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Equals(Source, other.Source)
                && Pinpoint == other.Pinpoint
                && Quote == other.Quote
                && Verified == other.Verified
                && Note == other.Note
                && Url == other.Url
                && Role == other.Role));

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = Source.GetHashCode();
            hash = (hash * 31) + (Pinpoint?.GetHashCode(StringComparison.Ordinal) ?? 0);
            hash = (hash * 31) + (Quote?.GetHashCode(StringComparison.Ordinal) ?? 0);
            hash = (hash * 31) + (int)Verified;
            hash = (hash * 31) + (Note?.GetHashCode(StringComparison.Ordinal) ?? 0);
            hash = (hash * 31) + (Url?.GetHashCode(StringComparison.Ordinal) ?? 0);
            return (hash * 31) + (int)Role;
        }
    }
}
