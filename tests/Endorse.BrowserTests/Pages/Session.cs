using Endorse.BrowserTests.Infrastructure;

namespace Endorse.BrowserTests.Pages;

/// <summary>A fresh browser context signed in as the demo user of a role.</summary>
public static class Session
{
    public static async Task<(IPage Page, AppShell Shell)> SignInAsync(BrowserApp app, string role, int width = 1366, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(app);
        var page = await app.NewPageAsync(width, height);
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(DemoUser.EmailOf(role), DemoUser.Password);
        return (page, shell);
    }

    /// <summary>Opens a page of the app by its path and waits for its h1 and the circuit.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        try
        {
            await Microsoft.Playwright.Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        }
        catch (PlaywrightException exception)
        {
            // Say what came instead of the page (an error page, a sign-in redirect), and keep its picture.
            await BrowserApp.ScreenshotAsync(page, "failed-open" + path.Replace('/', '-'), checkAccessibility: false);
            var body = await page.Locator("body").InnerTextAsync();
            throw new PlaywrightException($"{path} showed no h1 at {page.Url}: {body[..Math.Min(body.Length, 500)]}", exception);
        }

        await AppShell.WaitForInteractivityAsync(page);
    }
}
