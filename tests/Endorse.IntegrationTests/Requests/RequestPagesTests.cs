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
        await AssertPageAsync(browser, "/requests/new", "New request</h1>", "Needed by", "Products", "Sector", "Region", "Prospect size", "Advocate at least", "Language");
        await AssertPageAsync(browser, $"/requests/{id}", $"Request #{id}", "Initech &lt;b&gt;", "No advocate picked yet.", "data-testid=\"history\"",
            "Ranked advocates", "No advocates are enrolled for this activity yet.");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_ranking_is_shown_to_who_picks_and_not_to_a_requester_in_managed_mode(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repApi = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        var (advocateId, _, _) = await app.AddAdvocateAsync();
        var created = await (await repApi.PostJsonAsync("/api/v1/requests", new { prospectName = "Initech", activityType = "SiteVisit", neededBy = RequestTestData.Today.AddDays(9) })).ReadJsonAsync();
        var id = (int)created["id"]!;

        using var managerBrowser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(managerBrowser, manager.Email!, "Test-password-1"));
        await AssertPageAsync(managerBrowser, $"/requests/{id}", "Ranked advocates", "1 eligible", "Ada Advocate", $"data-advocate-id=\"{advocateId}\"", "Why this score", "Propose");

        using var repBrowser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(repBrowser, rep.Email!, "Test-password-1"));
        var html = await repBrowser.GetStringAsync($"/requests/{id}");
        Assert.Contains("The reference team picks and asks the best available advocate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ranked advocates", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Advocate", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task In_self_serve_mode_the_requester_picks_from_the_ranking(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJsonAsync("/api/v1/program-settings/fulfilment-modes", new Dictionary<string, string> { ["RfpLetter"] = "SelfServe" })).StatusCode);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repApi = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        await app.AddAdvocateAsync();
        var created = await (await repApi.PostJsonAsync("/api/v1/requests", new { prospectName = "Initech", activityType = "RfpLetter", neededBy = RequestTestData.Today.AddDays(9) })).ReadJsonAsync();
        Assert.Equal("SelfServe", (string?)created["mode"]);

        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await UsersApiTests.SignInAsync(browser, rep.Email!, "Test-password-1"));
        await AssertPageAsync(browser, $"/requests/{(int)created["id"]!}", "Self-serve: the requester picks", "Ranked advocates", "Ada Advocate", "Pick from the ranked advocates below.");
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
