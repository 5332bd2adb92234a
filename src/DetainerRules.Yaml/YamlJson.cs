using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml;

/// <summary>Turns a YAML document into the JSON an editor's schema checker sees, to check files against the published schemas.</summary>
/// <remarks>Plain scalars are typed as YAML 1.2's core schema types them (null, booleans, integers); quoted ones stay strings.</remarks>
public static partial class YamlJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="Model.Diagnostics.InvalidInputException">The text is not a well-formed document.</exception>
    public static string ToJson(string text, string file)
    {
        var (root, _) = DocumentReader.Read(file, text);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            Write(w, root);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping m:
                w.WriteStartObject();
                foreach (var (key, value) in m.Entries)
                {
                    w.WritePropertyName(key.Value);
                    Write(w, value);
                }

                w.WriteEndObject();
                break;
            case YamlSequence s:
                w.WriteStartArray();
                foreach (var item in s.Items)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case YamlScalar { IsNull: true }:
                w.WriteNullValue();
                break;
            case YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" }:
                w.WriteBooleanValue(true);
                break;
            case YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" }:
                w.WriteBooleanValue(false);
                break;
            case YamlScalar { IsPlain: true } scalar when Integer().IsMatch(scalar.Value) && long.TryParse(scalar.Value, out var number):
                w.WriteNumberValue(number);
                break;
            case YamlScalar scalar:
                w.WriteStringValue(scalar.Value);
                break;
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();
}
