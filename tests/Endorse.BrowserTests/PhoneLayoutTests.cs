using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;

namespace Endorse.BrowserTests;

/// <summary>The administration, catalog, inbox and advocate pages read on a phone: nothing wider than the screen.</summary>
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(BrowserApp app)
{
    [Fact]
    public async Task The_main_pages_fit_a_phone_screen()
    {
        string[] paths = ["/products", "/sectors", "/regions", "/sales-areas", "/users", "/users/new", "/settings/tokens", "/audit", "/inbox", "/advocates", "/advocates/enrol", "/advocates/bulk-enrol"];
        var (page, _) = await Session.SignInAsync(app, Roles.Administrator, 390, 844);
        var tooWide = new List<string>();
        foreach (var path in paths)
        {
            await Session.OpenAsync(page, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // Lists load over the circuit after the page shows: the picture is of the loaded list.
            await Microsoft.Playwright.Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await BrowserApp.ScreenshotAsync(page, "phone" + path.Replace('/', '-'));
            if (!await MudControls.FitsWidthAsync(page))
            {
                tooWide.Add(path);
            }
        }

        Assert.Empty(tooWide);
        await page.Context.CloseAsync();
    }
}
