namespace Endorse.BrowserTests.Infrastructure;

/// <summary>
/// One Endorse server and one headless Debian Chromium, shared by every test of the "Browser" collection;
/// each test gets a browser context (cookies, storage) of its own from <see cref="NewPageAsync"/>.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser downloads are never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public EndorseServer Server { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Full-page screenshots go here: $ENDORSE_SCREENSHOTS, else screenshots/ beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("ENDORSE_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Server.Start();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (test.sh does).");
        }

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A page in a fresh browser context (no cookies), at desktop size and in UTC unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, string timeZoneId = "UTC")
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = timeZoneId,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        await WatchContentSecurityPolicyAsync(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Content-Security-Policy violations seen by any page since they were last taken. Every browser test fails on one
    /// (<see cref="FailOnCspViolationAttribute"/>): a page that needs something the policy forbids is broken for users.
    /// </summary>
    public static IReadOnlyList<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (CspViolations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> CspViolations = new();

    private static async Task WatchContentSecurityPolicyAsync(IBrowserContext context)
    {
        await context.ExposeFunctionAsync("__endorseCspViolation", (string text) => CspViolations.Enqueue(text));
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.__endorseCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI} (${e.sourceFile || ''}:${e.lineNumber || ''})`));
            """);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Enqueue(message.Text);
            }
        };
    }

    /// <summary>
    /// Saves a full-page screenshot as &lt;name&gt;.png in <see cref="ScreenshotFolder"/> and returns its path; then, unless
    /// told not to, runs axe-core on the page as pictured, so every state a test takes a picture of is held to WCAG 2.1 AA.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool checkAccessibility = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ScreenshotFolder, name + ".png");

        // From the top: a full-page shot of a scrolled page paints the fixed app bar mid-page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        if (checkAccessibility)
        {
            await Accessibility.AssertCleanAsync(page, $"the page pictured in {name}.png");
        }

        return path;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
