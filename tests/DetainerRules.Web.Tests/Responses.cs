using System.Net;
using System.Text;
using System.Text.Json;

namespace DetainerRules.Web.Tests;

/// <summary>An API answer as the tests read it: its status and its body's exact bytes as text, or its body as JSON.</summary>
internal static class Responses
{
    public static async Task<(HttpStatusCode Status, string Body)> Read(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return (response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
