using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>The administration, catalog, inbox and advocate pages read on a phone: nothing wider than the screen.</summary>
[Collection(BrowserCollection.Name)]
public partial class PhoneLayoutTests(BrowserApp app)
{
    /// <summary>A phone list is a compact row per record: 25 rows of about 60 px and the page's controls, not 25 cards of ten lines.</summary>
    private const int MaxListHeight = 3_000;

    [Fact]
    public async Task A_list_on_a_phone_is_a_compact_row_per_record_and_a_tap_on_the_row_opens_it()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.SalesRep, 390, 844);
        foreach (var (path, title) in new[] { ("contacts", "Contacts"), ("opportunities", "Opportunities"), ("advocates", "Advocates"), ("accounts", "Accounts") })
        {
            var list = await new ListPage(page, path, title).OpenAsync();
            await Expect(list.RowLinks).ToHaveCountAsync(25, new() { Timeout = 15_000 });
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            Assert.True(height <= MaxListHeight, $"/{path} with 25 rows is {height}px tall on a phone (at most {MaxListHeight}).");
            Assert.True(await MudControls.FitsWidthAsync(page), $"/{path} is wider than the phone.");
            await BrowserApp.ScreenshotAsync(page, $"phone-list-{path}");
        }

        // A tap on the row beside the name (on its second line) opens the record the name links to.
        var accounts = new ListPage(page, "accounts", "Accounts");
        var name = (await accounts.RowLinks.First.InnerTextAsync()).Trim();
        var row = page.Locator("main .mud-table-body tr.mud-table-row").First;
        var box = (await row.BoundingBoxAsync())!;
        Assert.True(box.Height < 100, $"An account's row is {box.Height}px tall on a phone.");
        await row.ClickAsync(new() { Position = new() { X = box.Width - 12, Y = box.Height - 8 } });
        await Expect(page).ToHaveURLAsync(AccountUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await page.Context.CloseAsync();
    }

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

    [GeneratedRegex(@"/accounts/\d+$")]
    private static partial Regex AccountUrl();
}
