namespace DetainerRules.Model.Diagnostics;

/// <summary>One kind of problem, with a stable code tools and tests match on, a title and help on what to do.</summary>
/// <remarks>Every code is declared once, in <see cref="DiagnosticCodes"/>; a diagnostic can carry no other.</remarks>
public sealed class DiagnosticCode
{
    internal DiagnosticCode(string id, string title, string help)
    {
        Id = id;
        Title = title;
        Help = help;
    }

    /// <summary>The stable code, e.g. <c>DR102</c>.</summary>
    public string Id { get; }

    /// <summary>What kind of problem it is, in a few words.</summary>
    public string Title { get; }

    /// <summary>What the author of the file should do about it.</summary>
    public string Help { get; }

    public override string ToString() => Id;
}
