using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>What a person sees of Endorse's security: sessions that end, their own password, sign-in limits, the policy on scripts.</summary>
[Collection(BrowserCollection.Name)]
public partial class SecurityTests(BrowserApp app)
{
    private const string Password = "A-browser-passphrase-1";

    [Fact]
    public async Task An_open_page_of_a_user_who_gets_deactivated_loses_access_and_goes_to_sign_in()
    {
        var (userId, email) = await CreateUserAsync(Roles.ReferenceManager);
        var page = await app.NewPageAsync();
        await (await new SignInPage(page).OpenAsync()).SignInAsync(email, Password);
        await Session.OpenAsync(page, "/accounts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();

        using var admin = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.Administrator));
        Assert.True((await admin.PostAsync($"/api/v1/users/{userId}/deactivate", null)).IsSuccessStatusCode);

        // The open interactive page re-checks its user (every 2 seconds here, a minute by default) and sends them to sign in.
        await Expect(page).ToHaveURLAsync(SignInUrl(), new() { Timeout = 20_000 });
        await Expect(new SignInPage(page).Heading).ToBeVisibleAsync();

        // And the cookie no longer opens any page.
        await page.GotoAsync("/accounts");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await BrowserApp.ScreenshotAsync(page, "session-ended");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_from_the_account_menu()
    {
        var (_, email) = await CreateUserAsync(Roles.Marketing);
        var page = await app.NewPageAsync();
        var shell = await (await new SignInPage(page).OpenAsync()).SignInAsync(email, Password);

        for (var attempt = 0; attempt < 10 && !page.Url.Contains("/profile/password", StringComparison.Ordinal); attempt++)
        {
            await shell.AccountMenuButton.ClickAsync();
            try
            {
                await page.GetByText("Change password", new() { Exact = true }).First.ClickAsync(new() { Timeout = 1_500 });
                await page.WaitForURLAsync("**/profile/password", new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // The menu did not open yet: the circuit was still connecting.
            }
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "change-password");

        // A common password is refused with a reason next to the field.
        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("LeaveMeAlone");
        await page.GetByLabel("New password again").FillAsync("LeaveMeAlone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("commonly used passwords")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("New password", new() { Exact = true })).ToHaveValueAsync("");
        await BrowserApp.ScreenshotAsync(page, "change-password-refused");

        const string NewPassword = "Plums in the autumn rain";
        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("New password again").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByTestId("password-changed")).ToHaveTextAsync("Your password is changed.");
        await BrowserApp.ScreenshotAsync(page, "change-password-done");

        // This session goes on; the new password signs in elsewhere.
        await Session.OpenAsync(page, "/");
        var other = await app.NewPageAsync();
        await (await new SignInPage(other).OpenAsync()).SignInAsync(email, NewPassword);
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Too_many_wrong_passwords_show_a_readable_message_instead_of_the_form()
    {
        var (_, email) = await CreateUserAsync(Roles.SalesRep);
        var page = await app.NewPageAsync();
        var signIn = await new SignInPage(page).OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            await signIn.SubmitAsync(email, "Wrong guess number " + i);
            await Expect(signIn.Error).ToHaveTextAsync("That e-mail and password do not match an active user.");
        }

        var response = await page.RunAndWaitForResponseAsync(() => signIn.SubmitAsync(email, Password), r => r.Url.EndsWith("/signin", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(429, response.Status);
        Assert.NotNull(await response.HeaderValueAsync("retry-after"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Too many sign-in attempts" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("try again in");
        await BrowserApp.ScreenshotAsync(page, "signin-too-many");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await Expect(signIn.Heading).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_api_reference_page_works_under_its_policy()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/api/docs/");
        Assert.NotNull(response);
        Assert.Contains("default-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await Expect(page.GetByText("Endorse API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The operations are read from /openapi/v1.json and shown (the first tag's, at least; the rest render on scroll).
        await Expect(page.GetByText("Your notifications, newest first").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "api-docs.png") });
        await page.Context.CloseAsync();

        // Its schema library probes whether eval works (inside try/catch) and goes on without it: that refusal is by
        // design (no 'unsafe-eval' anywhere). Anything else the policy blocked fails the test.
        var unexpected = BrowserApp.TakeCspViolations().Where(v => !IsEvalProbe(v)).ToList();
        Assert.Empty(unexpected);
    }

    [Fact]
    public async Task A_resource_the_policy_forbids_is_reported_to_the_suite()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.Marketing);
        BrowserApp.TakeCspViolations();

        // As an injected script would: load an image from another site and run inline script.
        await page.EvaluateAsync("""
            () => {
                const img = document.createElement('img');
                img.src = 'http://192.0.2.1/tracker.png';
                document.body.appendChild(img);
                const script = document.createElement('script');
                script.textContent = 'window.__ran = true';
                document.body.appendChild(script);
            }
            """);

        IReadOnlyList<string> seen = [];
        for (var waited = 0; waited < 50 && seen.Count < 2; waited++)
        {
            await Task.Delay(100);
            seen = [.. seen, .. BrowserApp.TakeCspViolations()];
        }

        Assert.Contains(seen, v => v.Contains("img-src", StringComparison.Ordinal));
        Assert.Contains(seen, v => v.Contains("script-src", StringComparison.Ordinal));
        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        await page.Context.CloseAsync();
    }

    private static bool IsEvalProbe(string violation) =>
        violation.Contains("blocked eval", StringComparison.Ordinal) || violation.Contains("as JavaScript", StringComparison.Ordinal);

    private async Task<(string Id, string Email)> CreateUserAsync(string role)
    {
        using var admin = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.Administrator));
        var email = $"{Api.UniqueWord("sec")}@test.example";
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Security " + role, roles = new[] { role }, password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (created.GetProperty("id").GetString()!, email);
    }

    [GeneratedRegex("/signin")]
    private static partial Regex SignInUrl();
}
