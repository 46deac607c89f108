using System.Net;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;

namespace Endorse.IntegrationTests.Users;

public class AdminPagesTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_administration_pages_render_for_an_administrator(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.CreateUserAsync(Roles.Administrator, "boss@test.example");
        var rep = await app.CreateUserAsync(Roles.SalesRep, "rep.page@test.example");
        await app.CreateTokenAsync(rep.Id);
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(browser, admin.Email!, "Test-password-1"));

        await AssertPageAsync(browser, "/users", "Users</h1>", "data-testid=\"users-grid\"");
        await AssertPageAsync(browser, "/users/new", "New user", "Initial password");
        await AssertPageAsync(browser, $"/users/{rep.Id}", "SalesRep user", "Access tokens", "Deactivate");
        await AssertPageAsync(browser, "/settings/tokens", "Access tokens", "Create a token");
        await AssertPageAsync(browser, "/audit", "Audit log", "Export CSV");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_marketing_user_gets_their_tokens_page_but_not_the_users_page(string database)
    {
        await using var app = new EndorseApp(database);
        var marketing = await app.CreateUserAsync(Roles.Marketing);
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(browser, marketing.Email!, "Test-password-1"));

        await AssertPageAsync(browser, "/settings/tokens", "Create a token");
        var users = await browser.GetAsync("/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/denied", users.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/audit")).StatusCode);
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
