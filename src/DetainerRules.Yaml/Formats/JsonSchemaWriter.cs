using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DetainerRules.Yaml.Formats;

/// <summary>Writes a format's shapes as a JSON Schema (draft 2020-12), for editors and other tools.</summary>
public static class JsonSchemaWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The schemas the tool offers, by the name <c>detainer schema</c> takes.</summary>
    public static IReadOnlyDictionary<string, ObjectShape> Formats { get; } = new Dictionary<string, ObjectShape>(StringComparer.Ordinal)
    {
        ["policy"] = PolicyFormat.Top,
        ["scenario"] = ScenarioFormat.Top,
        ["expectations"] = ExpectationFormat.Top,
        ["map"] = MapFormat.Top,
        ["agencies"] = AgencyFormat.Top,
    };

    public static string Write(string name)
    {
        var shape = Formats[name];
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", $"https://detainer-rules.invalid/schema/{name}.schema.json");
            w.WriteString("title", $"DetainerRules {name} file");
            WriteBody(w, shape);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter w, Shape shape)
    {
        w.WriteStartObject();
        WriteBody(w, shape);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, Shape shape)
    {
        w.WriteString("description", shape.Description);
        switch (shape)
        {
            case ObjectShape o:
                w.WriteString("type", "object");
                w.WritePropertyName("properties");
                w.WriteStartObject();
                foreach (var property in o.Properties)
                {
                    w.WritePropertyName(property.Name);
                    Write(w, property.Shape);
                }

                w.WriteEndObject();
                w.WriteBoolean("additionalProperties", false);
                WriteRequired(w, o.Properties.Where(x => x.Required).Select(x => x.Name));
                if (o.Conditional is { } c)
                {
                    w.WriteStartObject("if");
                    WriteRequired(w, [c.Key]);
                    w.WriteEndObject();
                    w.WriteStartObject("then");
                    WriteRequired(w, c.RequiredIfPresent);
                    w.WriteEndObject();
                    w.WriteStartObject("else");
                    WriteRequired(w, c.RequiredIfAbsent);
                    w.WriteStartObject("properties");
                    foreach (var (key, keys) in c.NestedRequiredIfAbsent)
                    {
                        w.WriteStartObject(key);
                        WriteRequired(w, keys);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                break;
            case MapShape m:
                w.WriteString("type", "object");
                if (m.KeyPattern is { } pattern)
                {
                    w.WriteStartObject("propertyNames");
                    w.WriteString("pattern", pattern);
                    w.WriteEndObject();
                }

                w.WritePropertyName("additionalProperties");
                Write(w, m.Values);
                break;
            case ListShape l:
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                Write(w, l.Items);
                if (l.MinItems > 0)
                {
                    w.WriteNumber("minItems", l.MinItems);
                }

                break;
            case TextShape t:
                w.WriteString("type", "string");
                if (t.Pattern is { } p)
                {
                    w.WriteString("pattern", p);
                }

                if (t.MaxLength is { } max)
                {
                    w.WriteNumber("maxLength", max);
                }

                break;
            case WordShape word:
                w.WriteString("type", "string");
                w.WriteStartArray("enum");
                foreach (var value in word.Words)
                {
                    w.WriteStringValue(value);
                }

                w.WriteEndArray();
                break;
            case IntegerShape i:
                w.WriteString("type", "integer");
                w.WriteNumber("minimum", i.Minimum);
                w.WriteNumber("maximum", i.Maximum);
                break;
            case FlagShape:
                w.WriteString("type", "boolean");
                break;
            case AnyOfShape any:
                w.WriteStartArray("anyOf");
                foreach (var option in any.Options)
                {
                    Write(w, option);
                }

                w.WriteEndArray();
                break;
            case NullableShape n:
                w.WriteStartArray("anyOf");
                w.WriteStartObject();
                w.WriteString("type", "null");
                w.WriteEndObject();
                Write(w, n.Inner);
                w.WriteEndArray();
                break;
        }
    }

    private static void WriteRequired(Utf8JsonWriter w, IEnumerable<string> keys)
    {
        var list = keys.ToList();
        if (list.Count == 0)
        {
            return;
        }

        w.WriteStartArray("required");
        foreach (var key in list)
        {
            w.WriteStringValue(key);
        }

        w.WriteEndArray();
    }
}
