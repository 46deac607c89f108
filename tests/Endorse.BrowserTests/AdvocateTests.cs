using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>The advocate form's preferences and blackout dates, and enrolling several contacts at once.</summary>
[Collection(BrowserCollection.Name)]
public partial class AdvocateTests(BrowserApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_reference_manager_adds_a_blackout_range_and_tightens_the_preferences()
    {
        var word = Api.UniqueWord("Bl");
        int advocate;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var account = await Api.CreateAccountAsync(api, $"{word} Holdings");
            advocate = await AdvocateApi.EnrolAsync(api, await Api.CreateContactAsync(api, account, "Ada", word, "Chief Information Officer"));
        }

        var (page, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await Session.OpenAsync(page, $"/advocates/{advocate}/edit");
        await Expect(page.GetByTestId("edit-advocate-name")).ToHaveTextAsync($"Ada {word} ({word} Holdings)");
        await Expect(page.GetByTestId("blackouts-empty")).ToBeVisibleAsync();

        var from = Today.AddDays(20);
        var to = Today.AddDays(34);
        await AddBlackoutAsync(page, from, to, "Summer holiday");
        var rows = page.GetByTestId("blackout-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync($"{Shown(from)} to {Shown(to)} · Summer holiday");

        // An overlapping range is refused with the reason, and nothing is added.
        await AddBlackoutAsync(page, to, to.AddDays(3), null);
        await Expect(page.GetByTestId("blackout-problem")).ToContainTextAsync($"overlaps the blackout from {Iso(from)} to {Iso(to)}");
        await Expect(rows).ToHaveCountAsync(1);

        // One that ends before it starts, too.
        await AddBlackoutAsync(page, Today.AddDays(60), Today.AddDays(50), null);
        await Expect(page.GetByTestId("blackout-problem")).ToContainTextAsync("is before the first");

        // A second range, removed again with the keyboard-reachable remove button.
        await AddBlackoutAsync(page, Today.AddDays(90), Today.AddDays(90), "Board meeting");
        await Expect(rows).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove blackout {Shown(Today.AddDays(90))}" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);

        await page.GetByLabel("At most activities per quarter").FillAsync("1");
        await MudControls.ChooseAsync(page, page.GetByTestId("enrol-channel"), "Phone");
        await BrowserApp.ScreenshotAsync(page, "advocate-edit");

        // A range typed but not added is saved with the form rather than lost.
        await TypeDateAsync(page.GetByLabel("First day"), Today.AddDays(100));
        await TypeDateAsync(page.GetByLabel("Last day"), Today.AddDays(101));
        await page.GetByTestId("enrol-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/advocates/{advocate}$"));
        var profile = page.Locator("table").Filter(new() { HasText = "Blackouts" });
        await Expect(profile).ToContainTextAsync($"{Shown(from)} to {Shown(to)} (Summer holiday); {Shown(Today.AddDays(100))} to {Shown(Today.AddDays(101))}");
        await Expect(profile.Locator("tr").Filter(new() { HasText = "At most per quarter" })).ToContainTextAsync("1");
        await Expect(profile.Locator("tr").Filter(new() { HasText = "Preferred channel" })).ToContainTextAsync("Phone");
        await BrowserApp.ScreenshotAsync(page, "advocate-details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reference_manager_enrols_three_contacts_at_once_and_reads_the_report()
    {
        var word = Api.UniqueWord("Bu");
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var account = await Api.CreateAccountAsync(api, $"{word} Group");
            await Api.CreateContactAsync(api, account, "Ada", word + "a", "Chief Information Officer");
            await Api.CreateContactAsync(api, account, "Alan", word + "b", "IT Manager");
            await Api.CreateContactAsync(api, account, "Grace", word + "c", "VP Engineering");
            await AdvocateApi.EnrolAsync(api, await Api.CreateContactAsync(api, account, "Edsger", word + "d", "Director of IT"));
        }

        var (page, shell) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await shell.GoToAsync("Advocates", "Program");
        await page.GetByTestId("advocates-bulk-enrol").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enrol contacts in bulk", Level = 1 })).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        await Expect(page.GetByTestId("bulk-enrol")).ToBeDisabledAsync();

        // Existing advocates are hidden by default: the three others match.
        var names = page.GetByTestId("bulk-row");
        await MudControls.TypeUntilAsync(page.GetByTestId("bulk-search"), word, () => Expect(names).ToHaveCountAsync(3));

        await page.GetByLabel("Select every contact on this page").CheckAsync();
        await Expect(page.GetByTestId("bulk-selected-count")).ToHaveTextAsync("3 selected");
        await page.GetByLabel("Reference call").CheckAsync();
        await MudControls.PickLanguageAsync(page, "Languages", "English");
        await MudControls.PickLanguageAsync(page, "Languages", "German");
        await Expect(page.GetByTestId("bulk-languages-chosen")).ToContainTextAsync("English");
        await page.GetByText("Active (ready to be asked)").ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "bulk-enrol");

        await page.GetByTestId("bulk-enrol").ClickAsync();
        var report = page.GetByTestId("bulk-report");
        await Expect(page.GetByTestId("bulk-enrolled-count")).ToHaveTextAsync("Enrolled: 3");
        await Expect(page.GetByTestId("bulk-already-count")).ToHaveTextAsync("Already advocates: 0");
        await Expect(page.GetByTestId("bulk-enrolled")).ToContainTextAsync($"Ada {word}a");
        await Expect(page.GetByTestId("bulk-enrolled").GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("bulk-empty")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "bulk-enrol-report");

        // Narrowed by the account instead, with existing advocates shown: all four are marked as advocates and none can be ticked.
        await page.GetByTestId("bulk-search").FillAsync("");
        await page.GetByLabel("Hide existing advocates").UncheckAsync();
        await page.GetByLabel("Account", new() { Exact = true }).FillAsync(word);
        await MudControls.OpenOptions(page).Filter(new() { HasText = $"{word} Group" }).ClickAsync();
        await Expect(names).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("bulk-total")).ToHaveTextAsync("4 contacts match");
        await Expect(page.GetByTestId("bulk-select")).ToHaveCountAsync(0);

        await page.GetByTestId("bulk-enrolled").GetByRole(AriaRole.Link, new() { Name = $"Grace {word}c" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Grace {word}c");
        await Expect(page.Locator("body")).ToContainTextAsync("Active");
        await page.Context.CloseAsync();
    }

    private static async Task AddBlackoutAsync(IPage page, DateOnly from, DateOnly to, string? reason)
    {
        await TypeDateAsync(page.GetByLabel("First day"), from);
        await TypeDateAsync(page.GetByLabel("Last day"), to);
        await page.GetByLabel("Reason (optional)").FillAsync(reason ?? "");
        await page.GetByTestId("blackout-add").ClickAsync();
    }

    private static async Task TypeDateAsync(ILocator input, DateOnly date)
    {
        await input.FillAsync(Iso(date));
        await input.PressAsync("Tab");
        await input.Page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(Iso(date));
    }

    /// <summary>A date as the demo reference manager reads it (their own date style).</summary>
    private static string Shown(DateOnly date) => DemoUser.FormatOf(Roles.ReferenceManager).Date(date);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
