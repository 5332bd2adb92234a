using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DetainerRules.Cli;
using DetainerRules.Web.Http;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Tests;

/// <summary>Safe by default: loopback, bounded bodies, a Content-Security-Policy on every answer, only this machine's names as host, no stack trace.</summary>
[TestFixture]
public class SafetyTests
{
    private Workbenches _bench = null!;

    [OneTimeSetUp]
    public async Task Start() => _bench = await Workbenches.Start();

    [OneTimeTearDown]
    public async Task Stop() => await _bench.DisposeAsync();

    [Test]
    public async Task OversizedBody_413_WithALength()
    {
        var huge = new string('#', RequestLimits.MaxBodyBytes) + "\n";
        using var response = await _bench.PostYaml("/v1/evaluate?policies=holding", huge);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(json.GetProperty("detail").GetString(), Does.Contain($"{RequestLimits.MaxBodyBytes} bytes"));
        }
    }

    [Test]
    public async Task OversizedBody_413_WithoutALength()
    {
        // Streamed with no Content-Length: the limit holds as the body is read.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string('#', RequestLimits.MaxBodyBytes + 10)));
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/validate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _bench.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase("GET", "/v1/policies")]
    [TestCase("GET", "/v1/policies/holding")]
    [TestCase("GET", "/v1/policies/nothing-here")]
    [TestCase("GET", "/v1/policies/..%2Fx")]
    [TestCase("GET", "/openapi/v1.json")]
    [TestCase("GET", "/no/such/page")]
    [TestCase("POST", "/v1/evaluate")]
    public async Task EveryAnswer_CarriesTheContentSecurityPolicy(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await _bench.Http.SendAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
            Assert.That(SecurityHeaders.ContentSecurityPolicy, Does.StartWith("default-src 'none'").And.Not.Contain("unsafe"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        }
    }

    [Test]
    public async Task UnknownPath_404ProblemDetails()
    {
        using var response = await _bench.Http.GetAsync("/v2/policies");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(json.GetProperty("title").GetString(), Is.EqualTo("Not Found"));
        }
    }

    [Test]
    public async Task WrongMethod_405ProblemDetails()
    {
        using var response = await _bench.Http.GetAsync("/v1/evaluate");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(json.GetProperty("detail").GetString(), Does.Contain("GET is not a method"));
        }
    }

    [TestCase("evil.example")]
    [TestCase("127.0.0.1.nip.io")]
    public async Task OnLoopback_ARequestForAnotherHostName_Refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/policies");
        request.Headers.Host = host;
        using var response = await _bench.Http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(json.GetProperty("detail").GetString(), Does.Contain("not to this machine"));
        }
    }

    [TestCase("localhost")]
    [TestCase("127.0.0.1:5080")]
    [TestCase("[::1]:5080")]
    public async Task OnLoopback_ThisMachinesNames_Answered(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/policies");
        request.Headers.Host = host;
        using var response = await _bench.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApiDocument_DescribesEveryEndpoint()
    {
        using var response = await _bench.Http.GetAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "/v1/policies", "/v1/policies/{id}", "/v1/evaluate", "/v1/validate", "/v1/compare" }));
            Assert.That(paths.GetProperty("/v1/compare").GetProperty("post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name), Is.EqualTo(new[] { "application/json" }));
            Assert.That(paths.GetProperty("/v1/evaluate").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/yaml", out _), Is.True);
        }
    }

    [Test]
    public void Defaults_ListenOnLoopback()
    {
        var options = new WorkbenchOptions { SearchPath = CatalogSearchPath.None };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Host, Is.EqualTo(IPAddress.Loopback));
            Assert.That(options.IsLoopback, Is.True);
        }
    }

    [Test]
    public async Task RealServer_ByDefault_BoundToLoopbackOnly_AndAnswers()
    {
        await using var app = Workbench.Create(new WorkbenchOptions { Port = 0, SearchPath = CatalogSearchPath.Of([_bench.Rules]) });
        await app.StartAsync();
        try
        {
            var addresses = Workbench.Addresses(app);
            using var client = new HttpClient { BaseAddress = new Uri(addresses[0]) };
            using var response = await client.GetAsync("/v1/policies/holding");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(addresses, Has.Count.EqualTo(1));
                Assert.That(addresses[0], Does.StartWith("http://127.0.0.1:"));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The Evaluate form is a GET that sends every field of every row: at its 50 charges and 50 convictions, filled as real bookings are, the address is far past Kestrel's default 8 KiB request line, and a real server must still read it.</summary>
    [Test]
    public async Task RealServer_TheWholeFormAtItsMostRows_IsReadAndAnswered()
    {
        var fields = new List<string> { "booked_at=2025-01-17T09%3A30%3A00-08%3A00", "foreign_born=true", "citizenship=noncitizen", "policy=holding" };
        for (var row = 1; row <= Pages.BookingForm.MaxRows; row++)
        {
            fields.Add($"charge{row}_offense=" + Uri.EscapeDataString($"Possession of a controlled substance with intent to sell, count {row}"));
            fields.Add($"charge{row}_statute=" + Uri.EscapeDataString("NRS 453.337(2)(a)"));
            fields.Add($"charge{row}_level=felony&charge{row}_category=theft");
            fields.Add($"conviction{row}_offense=" + Uri.EscapeDataString($"Burglary of a business, count {row}"));
            fields.Add($"conviction{row}_statute=" + Uri.EscapeDataString("NRS 205.060(1)"));
            fields.Add($"conviction{row}_level=felony&conviction{row}_category=theft&conviction{row}_convicted_on=2019-03-04&conviction{row}_released_on=2020-01-02");
        }

        var address = "/evaluate?" + string.Join("&", fields);
        await using var app = Workbench.Create(new WorkbenchOptions { Port = 0, SearchPath = CatalogSearchPath.Of([_bench.Rules]) });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(Workbench.Addresses(app)[0]) };
            using var response = await client.GetAsync(address);
            var page = await response.Content.ReadAsStringAsync();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(address.Length, Is.GreaterThan(16 * 1024).And.LessThan(RequestLimits.MaxRequestLine - 32), "the test's address is what the limit is for");
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(page, Does.Contain("count 50"), "the last row reached the page");
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>
    /// The fullest form a browser can send: the page's own form at its most rows, every text field filled to the
    /// <c>maxlength</c> the page gives it with a character a browser sends as nine bytes, every select at its longest
    /// choice and every box ticked. The server must read it and answer with the page (the loader's problems: a date field
    /// full of apostrophes is no date), not refuse the address.
    /// </summary>
    [Test]
    public async Task RealServer_TheFullestFormABrowserCanSend_IsReadAndAnswered()
    {
        await using var app = Workbench.Create(new WorkbenchOptions { Port = 0, SearchPath = CatalogSearchPath.Of([_bench.Rules]) });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(Workbench.Addresses(app)[0]) };
            var blank = await client.GetStringAsync($"/evaluate?charge{Pages.BookingForm.MaxRows}_offense=x&conviction{Pages.BookingForm.MaxRows}_offense=x");
            // The form as a browser sends it: not the blank rows the script copies, which sit in templates.
            var form = System.Text.RegularExpressions.Regex.Replace(
                blank[blank.IndexOf("<form class=\"booking\"", StringComparison.Ordinal)..blank.IndexOf("</form>", StringComparison.Ordinal)],
                "<template.*?</template>",
                string.Empty,
                System.Text.RegularExpressions.RegexOptions.Singleline);
            var texts = System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"text\"[^>]*>").Select(m => m.Value).ToList();
            var fields = new List<string>();
            foreach (var input in texts)
            {
                var most = int.Parse(Attribute(input, "maxlength") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                fields.Add(Attribute(input, "name") + "=" + Uri.EscapeDataString(new string('\u2019', most)));
            }

            foreach (System.Text.RegularExpressions.Match select in System.Text.RegularExpressions.Regex.Matches(form, "<select ([^>]*)>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
            {
                var choices = System.Text.RegularExpressions.Regex.Matches(select.Groups[2].Value, "<option value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
                var name = Attribute(select.Value, "name");
                fields.AddRange(select.Value.Contains(" multiple", StringComparison.Ordinal)
                    ? choices.Select(c => name + "=" + Uri.EscapeDataString(c))
                    : [name + "=" + Uri.EscapeDataString(choices.MaxBy(c => c.Length)!)]);
            }

            foreach (var box in System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"(?:checkbox|hidden)\"[^>]*>").Select(m => m.Value))
            {
                fields.Add(Attribute(box, "name") + "=" + Uri.EscapeDataString(WebUtility.HtmlDecode(Attribute(box, "value") ?? string.Empty)));
            }

            var address = "/evaluate?" + string.Join("&", fields);
            using var response = await client.GetAsync(address);
            var page = await response.Content.ReadAsStringAsync();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(texts, Has.Count.EqualTo((Pages.BookingForm.MaxRows * 6) + 4), "every text field of the fullest form: two a charge, four a conviction, and the booking's, detainer's and release's times and the zone");
                Assert.That(texts, Has.All.Contain(" maxlength=\""), "a field with no maxlength has no bound a browser keeps to");
                Assert.That(address.Length, Is.GreaterThan(64 * 1024).And.LessThan(RequestLimits.MaxRequestLine - 32), "past the old limit, inside the new one");
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the page's own answer to a booking whose dates are not dates, not the server's 414");
                Assert.That(page, Does.Contain("The booking cannot be evaluated"));
                Assert.That(page, Does.Contain($"name=\"conviction{Pages.BookingForm.MaxRows}_released_on\" value=\"{new string('\u2019', 64)}\""), "the last field of the last row reached the page");
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string? Attribute(string element, string name) =>
        System.Text.RegularExpressions.Regex.Match(element, $" {name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [TestCase("not-an-address")]
    [TestCase("example.org")]
    public void Serve_AHostThatIsNotAnAddress_IsAUsageError(string host)
    {
        var (exit, _, error) = _bench.Cli("serve", "--host", host, "--port", "0");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain($"--host: `{host}` is not an IP address"));
        }
    }

    [Test]
    public void Serve_APortOutOfRange_IsAUsageError()
    {
        var (exit, _, error) = _bench.Cli("serve", "--port", "70000");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error, Does.Contain("--port: `70000` is not a port"));
        }
    }
}
