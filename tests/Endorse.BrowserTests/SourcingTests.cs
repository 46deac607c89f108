using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>
/// Sourcing as the people do it: a rep nominates their pocket reference, the reference manager and the account owner
/// approve, the rep is told; only the reference team changes an advocate's status; a blocked approach shows the playbook.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class SourcingTests(BrowserApp app)
{
    private static async Task<int> CreateAsync(HttpClient api, string url, object body)
    {
        var response = await api.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>A happy customer account (owned by <paramref name="ownerId"/>) with one contact; returns the contact.</summary>
    private static async Task<(int Account, int Contact)> CustomerAsync(HttpClient api, string account, string? ownerId, string first, string last)
    {
        var accountId = await CreateAsync(api, "/api/v1/accounts", new
        {
            name = account,
            customerSince = DateTime.UtcNow.Date.AddYears(-4).ToString("yyyy-MM-dd"),
            satisfactionKind = "Nps",
            satisfactionScore = 70,
            ownerId,
            disclosurePermission = "NamedPublic",
        });
        var contactId = await CreateAsync(api, "/api/v1/contacts", new { accountId, firstName = first, lastName = last, title = "VP Operations", email = $"{first}.{last}@customer.example".ToLowerInvariant() });
        return (accountId, contactId);
    }

    [Fact]
    public async Task A_rep_nominates_a_pocket_reference_the_manager_and_the_owner_approve_and_the_rep_is_told()
    {
        var word = Api.UniqueWord("Nm");
        int contact;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            // The account belongs to the sales manager, not to the rep who nominates.
            var ownerId = await app.Server.UserIdAsync(DemoUser.EmailOf(Roles.SalesManager));
            (_, contact) = await CustomerAsync(api, $"{word} Logistics", ownerId, "Olga", word);
        }

        // The rep, from the contact's page, in a few clicks.
        var (rep, _) = await Session.SignInAsync(app, Roles.SalesRep);
        await Session.OpenAsync(rep, $"/contacts/{contact}");
        await Expect(rep.GetByTestId("contact-enrol")).ToHaveCountAsync(0);
        await rep.GetByTestId("nominate").ClickAsync();
        await Expect(rep).ToHaveURLAsync(new Regex($"/nominations/new\\?contactId={contact}$"));
        await Expect(rep.GetByTestId("nomination-contact")).ToContainTextAsync($"Olga {word}");
        await Expect(rep.GetByTestId("nomination-next")).ToContainTextAsync($"{DemoUser.NameOf(Roles.SalesManager)} (the account owner) is asked to approve");
        await AppShell.WaitForInteractivityAsync(rep);
        var reserve = rep.GetByLabel("Keep them for my own deals for");
        for (var attempt = 0; attempt < 5 && !await reserve.IsVisibleAsync(); attempt++)
        {
            // A click before the circuit is up reaches only the browser: click again, as a person would.
            await rep.GetByText("My pocket reference (I have been using them myself)").ClickAsync();
            await rep.WaitForTimeoutAsync(500);
        }

        await reserve.CheckAsync();
        await rep.GetByLabel("Why would they make a good advocate?").FillAsync("Took three prospect calls for me this year; all three deals closed.");
        await BrowserApp.ScreenshotAsync(rep, "nomination-new");
        await rep.GetByTestId("nomination-submit").ClickAsync();
        await Expect(rep).ToHaveURLAsync(new Regex(@"/nominations/\d+$"));
        var id = int.Parse(Regex.Match(rep.Url, @"/nominations/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(rep.GetByTestId("nomination-status")).ToHaveTextAsync("Waiting for review");
        await Expect(rep.GetByTestId("nomination-facts")).ToContainTextAsync("Asked: kept for the nominator's deals once approved");
        await BrowserApp.ScreenshotAsync(rep, "nomination-submitted");

        // Nominating the same person again is refused before anyone types.
        await Session.OpenAsync(rep, $"/nominations/new?contactId={contact}");
        await Expect(rep.GetByTestId("nomination-refusals")).ToContainTextAsync($"Olga {word} is already nominated (nomination #{id}");
        await Expect(rep.GetByTestId("nomination-submit")).ToBeDisabledAsync();

        // The reference manager finds it in the queue and approves it.
        var (manager, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await Session.OpenAsync(manager, "/nominations/queue");
        await MudControls.TypeUntilAsync(manager.GetByTestId("nominations-search"), word,
            () => Expect(manager.GetByTestId("nomination-row")).ToHaveCountAsync(1, new() { Timeout = 5_000 }));
        await BrowserApp.ScreenshotAsync(manager, "nomination-queue");
        await manager.GetByTestId("nomination-row").ClickAsync();
        await Expect(manager.GetByTestId("nomination-title")).ToHaveTextAsync($"Olga {word}");
        await AppShell.WaitForInteractivityAsync(manager);
        await manager.GetByTestId("nomination-approve").ClickAsync();
        await Expect(manager.GetByTestId("nomination-status")).ToHaveTextAsync("Waiting for the account owner");
        await Expect(manager.GetByTestId("nomination-owner")).ToContainTextAsync(DemoUser.NameOf(Roles.SalesManager));

        // The account owner approves the approach from their list.
        var (owner, _) = await Session.SignInAsync(app, Roles.SalesManager);
        await Session.OpenAsync(owner, "/nominations/my-accounts");
        await owner.GetByTestId("nomination-row").Filter(new() { HasText = $"Olga {word}" }).ClickAsync();
        await AppShell.WaitForInteractivityAsync(owner);
        await BrowserApp.ScreenshotAsync(owner, "nomination-owner-approval");
        await owner.GetByTestId("nomination-owner-approve").ClickAsync();
        await Expect(owner.GetByTestId("nomination-status")).ToHaveTextAsync("Approved: advocate");
        await Expect(owner.GetByTestId("nomination-advocate")).ToContainTextAsync("Reserved for Sam Seller's own deals until");

        // The rep is told (inbox and mail), and the advocate says who sourced them.
        await Outbox.WaitForAsync(app.Server.OutboxFolder, DemoUser.EmailOf(Roles.SalesRep), $"Olga {word} is now an advocate");
        await Session.OpenAsync(rep, "/inbox");
        await Expect(rep.GetByText($"Olga {word} is now an advocate")).ToBeVisibleAsync();
        await Session.OpenAsync(rep, "/nominations");
        await Expect(rep.GetByTestId("nomination-row-status").First).ToBeVisibleAsync();
        var row = rep.Locator(".mud-table-body tr").Filter(new() { HasText = $"Olga {word}" });
        await Expect(row.GetByTestId("nomination-row-status")).ToHaveTextAsync("Approved: advocate");
        await BrowserApp.ScreenshotAsync(rep, "my-nominations");
        await Session.OpenAsync(rep, $"/nominations/{id}");
        await rep.GetByTestId("nomination-advocate").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(rep.GetByTestId("advocate-status")).ToHaveTextAsync("Candidate");
        await Expect(rep.GetByTestId("advocate-sourced-by")).ToContainTextAsync("Sourced by Sam Seller as a pocket reference");
        await BrowserApp.ScreenshotAsync(rep, "advocate-sourced");

        await rep.Context.CloseAsync();
        await manager.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reps_attempt_to_activate_an_advocate_is_refused()
    {
        var word = Api.UniqueWord("Ac");
        int advocate;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var rep = await app.Server.UserIdAsync(DemoUser.EmailOf(Roles.SalesRep));
            var (_, contact) = await CustomerAsync(api, $"{word} Foods", rep, "Cora", word);
            advocate = await AdvocateApi.EnrolAsync(api, contact);
        }

        // The rep owns the account, but the page offers no status change...
        var (page, _) = await Session.SignInAsync(app, Roles.SalesRep);
        await Session.OpenAsync(page, $"/advocates/{advocate}");
        await Expect(page.GetByTestId("advocate-status")).ToHaveTextAsync("Candidate");
        await Expect(page.GetByTestId("advocate-name")).ToHaveTextAsync($"Cora {word}");
        await Expect(page.GetByTestId("status-select")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "advocate-rep-view");

        // ...and the attempt through the API, with the rep's own session, is refused and changes nothing.
        var attempt = await page.APIRequest.PostAsync($"/api/v1/advocates/{advocate}/status", new() { DataObject = new { status = "Active", reason = "I say so" } });
        Assert.Equal(403, attempt.Status);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("advocate-status")).ToHaveTextAsync("Candidate");

        // Enrolling directly leads to nominating instead.
        await page.GotoAsync("/advocates/enrol");
        await Expect(page).ToHaveURLAsync(new Regex("/nominations/new$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nominate an advocate");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_blocked_approach_shows_the_playbook_answer()
    {
        var word = Api.UniqueWord("Ob");
        int request;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var rep = await app.Server.UserIdAsync(DemoUser.EmailOf(Roles.SalesRep));
            var (_, contact) = await CustomerAsync(api, $"{word} Mining", rep, "Bea", word);
            var advocate = await AdvocateApi.EnrolAsync(api, contact);
            var activated = await api.PostAsJsonAsync($"/api/v1/advocates/{advocate}/status", new { status = "Active", reason = "Agreed" });
            Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
            request = await CreateAsync(api, "/api/v1/requests", new { prospectName = $"{word} Prospect", activityType = "ReferenceCall", neededBy = DateTime.UtcNow.Date.AddDays(20).ToString("yyyy-MM-dd") });
            var proposed = await api.PostAsJsonAsync($"/api/v1/requests/{request}/participants", new { advocateIds = new[] { advocate } });
            Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        }

        // The rep owns the account: picking an objection shows the program's answer before blocking.
        var (page, _) = await Session.SignInAsync(app, Roles.SalesRep);
        var view = new RequestDetailsPage(page);
        await view.OpenAsync(request);
        var card = view.Participant($"Bea {word}");
        await RequestDetailsPage.ClickUntilAsync(card.GetByTestId("block-open"), card.GetByTestId("block-form"));
        await MudControls.ChooseAsync(page, card.GetByTestId("block-reason"), "Big bid in progress");
        await Expect(card.GetByTestId("block-playbook")).ToContainTextAsync("A bid is a reason to ask, not to wait");
        await card.GetByLabel("Note for the reference team (optional)").FillAsync("Final round of a renewal.");
        await BrowserApp.ScreenshotAsync(page, "block-playbook");
        await card.GetByTestId("block").ClickAsync();
        await Expect(card.GetByTestId("participant-status")).ToHaveTextAsync("Blocked by the owner");
        await Expect(card.GetByTestId("participant-objection")).ToHaveTextAsync("Blocked: Big bid in progress · Final round of a renewal.");
        await Expect(card.GetByTestId("participant-playbook")).ToContainTextAsync("ask which parts of the customer's business the bid does not touch");

        // The reference manager reads it on the request, and the objection is in the report.
        var (manager, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        var managerView = new RequestDetailsPage(manager);
        await managerView.OpenAsync(request);
        await Expect(managerView.Participant($"Bea {word}").GetByTestId("participant-playbook")).ToContainTextAsync("A bid is a reason to ask");
        await BrowserApp.ScreenshotAsync(manager, "block-playbook-manager");
        await Session.OpenAsync(manager, "/objections");
        await Expect(manager.GetByTestId("objections-figure").Filter(new() { HasText = "Big bid in progress" }).GetByTestId("objections-figure-accounts")).ToContainTextAsync($"{word} Mining");
        await BrowserApp.ScreenshotAsync(manager, "objections-report");
        await Session.OpenAsync(manager, "/playbook");
        await Expect(manager.GetByTestId("playbook-entry")).ToHaveCountAsync(6);
        await BrowserApp.ScreenshotAsync(manager, "objections-playbook");

        await page.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }
}
