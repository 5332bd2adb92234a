namespace DetainerRules.Model.Policies;

/// <summary>A pointer into a source: the document and, optionally, the part of it relied on.</summary>
public sealed record Citation(Source Source, string? Pinpoint)
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
}
