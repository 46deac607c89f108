using System.Net.Http.Json;
using System.Text.Json;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>The advocate page shows the requests an advocate took part in only to those who may read them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdvocateVisibilityTests(BrowserApp app)
{
    [Fact]
    public async Task A_sales_rep_who_does_not_own_the_request_sees_only_that_the_advocate_took_part_in_a_request()
    {
        var word = Api.UniqueWord("Vi");
        var prospect = $"{word} Confidential Prospect";
        int advocate;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var created0 = await api.PostAsJsonAsync("/api/v1/accounts", new { name = $"{word} Holdings", disclosurePermission = "NamedPublic" });
            Ok(created0);
            using var accountJson = JsonDocument.Parse(await created0.Content.ReadAsStringAsync());
            var account = accountJson.RootElement.GetProperty("id").GetInt32();
            advocate = await AdvocateApi.EnrolAsync(api, await Api.CreateContactAsync(api, account, "Ada", word, "Chief Information Officer"));
            Ok(await api.PostAsJsonAsync($"/api/v1/advocates/{advocate}/status", new { status = "Active", reason = "Vetted" }));
            var request = await api.PostAsJsonAsync("/api/v1/requests", new { prospectName = prospect, activityType = "ReferenceCall", neededBy = DateTime.UtcNow.Date.AddDays(20).ToString("yyyy-MM-dd") });
            Ok(request);
            using var created = JsonDocument.Parse(await request.Content.ReadAsStringAsync());
            var id = created.RootElement.GetProperty("id").GetInt32();
            Ok(await api.PostAsJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocate } }));
        }

        // The demo sales rep neither made the request nor owns the advocate's account.
        var (page, _) = await Session.SignInAsync(app, Roles.SalesRep);
        await Session.OpenAsync(page, $"/advocates/{advocate}");
        await Expect(page.GetByTestId("advocate-participations-hidden")).ToHaveTextAsync("Took part in 1 other request you may not open.");
        await Expect(page.GetByTestId("advocate-participations")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(prospect);
        await BrowserApp.ScreenshotAsync(page, "advocate-details-other-rep");
        await page.Context.CloseAsync();

        // The reference manager reads the request: it is listed, with its prospect, and links to it.
        var (manager, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await Session.OpenAsync(manager, $"/advocates/{advocate}");
        await Expect(manager.GetByTestId("advocate-participations")).ToContainTextAsync(prospect);
        await Expect(manager.GetByTestId("advocate-participations-hidden")).ToHaveCountAsync(0);
        await manager.Context.CloseAsync();
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
}
