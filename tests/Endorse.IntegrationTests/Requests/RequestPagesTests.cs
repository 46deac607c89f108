using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;

namespace Endorse.IntegrationTests.Requests;

public sealed class RequestPagesTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_request_pages_render_for_a_reference_manager(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        var api = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));
        var created = await (await api.PostJsonAsync("/api/v1/requests", new { prospectName = "Initech <b>", activityType = "SiteVisit", neededBy = RequestTestData.Today.AddDays(2) })).ReadJsonAsync();
        var id = (int)created["id"]!;
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(browser, manager.Email!, "Test-password-1"));
        await AssertPageAsync(browser, "/requests", "My requests</h1>", "data-testid=\"requests-grid\"");
        await AssertPageAsync(browser, "/requests/board", "Request board</h1>");
        await AssertPageAsync(browser, "/requests/new", "New request</h1>", "Needed by");
        await AssertPageAsync(browser, $"/requests/{id}", $"Request #{id}", "Initech &lt;b&gt;", "No advocate picked yet.", "data-testid=\"history\"");
    }

    private static async Task AssertPageAsync(HttpClient browser, string path, params string[] expected)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var text in expected)
        {
            Assert.True(html.Contains(text, StringComparison.Ordinal), $"{path} lacks {text}");
        }
    }
}
