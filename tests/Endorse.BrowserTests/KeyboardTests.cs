using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>A keyboard user: the skip link, a visible focus ring, a list's search and rows, and a form sent without a mouse.</summary>
[Collection(BrowserCollection.Name)]
public partial class KeyboardTests(BrowserApp app)
{
    [Fact]
    public async Task A_list_is_searched_and_a_record_opened_from_the_keyboard_past_the_skip_link()
    {
        var word = Api.UniqueWord("Kb");
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            await Api.CreateAccountAsync(api, $"{word} Keyboard Works");
        }

        var (page, _) = await Session.SignInAsync(app, Roles.SalesManager);
        await Session.OpenAsync(page, "/accounts");

        // From the top of the page, the first Tab reaches the skip link, shown on screen; Enter moves to the page's content.
        // (Blazor puts the focus on the h1 after a navigation; a focused, removed element at the top restarts the tab order there.)
        await page.EvaluateAsync("() => { const start = document.createElement('span'); start.tabIndex = -1; document.body.prepend(start); start.focus(); start.remove(); window.scrollTo(0, 0); }");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        Assert.True((await skip.BoundingBoxAsync())!.Y >= 0, "The focused skip link is off screen.");
        await BrowserApp.ScreenshotAsync(page, "keyboard-skip-link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/accounts(#main-content)?$"));

        // Tab through the page's actions to the search field: each stop shows a focus ring.
        var search = page.GetByTestId("accounts-search");
        await TabUntilAsync(page, search, "the search field", ringOnLinksAndButtons: true);
        await page.Keyboard.TypeAsync(word);
        var row = page.Locator(".mud-table-body").GetByRole(AriaRole.Link, new() { Name = $"{word} Keyboard Works" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-table-body a[href^='/accounts/']")).ToHaveCountAsync(1);

        // On to the row's link, and Enter opens the account.
        await TabUntilAsync(page, row, "the account's row", ringOnLinksAndButtons: true);
        await BrowserApp.ScreenshotAsync(page, "keyboard-row-focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/accounts/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{word} Keyboard Works");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_request_is_filled_in_and_submitted_from_the_keyboard()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.SalesRep);
        await Session.OpenAsync(page, "/requests/new");
        await page.EvaluateAsync("() => document.getElementById('main-content').focus()");

        var prospect = page.GetByLabel("Or the prospect's name");
        await TabUntilAsync(page, prospect, "the prospect's name", ringOnLinksAndButtons: true);
        var name = Api.UniqueWord("Kb") + " Prospect";
        await page.Keyboard.TypeAsync(name);

        var neededBy = page.GetByLabel("Needed by");
        await TabUntilAsync(page, neededBy, "needed by", ringOnLinksAndButtons: true);
        await page.Keyboard.TypeAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("Escape");

        var submit = page.GetByTestId("request-submit");
        await TabUntilAsync(page, submit, "the submit button", ringOnLinksAndButtons: true);
        await BrowserApp.ScreenshotAsync(page, "keyboard-request-submit-focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/requests/\d+$"));
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Submitted");
        await Expect(page.Locator("main")).ToContainTextAsync(name);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 40 times); every link and button passed on the way shows a focus ring.</summary>
    private static async Task TabUntilAsync(IPage page, ILocator target, string what, bool ringOnLinksAndButtons)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<string?>(
                """
                () => {
                  const e = document.activeElement;
                  if (!e || !e.matches('a, button')) return null;
                  const s = getComputedStyle(e);
                  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? null : (e.textContent || e.getAttribute('aria-label') || e.outerHTML.slice(0, 80)).trim();
                }
                """);
            Assert.True(!ringOnLinksAndButtons || ring is null, $"The focused control \"{ring}\" shows no focus ring.");
        }

        Assert.Fail($"40 presses of Tab did not reach {what}.");
    }
}
