using Endorse.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>
/// The check every page visit makes: the page answered without a server error, rendered its h1, shows no error UI
/// (Blazor's error banner, a "no access" message), finished loading its lists; a screenshot is taken and axe-core run.
/// </summary>
public static class PageCheck
{
    /// <summary>Opens <paramref name="path"/> and checks it as <see cref="AssertRenderedAsync"/> does.</summary>
    public static async Task VisitAsync(IPage page, string path, string shot)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        if (response is { Status: >= 500 })
        {
            await BrowserApp.ScreenshotAsync(page, "failed-" + shot, checkAccessibility: false);
            var body = await page.Locator("body").InnerTextAsync();
            Assert.Fail($"{path} answered {response.Status}: {body[..Math.Min(body.Length, 500)]}");
        }

        await AssertRenderedAsync(page, shot);
    }

    /// <summary>Checks the page now shown (after a click or a navigation), saves &lt;shot&gt;.png and runs axe-core on it.</summary>
    public static async Task AssertRenderedAsync(IPage page, string shot)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await AppShell.WaitForInteractivityAsync(page);

            // Lists load over the circuit after the page shows: check (and picture) the loaded page.
            await Expect(page.Locator("main .mud-table-loading")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Expect(page.GetByText("You do not have access to this page")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException exception)
        {
            await BrowserApp.ScreenshotAsync(page, "failed-" + shot, checkAccessibility: false);
            var body = await page.Locator("body").InnerTextAsync();
            throw new PlaywrightException($"{page.Url} did not render as a page ({exception.Message.Split('\n')[0]}): {body[..Math.Min(body.Length, 500)]}", exception);
        }

        await BrowserApp.ScreenshotAsync(page, shot);
    }
}
