using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Which of the tool's file formats a document is, told from its top-level keys.</summary>
public static class InputKind
{
    /// <summary>The kind of document; <see cref="FileKind.Unknown"/> when its keys fit no format (or it is not a mapping).</summary>
    /// <exception cref="Model.Diagnostics.InvalidInputException">The text is not a well-formed document.</exception>
    public static FileKind Detect(string text, string path)
    {
        var (root, _) = DocumentReader.Read(path, text);
        return root is YamlMapping mapping ? Of(mapping) : FileKind.Unknown;
    }

    /// <summary>
    /// The kind of a file another file names (a base policy, an authority, a case's scenario); <see cref="FileKind.Unknown"/>
    /// when it is not well-formed, or is a policy without an <c>id</c>. Only a file of the kind expected is read further,
    /// so what a parser would say of any other file's content never reaches a message.
    /// </summary>
    internal static FileKind OfNamed(string text, string path)
    {
        try
        {
            if (DocumentReader.Read(path, text).Root is not YamlMapping mapping)
            {
                return FileKind.Unknown;
            }

            var kind = Of(mapping);
            return kind == FileKind.Policy && mapping.ValueOf("id") is null ? FileKind.Unknown : kind;
        }
        catch (Model.Diagnostics.InvalidInputException)
        {
            return FileKind.Unknown;
        }
    }

    /// <summary>The kind of a document already read, told from its top-level keys.</summary>
    internal static FileKind Of(YamlMapping mapping)
    {
        var keys = new HashSet<string>(mapping.Entries.Count, StringComparer.Ordinal);
        foreach (var (key, _) in mapping.Entries)
        {
            keys.Add(key.Value);
        }

        return keys.Overlaps(["rules", "defaults", "extends", "jurisdiction"]) ? FileKind.Policy
            : keys.Overlaps(["booked_at", "charges"]) ? FileKind.Scenario
            : keys.Contains("cases") ? FileKind.Expectations
            : keys.Contains("questions") ? FileKind.Questions
            : keys.Contains("columns") ? FileKind.Map
            : keys.Contains("agencies") ? FileKind.Agencies
            : FileKind.Unknown;
    }
}

/// <summary>The tool's file formats.</summary>
public enum FileKind
{
    Unknown,
    Policy,
    Scenario,
    Expectations,

    /// <summary>Questions asked of every policy (<c>detainer table --questions</c>).</summary>
    Questions,

    /// <summary>A column map reading a data set's CSV layout as batch records (<c>detainer batch --map</c>).</summary>
    Map,

    /// <summary>An agency roster (<c>rules/agencies/</c>).</summary>
    Agencies,
}
