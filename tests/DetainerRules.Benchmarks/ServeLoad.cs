using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DetainerRules.Web;
using DetainerRules.Web.Api;
using DetainerRules.Yaml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DetainerRules.Benchmarks;

/// <summary>
/// A load run of <c>detainer serve</c> (not a timed test): the workbench on real Kestrel on loopback over the shipped
/// catalog, a bounded count of requests from concurrent clients, and, on the same server and pipeline, a baseline
/// endpoint that reads the request and answers a fixed body of the same size, so each figure has a ratio.
/// </summary>
/// <remarks>
/// Clients and server share the process (and this machine's cores), as a local workbench shares them with its browser;
/// the baseline pays the same. Memory is the process's: managed heap after a collection, and working set.
/// </remarks>
public static class ServeLoad
{
    private const string BaselinePath = "/baseline";

    public static async Task<int> Run(int evaluations, int comparisons, TextWriter output)
    {
        var rules = Path.Combine(RepositoryPaths.Root, "rules");
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "seeds", "scenarios", "lv-officer-battery-felony.yaml"));
        var evaluate = JsonSerializer.Serialize(new { scenario, policies = new[] { "lvmpd-2023" } });

        // As a program would send it: the same booking as one line of JSON.
        var asJson = Reports.ScenarioJson.ToJson(ScenarioLoader.Load(scenario, "scenario", "lv-officer-battery-felony"), indented: false);
        var evaluateJson = JsonSerializer.Serialize(new { scenario = asJson, policies = new[] { "lvmpd-2023" } });
        var compare = JsonSerializer.Serialize(new { policies = new[] { "lvmpd-2023", "california" }, space = true });

        var app = Workbench.Create(new WorkbenchOptions { SearchPath = CatalogSearchPath.Of([rules]), Port = 0, Error = output });
        byte[] fixedBody = [];
        string fixedType = "application/json";
        app.MapPost(BaselinePath, async (HttpContext http) =>
        {
            // As an endpoint reads its request, then answers bytes it need not compute.
            using var reader = new StreamReader(http.Request.Body);
            _ = await reader.ReadToEndAsync(http.RequestAborted);
            http.Response.ContentType = fixedType;
            await http.Response.Body.WriteAsync(fixedBody, http.RequestAborted);
        });
        await app.StartAsync();
        try
        {
            var address = new Uri(Workbench.Addresses(app)[0]);
            output.WriteLine($"detainer serve at {address} over {rules}; {Environment.ProcessorCount} cores; load average before: {LoadAverage()}");
            output.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {System.Runtime.GCSettings.LatencyMode}");
            Phases(app.Services.GetRequiredService<CatalogLookup>(), "the scenario as YAML", evaluate, output, timeFresh: true);
            Phases(app.Services.GetRequiredService<CatalogLookup>(), "the scenario as one line of JSON", evaluateJson, output, timeFresh: false);

            foreach (var (name, path, body, count, clients) in new[]
            {
                ("evaluate lvmpd-2023", "/v1/evaluate", evaluate, evaluations, 8),
                ("evaluate lvmpd-2023", "/v1/evaluate", evaluate, evaluations, 32),
                ("evaluate lvmpd-2023, the scenario as JSON", "/v1/evaluate", evaluateJson, evaluations, 8),
                ("evaluate lvmpd-2023, the scenario as JSON", "/v1/evaluate", evaluateJson, evaluations, 32),
                ("compare lvmpd-2023 california --space", "/v1/compare", compare, comparisons, 8),
            })
            {
                if (count == 0)
                {
                    continue;
                }

                // The baseline answers exactly the bytes the endpoint answers.
                using (var probe = new HttpClient { BaseAddress = address })
                using (var answer = await probe.PostAsync(path, Json(body)))
                {
                    fixedBody = await answer.Content.ReadAsByteArrayAsync();
                    fixedType = answer.Content.Headers.ContentType?.ToString() ?? fixedType;
                    if (answer.StatusCode != HttpStatusCode.OK)
                    {
                        output.WriteLine($"{name}: {answer.StatusCode}: {Encoding.UTF8.GetString(fixedBody)}");
                        return 1;
                    }
                }

                var real = await Load(address, path, body, count, clients, fixedBody);
                var baseline = await Load(address, BaselinePath, body, count, clients, fixedBody);
                output.WriteLine();
                output.WriteLine($"{name}: {count:N0} requests from {clients} clients, answers of {fixedBody.Length:N0} bytes; load average after: {LoadAverage()}");
                output.WriteLine("| | requests/s | p50 ms | p99 ms | max ms | errors | managed MB start / middle / end | working set MB start / middle / end |");
                output.WriteLine("|---|---:|---:|---:|---:|---:|---|---|");
                output.WriteLine(real.Row("endpoint"));
                output.WriteLine(baseline.Row("baseline (fixed body, same server)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| endpoint / baseline | {real.PerSecond / baseline.PerSecond:0.00}x | {real.P50 / baseline.P50:0.0}x | {real.P99 / baseline.P99:0.0}x | | | | |"));
            }

            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Where one evaluation's time goes, outside HTTP: each step the endpoint takes, one thread, mean of 2,000 after a warm-up.</summary>
    private static void Phases(CatalogLookup lookup, string sent, string body, TextWriter output, bool timeFresh)
    {
        const int Rounds = 2_000;
        var steps = new (string Name, Stopwatch Watch)[] { ("read the request's JSON", new()), ("load the scenario", new()), ("the catalog, the name", new()), ("the compiled twin (cached)", new()), ("decide (delegate twin)", new()), ("write the answer's JSON", new()) };
        var query = new QueryCollection();
        for (var round = -200; round < Rounds; round++)
        {
            var timing = round >= 0;
            T Step<T>(int i, Func<T> step)
            {
                if (timing)
                {
                    steps[i].Watch.Start();
                }

                var result = step();
                steps[i].Watch.Stop();
                return result;
            }

            var request = Step(0, () => EvaluateRequest.Read(Web.Http.RequestBody.Kind.Json, body, query));
            var scenario = Step(1, () => ScenarioLoader.Load(request.Scenario, "scenario", "scenario"));
            var (snapshot, policy) = Step(2, () => lookup.Current() is var s ? (s, s.Choose(request.Policies![0], "policies[0]").On(scenario.BookedAt)) : default);
            var twin = Step(3, () => snapshot.Twin(policy, scenario.BookedAt, null));
            var verdict = Step(4, () => twin.Evaluate(scenario));
            _ = Step(5, () => Reports.JsonReport.RenderLine(w => Reports.JsonReport.Write(w, verdict)));
        }

        output.WriteLine();
        output.WriteLine($"One evaluation outside HTTP, one thread (mean of 2,000), {sent}:");
        output.WriteLine("| step | µs |");
        output.WriteLine("|---|---:|");
        foreach (var (name, watch) in steps)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {watch.Elapsed.TotalMicroseconds / Rounds:0.0} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {steps.Sum(s => s.Watch.Elapsed.TotalMicroseconds) / Rounds:0.0} |"));

        if (!timeFresh)
        {
            return;
        }

        // What each request paid before the catalog was kept: a fresh catalog, the name resolved (every file loaded), the network compiled.
        const int Fresh = 20;
        var asked = EvaluateRequest.Read(Web.Http.RequestBody.Kind.Json, body, query);
        var bookedAt = ScenarioLoader.Load(asked.Scenario, "scenario", "scenario").BookedAt;
        var fresh = Stopwatch.StartNew();
        for (var i = 0; i < Fresh; i++)
        {
            var catalog = new PolicyCatalog(lookup.Open().SearchPath);
            var policy = CatalogLookup.Choose(catalog, asked.Policies![0], "policies[0]").On(bookedAt);
            _ = new DatedPolicies<Engine.CompiledPolicy>(catalog, Engine.PolicyCompiler.Compose).At(policy, bookedAt);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| (before the catalog was kept, each request also read and compiled afresh: mean of {Fresh}) | {fresh.Elapsed.TotalMicroseconds / Fresh:0} |"));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary><paramref name="count"/> requests (after a warm-up of a tenth as many, at least 200), each client sending its next as soon as the last is answered.</summary>
    private static async Task<Result> Load(Uri address, string path, string body, int count, int clients, byte[] expected)
    {
        var handlers = Enumerable.Range(0, clients).Select(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = address }).ToList();
        try
        {
            await Send(handlers, path, body, Math.Max(200, count / 10), expected, null);
            var memory = new List<(double Managed, double WorkingSet)> { Memory() };
            var watch = Stopwatch.StartNew();
            var outcome = await Send(handlers, path, body, count, expected, () => memory.Add(Memory()));
            var elapsed = watch.Elapsed;
            memory.Add(Memory());
            var sorted = outcome.Latencies.Order().ToArray();
            return new Result(count / elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], outcome.Errors, memory);
        }
        finally
        {
            handlers.ForEach(h => h.Dispose());
        }
    }

    private static async Task<(double[] Latencies, int Errors)> Send(List<HttpClient> clients, string path, string body, int count, byte[] expected, Action? halfway)
    {
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        var content = Encoding.UTF8.GetBytes(body);
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (i == count / 2)
                {
                    halfway?.Invoke();
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new ByteArrayContent(content);
                    request.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                    using var response = await client.PostAsync(path, request);
                    var answer = await response.Content.ReadAsByteArrayAsync();

                    // Every answer checked: an error is a wrong status or a wrong byte, not only a failed connection.
                    if (response.StatusCode != HttpStatusCode.OK || !answer.AsSpan().SequenceEqual(expected))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        return (latencies, errors);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static (double Managed, double WorkingSet) Memory()
    {
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Result(double PerSecond, double P50, double P99, double Max, int Errors, List<(double Managed, double WorkingSet)> Memory)
    {
        public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(PerSecond < 100 ? PerSecond.ToString("0.00", CultureInfo.InvariantCulture) : PerSecond.ToString("N0", CultureInfo.InvariantCulture))} | {P50:0.00} | {P99:0.00} | {Max:0.0} | {Errors} | {string.Join(" / ", Memory.Select(m => m.Managed.ToString("0.0", CultureInfo.InvariantCulture)))} | {string.Join(" / ", Memory.Select(m => m.WorkingSet.ToString("0", CultureInfo.InvariantCulture)))} |");
    }
}
