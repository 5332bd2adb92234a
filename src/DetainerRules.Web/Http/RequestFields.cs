using System.Text.Json;
using DetainerRules.Model.Diagnostics;

namespace DetainerRules.Web.Http;

/// <summary>The named fields of a request: from a JSON body's object, or from the query string when the body is the text itself; strict as the file formats are, so a misspelt field is an error, never ignored.</summary>
public sealed class RequestFields
{
    private readonly Dictionary<string, JsonElement> _json = new(StringComparer.Ordinal);
    private readonly IQueryCollection? _query;

    private RequestFields(IReadOnlyList<string> keys, JsonElement? root, IQueryCollection? query)
    {
        _query = query;
        var given = root is { } r ? r.EnumerateObject().Select(p => p.Name).ToList() : [.. query!.Keys];
        foreach (var key in given.Where(k => !keys.Contains(k)))
        {
            throw RequestBody.Fail(DiagnosticCodes.Field, key,
                $"unknown field `{key}`{Suggestion.Hint(key, keys)}; expected one of {string.Join(", ", keys.Select(k => $"`{k}`"))}");
        }

        if (root is { } o)
        {
            foreach (var property in o.EnumerateObject())
            {
                if (!_json.TryAdd(property.Name, property.Value))
                {
                    throw RequestBody.Fail(DiagnosticCodes.Field, property.Name, "given twice");
                }
            }
        }
    }

    /// <summary>The fields of a JSON object, of which only <paramref name="keys"/> may appear.</summary>
    public static RequestFields OfJson(JsonElement root, IReadOnlyList<string> keys) => new(keys, root, null);

    /// <summary>The fields of a query string, of which only <paramref name="keys"/> may appear.</summary>
    public static RequestFields OfQuery(IQueryCollection query, IReadOnlyList<string> keys) => new(keys, null, query);

    /// <summary>A text field; null when absent (or JSON <c>null</c>).</summary>
    public string? Text(string key)
    {
        if (_query is not null)
        {
            var values = _query[key];
            return values.Count switch
            {
                0 => null,
                1 => values[0],
                _ => throw RequestBody.Fail(DiagnosticCodes.Field, key, "given twice"),
            };
        }

        if (!_json.TryGetValue(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Expected(key, "text", value);
    }

    /// <summary>A list of texts (repeated in a query string); empty when absent.</summary>
    public IReadOnlyList<string> Texts(string key)
    {
        if (_query is not null)
        {
            return [.. _query[key].OfType<string>()];
        }

        if (!_json.TryGetValue(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Expected(key, "a list of texts", value);
        }

        return [.. value.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Expected($"{key}[{i}]", "text", item))];
    }

    /// <summary>A flag; false when absent. In a query string, <c>true</c> or <c>false</c>.</summary>
    public bool Flag(string key)
    {
        if (_query is not null)
        {
            return Text(key) switch
            {
                null => false,
                "true" => true,
                "false" => false,
                var other => throw RequestBody.Fail(DiagnosticCodes.Field, key, $"`{other}` is not a flag; expected `true` or `false`"),
            };
        }

        return !_json.TryGetValue(key, out var value) ? false : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw Expected(key, "true or false", value),
        };
    }

    /// <summary>A JSON field as it was given, for a field of structure (an object); null when absent or <c>null</c>, and always null in a query string.</summary>
    public JsonElement? Element(string key) =>
        _query is null && _json.TryGetValue(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A field's value of the wrong JSON kind.</summary>
    public static ProblemException Expected(string key, string what, JsonElement found) =>
        RequestBody.Fail(DiagnosticCodes.Field, key, $"expected {what}, found {found.ValueKind.ToString().ToLowerInvariant()}");
}
