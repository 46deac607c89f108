using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>Users and roles, personal access tokens and the audit log, as an administrator and a user use them.</summary>
[Collection(BrowserCollection.Name)]
public partial class AdministrationTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_creates_a_user_with_a_role_and_changes_the_role()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.Administrator);
        await Session.OpenAsync(page, "/users");
        await Expect(page.GetByTestId("user-link").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "users");

        await page.GetByTestId("new-user").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New user", Level = 1 })).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        var word = Api.UniqueWord("Ky");
        var email = $"{word}@test.example".ToLowerInvariant();
        await page.GetByLabel("E-mail (sign-in name)").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync($"{word} Person");
        await MudControls.ChooseAsync(page, page.GetByTestId("user-roles"), "Marketing");
        await MudControls.CloseAsync(page);
        await page.GetByLabel("Initial password").FillAsync("Endorse-test-1");
        await BrowserApp.ScreenshotAsync(page, "user-new");
        await page.GetByTestId("user-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(UserUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{word} Person");
        await AppShell.WaitForInteractivityAsync(page);
        await Expect(page.GetByTestId("user-roles")).ToHaveValueAsync("Marketing");

        // Swap Marketing for Sales manager and save; the change survives a reload.
        await MudControls.ChooseAsync(page, page.GetByTestId("user-roles"), "Marketing");
        await MudControls.ChooseAsync(page, page.GetByTestId("user-roles"), "Sales manager");
        await MudControls.CloseAsync(page);
        await page.GetByTestId("user-save").ClickAsync();
        await Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "user-details");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("user-roles")).ToHaveValueAsync("Sales manager");

        // The users list filtered by the new role finds them.
        await Session.OpenAsync(page, "/users");
        await MudControls.TypeUntilAsync(page.GetByLabel("Search name or e-mail"), word, () => Expect(page.GetByTestId("user-link")).ToHaveCountAsync(1));
        await Expect(page.GetByTestId("users-grid")).ToContainTextAsync("Sales manager");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_creates_an_access_token_sees_it_once_and_revokes_it()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.CustomerSuccess);
        await Session.OpenAsync(page, "/settings/tokens");
        var name = Api.UniqueWord("Sync ");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByTestId("token-create").ClickAsync();

        var secret = page.GetByTestId("token-secret");
        await Expect(secret).ToHaveTextAsync(TokenText());
        var token = (await secret.InnerTextAsync()).Trim();
        var row = page.GetByTestId("tokens-table").Locator("tr").Filter(new() { HasText = name });
        await Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Active");
        await BrowserApp.ScreenshotAsync(page, "tokens-created");

        using var api = new HttpClient { BaseAddress = app.Server.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/accounts?pageSize=1")).StatusCode);

        // Shown once: after a reload only its prefix is on the page.
        await page.ReloadAsync();
        await AppShell.WaitForInteractivityAsync(page);
        await Expect(page.GetByTestId("token-secret")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(token);
        await Expect(row).ToContainTextAsync(token[..8]);

        await row.GetByTestId("token-revoke").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Revoked");
        await Expect(row.GetByTestId("token-revoke")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/accounts?pageSize=1")).StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_log_shows_the_change_just_made_with_who_and_what_and_filters()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.Administrator);
        await Session.OpenAsync(page, "/sectors");
        var name = Api.UniqueWord("Au") + " Sector";
        await page.GetByTestId("sector-new").ClickAsync();
        await page.GetByTestId("sector-name").FillAsync(name);
        await page.GetByTestId("sector-save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await Session.OpenAsync(page, "/audit");
        await MudControls.ChooseAsync(page, page.GetByTestId("audit-entitytype"), "Sector");
        var grid = page.GetByTestId("audit-grid");
        var rows = grid.Locator("tbody tr.mud-table-row");
        await Expect(rows.First).ToContainTextAsync("Sector");

        // The newest entry is ours: created by the administrator, and its details name the sector.
        var first = rows.First;
        await Expect(first).ToContainTextAsync("Created");
        await Expect(first).ToContainTextAsync(DemoUser.EmailOf(Roles.Administrator));
        await first.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(grid.GetByTestId("audit-changes").First).ToContainTextAsync(name);
        await BrowserApp.ScreenshotAsync(page, "audit");

        // Every row of the filtered log is a sector; an action no sector had leaves the clear empty state.
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("Sector", text, StringComparison.Ordinal);
        }

        await MudControls.ChooseAsync(page, page.GetByTestId("audit-action"), "TokenRevoked");
        await Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/users/[^/]+$")]
    private static partial Regex UserUrl();

    [GeneratedRegex(@"^\s*edr_\S{20,}\s*$")]
    private static partial Regex TokenText();
}
