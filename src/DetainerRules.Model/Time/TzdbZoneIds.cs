namespace DetainerRules.Model.Time;

/// <summary>The ids of the zones in NodaTime's time zone database, shipped as text beside it (<c>tzdb-zone-ids.txt</c>).</summary>
/// <remarks>
/// Reading the database builds every zone's index, its aliases and its Windows names: a share of a
/// short command's start. A policy names its zone when it is read, but most commands never compute a
/// time in it, so the name is checked against this list and the zone loaded only when a time is.
/// The list is the database's own, id for id (a test holds it to NodaTime's); a name not on it is
/// looked up in the database as before, so nothing the database accepts is refused.
/// </remarks>
internal static class TzdbZoneIds
{
    /// <summary>The name the list is embedded under in this assembly.</summary>
    public const string ResourceName = "DetainerRules.Model.Time.tzdb-zone-ids.txt";

    // One id a line, between newlines at both ends, so an id is found as "\n" + id + "\n".
    private static readonly string Lines = Read();

    /// <summary>Whether <paramref name="id"/> is, exactly, the id of a zone in the database.</summary>
    public static bool Contains(string id) =>
        id.Length > 0 && !id.Contains('\n', StringComparison.Ordinal) && Lines.Contains("\n" + id + "\n", StringComparison.Ordinal);

    private static string Read()
    {
        using var stream = typeof(TzdbZoneIds).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the list of time zone ids ({ResourceName}) is not embedded");
        using var reader = new StreamReader(stream);
        return "\n" + reader.ReadToEnd();
    }
}
