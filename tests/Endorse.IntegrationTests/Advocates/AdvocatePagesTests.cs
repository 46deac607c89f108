using System.Net;
using Endorse.Accounts;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;

namespace Endorse.IntegrationTests.Advocates;

public class AdvocatePagesTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_advocate_pages_render_for_a_reference_manager(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Stormy", a =>
        {
            a.OpenEscalations = 1;
            a.DisclosurePermission = DisclosurePermission.NamedPublic;
        });
        var enrolled = await app.AddContactAsync(account, "Ada", "Lovelace");
        var other = await app.AddContactAsync(account, "Alan", "Turing");
        var manager = await app.CreateUserAsync(Roles.ReferenceManager, "refs@test.example");
        var api = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));
        var id = (await (await api.PostJsonAsync("/api/v1/advocates", new { contactId = enrolled })).ReadJsonAsync())["id"]!.GetValue<int>();

        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(browser, manager.Email!, "Test-password-1"));

        await AssertPageAsync(browser, "/advocates", "Advocates</h1>", "Export CSV", "Enrol in bulk");
        await AssertPageAsync(browser, "/advocates/bulk-enrol", "Enrol contacts in bulk", "Hide existing advocates", "Candidate (to be vetted first)");
        await AssertPageAsync(browser, $"/advocates/{id}", "Ada Lovelace", "The account has 1 open service escalation.", "data-testid=\"advocate-gauge\"", "Used 0 of 3 in the last 90 days", "Change status", "Status history");
        await AssertPageAsync(browser, $"/advocates/enrol?contactId={other}", "Enrol as advocate", "Alan Turing");
        await AssertPageAsync(browser, $"/advocates/{id}/edit", "Edit advocate", "Ada Lovelace (Stormy)", "Blackout dates", "No blackout dates.");
        await AssertPageAsync(browser, $"/contacts/{other}", "Enrol as advocate");
        await AssertPageAsync(browser, $"/contacts/{enrolled}", "Advocate page");
        await AssertPageAsync(browser, "/settings/program", "Program settings", "Fatigue policy", "Match weights", "Fulfilment modes");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Marketing_cannot_open_the_program_settings(string database)
    {
        await using var app = new EndorseApp(database);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(browser, marketing.Email!, "Test-password-1"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/settings/program")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/advocates/bulk-enrol")).StatusCode);
        var advocates = await browser.GetStringAsync("/advocates");
        Assert.Contains("Advocates</h1>", advocates, StringComparison.Ordinal);
        Assert.DoesNotContain("Enrol in bulk", advocates, StringComparison.Ordinal);
    }

    private static async Task AssertPageAsync(HttpClient browser, string path, params string[] expected)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var text in expected)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }
}
