using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>How a person works MudBlazor's pop-up controls: open a select, pick the option by its text.</summary>
public static class MudControls
{
    /// <summary>The options of the open pop-up (a select's list).</summary>
    public static ILocator OpenOptions(IPage page) => page.Locator(".mud-popover-open .mud-list-item");

    /// <summary>Opens the select and clicks the option with exactly this text; a multi-select stays open (see <see cref="CloseAsync"/>).</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        var item = OpenOptions(page).Filter(new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(option)}\s*$") });
        for (var attempt = 0; attempt < 5 && !await item.First.IsVisibleAsync(); attempt++)
        {
            // The first click can land before the circuit is up; click again until the list opens.
            await select.ClickAsync();
            try
            {
                await Expect(item.First).ToBeVisibleAsync(new() { Timeout = 2_000 });
            }
            catch (PlaywrightException)
            {
            }
        }

        await item.First.ClickAsync();
    }

    /// <summary>
    /// Types into a debounced field until <paramref name="outcome"/> holds: text typed while the circuit is still
    /// connecting reaches the browser but never the server, and a person would simply type it again.
    /// </summary>
    public static async Task TypeUntilAsync(ILocator input, string text, Func<Task> outcome)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outcome);
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync("");
            await input.FillAsync(text);
            try
            {
                await outcome();
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Picks a language from the ISO 639 list: types its name into the picker and clicks the option.</summary>
    public static async Task PickLanguageAsync(IPage page, string label, string language)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        var option = page.GetByRole(AriaRole.Option, new() { Name = language, Exact = true });
        await TypeUntilAsync(input, language, () => Expect(option).ToBeVisibleAsync(new() { Timeout = 3_000 }));
        await option.ClickAsync();
    }

    /// <summary>Closes an open pop-up with the keyboard.</summary>
    public static async Task CloseAsync(IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list");
        await page.Keyboard.PressAsync("Escape");
        if (await open.CountAsync() > 0)
        {
            // The focus left the select (a multi-select keeps its list open after a click): click beside it, as a person would.
            var heading = (await page.Locator("h1").First.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(heading.X + (heading.Width / 2), heading.Y + (heading.Height / 2));
        }

        await Expect(open).ToHaveCountAsync(0);
    }

    /// <summary>True when the page is no wider than the window: nothing to scroll sideways (a phone's usual failure).</summary>
    public static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
