using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>/requests/new: the prospect, the activity, the criteria and the needed-by date.</summary>
public sealed partial class NewRequestPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "New request", Level = 1 });
    public ILocator Errors => page.GetByTestId("request-errors");
    public ILocator Submit => page.GetByTestId("request-submit");

    public async Task<NewRequestPage> OpenAsync()
    {
        await page.GotoAsync("/requests/new");
        await Expect(Heading).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        return this;
    }

    public Task FillProspectAsync(string name) => page.GetByLabel("Or the prospect's name").FillAsync(name);

    /// <summary>Ticks each option of a multi-select (products), then closes it.</summary>
    public async Task PickManyAsync(string testId, params string[] options)
    {
        await OpenSelectAsync(testId);
        foreach (var option in options)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        }

        // Closes like a person would: Escape, or a click beside the list.
        var open = page.Locator(".mud-popover-open .mud-list");
        for (var attempt = 0; attempt < 5 && await open.CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(300);
            if (await open.CountAsync() > 0)
            {
                await page.Mouse.ClickAsync(5, 5);
                await page.WaitForTimeoutAsync(300);
            }
        }

        await Expect(open).ToHaveCountAsync(0);
    }

    /// <summary>Picks one option of a select (sector, region, size, seniority).</summary>
    public async Task PickAsync(string testId, string option)
    {
        await OpenSelectAsync(testId);
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
    }

    public async Task FillLanguageAsync(string language)
    {
        var input = page.GetByLabel("Language", new() { Exact = true });
        await input.FillAsync(language);
        await page.GetByRole(AriaRole.Option, new() { Name = language, Exact = true }).ClickAsync();
    }

    /// <summary>Types the needed-by date (yyyy-MM-dd) as a keyboard user would.</summary>
    public async Task FillNeededByAsync(DateOnly date)
    {
        var input = page.GetByLabel("Needed by");
        await input.FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
    }

    public async Task<int> SubmitAsync()
    {
        await Submit.ClickAsync();
        await Expect(page).ToHaveURLAsync(RequestUrl());
        return int.Parse(RequestUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task OpenSelectAsync(string testId)
    {
        // A MudSelect opens on a click of its input; retry while the circuit connects.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await page.GetByTestId(testId).ClickAsync();
            try
            {
                await Expect(page.Locator(".mud-popover-open .mud-list")).ToBeVisibleAsync(new() { Timeout = 1_500 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not interactive yet.
            }
        }

        await Expect(page.Locator(".mud-popover-open .mud-list")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/requests/(\d+)$")]
    private static partial Regex RequestUrl();
}

/// <summary>/requests/{id}: the advocates on the request, the ranking, the criteria and the history.</summary>
public sealed class RequestDetailsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Status => page.GetByTestId("request-status");
    public ILocator Error => page.GetByTestId("request-error");
    public ILocator Ranking => page.GetByTestId("ranked-advocates");
    public ILocator History => page.GetByTestId("history");
    public ILocator Criteria => page.GetByTestId("request-criteria");

    public ILocator Ranked(string name) => page.GetByTestId("ranked-advocate").Filter(new() { HasText = name });

    public ILocator Participant(string name) => page.GetByTestId("participant").Filter(new() { HasText = name });

    public ILocator ParticipantStatus(string name) => Participant(name).GetByTestId("participant-status");

    public async Task<RequestDetailsPage> OpenAsync(int id)
    {
        await page.GotoAsync($"/requests/{id}");
        await Expect(Status).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        return this;
    }

    /// <summary>Opens an advocate's factor-by-factor explanation.</summary>
    public async Task<ILocator> ExplainAsync(string name)
    {
        var factors = Ranked(name).GetByTestId("score-factors");
        await ClickUntilAsync(Ranked(name).GetByTestId("explain"), factors);
        return factors;
    }

    public async Task ProposeAsync(string name)
    {
        var pick = Ranked(name).GetByRole(AriaRole.Checkbox);
        await pick.CheckAsync();
        await page.GetByTestId("propose").ClickAsync();
        await Expect(Participant(name)).ToBeVisibleAsync();
    }

    /// <summary>Clicks until <paramref name="appears"/> shows: the first clicks may come before the circuit is up.</summary>
    /// <summary>Opens every page of the advocates left out ("Show more" until the list is whole).</summary>
    public static async Task ShowAllExcludedAsync(IPage page)
    {
        var more = page.GetByTestId("show-more-excluded");
        var rows = page.GetByTestId("excluded-advocate");
        while (await more.IsVisibleAsync())
        {
            var shown = await rows.CountAsync();
            await more.ClickAsync();
            await Expect(rows).Not.ToHaveCountAsync(shown);
        }
    }

    public static async Task ClickUntilAsync(ILocator button, ILocator appears)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await Expect(appears).ToBeVisibleAsync(new() { Timeout = 1_500 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not interactive yet.
            }
        }

        await Expect(appears).ToBeVisibleAsync();
    }
}

/// <summary>/respond/{token}: the advocate's plain-HTML page (no sign-in, no script).</summary>
public sealed class RespondPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Answered => page.GetByTestId("respond-answered");
    public ILocator Invalid => page.GetByTestId("respond-invalid");

    public async Task<RespondPage> OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Accepts, offering the times given (UTC).</summary>
    public async Task AcceptAsync(params DateTime[] slots)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            await page.Locator($"#slot{i + 1}").FillAsync(slots[i].ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.GetByTestId("accept").ClickAsync();
        await Expect(Answered).ToBeVisibleAsync();
    }
}
