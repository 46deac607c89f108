using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>The signed-in layout: app bar, account menu, and the role-dependent navigation drawer.</summary>
public sealed partial class AppShell(IPage page)
{
    public IPage Page => page;
    // The account menu's button has no accessible name of its own yet (MudMenu does not pass aria-label on).
    public ILocator AccountMenuButton => page.Locator(".mud-appbar .mud-menu button").First;
    public ILocator Navigation => page.Locator(".mud-drawer");
    public ILocator Heading => page.Locator("h1").First;

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>A collapsible group of the navigation (its toggle button).</summary>
    public ILocator NavGroup(string title) =>
        Navigation.GetByRole(AriaRole.Navigation, new() { Name = title, Exact = true }).GetByRole(AriaRole.Button).First;

    public async Task WaitUntilLoadedAsync()
    {
        await Expect(AccountMenuButton).ToBeVisibleAsync();
        await WaitForInteractivityAsync(page);

        // On a person's first visit the layout adopts the browser's zone and may reload the page once; the marker shows
        // once that is settled, so a form filled next is not wiped by the reload.
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>Waits until the Blazor Server circuit is up, so clicks reach .NET event handlers.</summary>
    public static async Task WaitForInteractivityAsync(IPage page)
    {
        // The page gives no explicit signal; blazor.web.js loaded and the network quiet (negotiation done,
        // only the circuit's WebSocket left) is close enough, and actions that need the circuit retry.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens a navigation group if it is collapsed, retrying while the circuit is still connecting.</summary>
    public async Task ExpandGroupAsync(string title, string childLink)
    {
        var child = NavLink(childLink);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await child.IsVisibleAsync() && await IsExpandedAsync(title))
            {
                return;
            }

            await NavGroup(title).ClickAsync();
            try
            {
                await Expect(NavGroup(title)).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 1_500 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not interactive yet; click again.
            }
        }

        await Expect(NavGroup(title)).ToHaveAttributeAsync("aria-expanded", "true");
    }

    private async Task<bool> IsExpandedAsync(string title) => await NavGroup(title).GetAttributeAsync("aria-expanded") == "true";

    /// <summary>Follows a link of the navigation and waits for the page's h1.</summary>
    public async Task GoToAsync(string link, string? group = null)
    {
        if (group is not null)
        {
            await ExpandGroupAsync(group, link);
        }

        await NavLink(link).ClickAsync();
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            // A slow click may have gone through after its timeout: the confirmation page has no app bar.
            if (SignOutConfirm().IsMatch(page.Url))
            {
                break;
            }

            await AccountMenuButton.ClickAsync();
            var item = page.GetByText("Sign out", new() { Exact = true });
            try
            {
                await item.First.ClickAsync(new() { Timeout = 1_500 });
                break;
            }
            catch (TimeoutException)
            {
                // The menu did not open: the circuit was still connecting.
            }
        }

        await Expect(page).ToHaveURLAsync(SignOutConfirm());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [GeneratedRegex("/signout-confirm")]
    private static partial Regex SignOutConfirm();

    [GeneratedRegex("/signin")]
    private static partial Regex SignInUrl();
}
