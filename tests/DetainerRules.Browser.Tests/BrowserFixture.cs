using Microsoft.Playwright;

namespace DetainerRules.Browser.Tests;

/// <summary>What each browser test class shares: the served workbench and one Chromium for the class, a fresh context and page per test, and what the page's console said.</summary>
/// <remarks>
/// Every test ends by checking the console: no script error and no Content-Security-Policy refusal on
/// any page it opened (a refusal means markup or a script the policy forbids reached the page). A
/// test that makes the page ask for a booking with problems names the one message it expects, the
/// browser's note of the 400 answer.
/// </remarks>
public abstract class BrowserFixture
{
    /// <summary>A listener installed before any page script: each refusal reaches the console, even one the browser would not log.</summary>
    private const string ReportRefusals = """
        document.addEventListener('securitypolicyviolation', (e) => console.error('CSP refused: ' + e.violatedDirective + ' ' + e.blockedURI));
        """;

    private readonly List<string> _console = [];
    private readonly List<string> _allowed = [];
    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright _playwright = null!;

    private protected ServedWorkbench Bench { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    /// <summary>This test's page (1280 px wide unless the test opens another).</summary>
    protected IPage Page { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        var executable = Chromium.Executable();

        // The machine is shared (CI's load average reaches 20): an answer may take seconds, never fifteen.
        Assertions.SetDefaultExpectTimeout(15_000);
        Bench = await ServedWorkbench.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,

            // As .ci/check-html launches it: Chromium refuses its sandbox to root (the CI container runs as root).
            ChromiumSandbox = !Environment.IsPrivilegedProcess,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Bench is not null)
        {
            await Bench.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenPage()
    {
        _console.Clear();
        _allowed.Clear();
        Page = await OpenPage(1280, 900);
    }

    [TearDown]
    public async Task CheckConsole()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
        var unexpected = _console.Where(m => !_allowed.Any(a => m.Contains(a, StringComparison.Ordinal))).ToList();
        Assert.That(unexpected, Is.Empty, "console errors, warnings, page errors or CSP refusals");
        Assert.That(Bench.Error.ToString(), Is.Empty, "the server's error stream");
    }

    /// <summary>A page in a context of its own, <paramref name="width"/> by <paramref name="height"/> CSS pixels, its console collected; closed when the test ends.</summary>
    /// <param name="script">False: the page as a browser with JavaScript turned off shows it.</param>
    protected async Task<IPage> OpenPage(int width, int height, bool script = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            JavaScriptEnabled = script,
        });
        _contexts.Add(context);
        await context.AddInitScriptAsync(ReportRefusals);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _console.Add($"{message.Type} on {page.Url}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _console.Add($"{response.Status} for {response.Url}");
            }
        };
        page.PageError += (_, error) => _console.Add($"page error on {page.Url}: {error}");

        // A payload's alert() would open a dialog: it is recorded (and fails the test) and dismissed.
        page.Dialog += async (_, dialog) =>
        {
            _console.Add($"dialog on {page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>A console message this test expects, e.g. the browser's note that the live script's request was answered 400.</summary>
    protected void AllowConsole(string part) => _allowed.Add(part);

    /// <summary>Opens <paramref name="path"/> of the workbench on <paramref name="page"/> (this test's page by default) and waits until it has loaded.</summary>
    protected async Task<IResponse?> Open(string path, IPage? page = null) =>
        await (page ?? Page).GotoAsync(Bench.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

    /// <summary>Saves a full-page screenshot as <c>screenshots/NAME.png</c> in the test's work folder and attaches it to the result.</summary>
    protected async Task<string> Screenshot(string name, IPage? page = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots")).FullName;
        var path = Path.Combine(folder, name + ".png");
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        TestContext.Progress.WriteLine($"screenshot: {path}");
        return path;
    }
}
