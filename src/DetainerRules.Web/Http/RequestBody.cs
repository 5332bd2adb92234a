using System.Text;
using System.Text.Json;
using DetainerRules.Model.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace DetainerRules.Web.Http;

/// <summary>A request's body as text, read within <see cref="RequestLimits.MaxBodyBytes"/> whatever the server in front enforces, and what kind of text it is.</summary>
public static class RequestBody
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>JSON (an object of named fields) or YAML (the text itself, options in the query).</summary>
    public enum Kind
    {
        Json,
        Yaml,
    }

    /// <summary>The body's kind, told from its <c>Content-Type</c>.</summary>
    /// <exception cref="ProblemException">415: neither JSON nor YAML.</exception>
    public static Kind KindOf(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var media))
        {
            var type = media.MediaType.Value?.ToLowerInvariant();
            if (type == "application/json" || type?.EndsWith("+json", StringComparison.Ordinal) == true)
            {
                return Kind.Json;
            }

            if (type is "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml")
            {
                return Kind.Yaml;
            }
        }

        throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, Unsupported(request.ContentType));
    }

    /// <summary>Why a body of this type is refused, and what to send instead.</summary>
    public static string Unsupported(string? contentType) =>
        $"Content-Type `{contentType}` is not accepted: send `application/json` (the request's fields) or `application/yaml` (the text itself)";

    /// <summary>The body as UTF-8 text, a byte-order mark dropped.</summary>
    /// <exception cref="ProblemException">413: longer than the limit; 400: not UTF-8.</exception>
    public static async Task<string> ReadText(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            // A body sent without a length, or with a false one, is bounded here too.
            if (buffer.Length + read > RequestLimits.MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var text = Strict.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, "the request body is not UTF-8 text");
        }
    }

    /// <summary>The body parsed as one JSON object.</summary>
    /// <exception cref="ProblemException">400, positioned: not well-formed JSON, or not an object.</exception>
    public static JsonElement ReadObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = Yaml.Documents.InputLimits.MaxDepth });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw Fail(DiagnosticCodes.Field, string.Empty, $"expected an object of fields, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
        }
        catch (JsonException e)
        {
            var at = new SourceSpan(RequestTexts.Request, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            throw new ProblemException(StatusCodes.Status400BadRequest, "the request is not well-formed JSON",
                [Diagnostic.Error(at, DiagnosticCodes.Syntax, string.Empty, "not well-formed JSON")]);
        }
    }

    /// <summary>A problem with one field of the request's JSON (JSON values carry no positions once read).</summary>
    public static ProblemException Fail(DiagnosticCode code, string field, string message) =>
        new(StatusCodes.Status400BadRequest, field.Length > 0 ? $"{field}: {message}" : message,
            [Diagnostic.Error(new SourceSpan(RequestTexts.Request, 0, 0), code, field, message)]);

    private static ProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the limit of {RequestLimits.MaxBodyBytes} bytes");
}
