using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Discovery;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>Candidate discovery, readiness gates on the account page, and program hygiene, as the people who use them.</summary>
[Collection(BrowserCollection.Name)]
public class DiscoveryTests(BrowserApp app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A long-standing, satisfied customer account, created through the API.</summary>
    private static async Task<int> CreateCustomerAsync(HttpClient api, string name)
    {
        var response = await api.PostAsJsonAsync("/api/v1/accounts", new
        {
            name,
            customerSince = Iso(Today.AddDays(-2500)),
            satisfactionKind = "Nps",
            satisfactionScore = 80,
            disclosurePermission = "NamedPublic",
            employees = 5000,
        });
        Assert.True(response.IsSuccessStatusCode, $"Creating account {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_discovery_ranking_explains_itself_and_its_nominate_link_carries_the_contact()
    {
        var word = Api.UniqueWord("Dv");
        int contact;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var account = await CreateCustomerAsync(api, $"{word} Health");
            contact = await Api.CreateContactAsync(api, account, "Dora", word, "Chief Information Officer");
        }

        // The index notices new accounts on its periodic check; time passes.
        await app.Server.Services.GetRequiredService<DiscoveryIndex>().RefreshAsync();

        var (page, shell) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await shell.GoToAsync("Find candidates", "Program");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find candidates", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("candidate").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "discovery");

        var candidates = page.GetByTestId("candidate");
        await MudControls.TypeUntilAsync(page.GetByTestId("discovery-search"), $"{word} Health", () => Expect(candidates).ToHaveCountAsync(1));
        var row = candidates.First;
        await Expect(row).ToContainTextAsync($"Dora {word}");
        await Expect(row).ToContainTextAsync("C-level");

        await row.GetByTestId("candidate-explain").ClickAsync();
        var factors = row.GetByTestId("candidate-factors");
        await Expect(factors).ToBeVisibleAsync();
        await Expect(factors.Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(factors).ToContainTextAsync("Customer for 6.8 years");
        await Expect(factors).ToContainTextAsync("NPS 80.");
        await Expect(factors).ToContainTextAsync("C-level: the most senior voice.");

        var nominate = row.GetByTestId("candidate-nominate");
        await Expect(nominate).ToHaveAttributeAsync("href", new Regex($@"^/nominations/new\?contactId={contact}&reason=Found%20by%20candidate%20discovery"));
        var href = await nominate.GetAttributeAsync("href");
        Assert.Contains("Customer for 6.8 years", Uri.UnescapeDataString(href!), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "discovery-explained");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_fills_a_gap_nominates_a_candidate_in_one_click_and_finds_the_nomination_in_the_review_queue()
    {
        var word = Api.UniqueWord("Gp");

        // The gap: a product × sector pair from the catalog; a customer in it with a VP who is not an advocate.
        (int Id, string Name) product, sector;
        using (var scope = app.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Endorse.Data.EndorseDbContext>();
            product = await db.Products.OrderBy(p => p.Id).Select(p => ValueTuple.Create(p.Id, p.Name)).FirstAsync();
            sector = await db.Sectors.OrderBy(s => s.Id).Select(s => ValueTuple.Create(s.Id, s.Name)).FirstAsync();
        }

        int contact;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var response = await api.PostAsJsonAsync("/api/v1/accounts", new
            {
                name = $"{word} Works",
                customerSince = Iso(Today.AddDays(-2000)),
                satisfactionKind = "Nps",
                satisfactionScore = 75,
                disclosurePermission = "NamedPublic",
                employees = 3000,
                sectorId = sector.Id,
                products = new[] { new { productId = product.Id, goLiveOn = Iso(Today.AddDays(-1500)) } },
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            contact = await Api.CreateContactAsync(api, json.RootElement.GetProperty("id").GetInt32(), "Gina", word, "VP Operations");
        }

        await app.Server.Services.GetRequiredService<DiscoveryIndex>().RefreshAsync();

        // Find candidates, filtered to the gap: only candidates at accounts in that sector owning that product remain.
        var (page, shell) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await shell.GoToAsync("Find candidates", "Program");
        var candidates = page.GetByTestId("candidate");
        await Expect(candidates.First).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        var summary = page.GetByTestId("discovery-summary");
        var everyone = await summary.InnerTextAsync();
        await MudControls.ChooseAsync(page, page.GetByTestId("discovery-product"), product.Name);
        await MudControls.ChooseAsync(page, page.GetByTestId("discovery-sector"), sector.Name);
        await Expect(summary).Not.ToHaveTextAsync(everyone);
        await Expect(candidates.First).ToBeVisibleAsync();
        await MudControls.TypeUntilAsync(page.GetByTestId("discovery-search"), $"{word} Works", () => Expect(candidates).ToHaveCountAsync(1));
        var row = candidates.First;
        await Expect(row).ToContainTextAsync($"Gina {word}");
        await Expect(row).ToHaveAttributeAsync("data-contact-id", contact.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserApp.ScreenshotAsync(page, "discovery-gap");

        // One click starts the nomination, the contact and the discovery's reasons filled in.
        await row.GetByTestId("candidate-nominate").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/nominations/new\?contactId={contact}&reason="));
        await Expect(page.GetByTestId("nomination-contact")).ToContainTextAsync($"Gina {word}");
        await Expect(page.GetByLabel("Why would they make a good advocate?")).ToHaveValueAsync(new Regex("^Found by candidate discovery \\(score"));
        await AppShell.WaitForInteractivityAsync(page);
        var happy = page.GetByRole(AriaRole.Radio, new() { Name = "A happy customer nobody has asked yet" });
        for (var attempt = 0; attempt < 5 && !await happy.IsCheckedAsync(); attempt++)
        {
            // A click before the circuit is up reaches only the browser: click again, as a person would.
            await page.GetByText("A happy customer nobody has asked yet").ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }

        await Expect(happy).ToBeCheckedAsync();
        await Expect(page.GetByTestId("nomination-products")).ToHaveValueAsync(new Regex(Regex.Escape(product.Name))); // the account's products, by name
        await BrowserApp.ScreenshotAsync(page, "discovery-nominate");
        await page.GetByTestId("nomination-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/nominations/\d+$"));
        await Expect(page.GetByTestId("nomination-status")).ToHaveTextAsync("Waiting for review");

        // The review queue holds it.
        await Session.OpenAsync(page, "/nominations/queue");
        await MudControls.TypeUntilAsync(page.GetByTestId("nominations-search"), word,
            () => Expect(page.GetByTestId("nomination-row")).ToHaveCountAsync(1, new() { Timeout = 5_000 }));
        await Expect(page.GetByTestId("nomination-row")).ToHaveTextAsync($"Gina {word}");
        await Expect(page.GetByTestId("nomination-row-status")).ToHaveTextAsync("Waiting for review");
        await BrowserApp.ScreenshotAsync(page, "discovery-nomination-queue");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_account_page_shows_its_gates_and_a_manager_sets_and_lifts_one()
    {
        var word = Api.UniqueWord("Gt");
        int account;
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            account = await CreateCustomerAsync(api, $"{word} Holdings");
        }

        var (page, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await Session.OpenAsync(page, $"/accounts/{account}");
        var status = page.GetByTestId("readiness-status");
        await Expect(status).ToHaveTextAsync("May be approached now.");

        // A gate that ends before it starts is refused, and nothing is set.
        await TypeDateAsync(page.GetByLabel("Until (last day)"), Today.AddDays(-3));
        await page.GetByLabel("Reason").FillAsync("Backwards");
        await page.GetByTestId("gate-set").ClickAsync();
        await Expect(page.GetByTestId("gate-problem")).ToContainTextAsync("A gate must end on or after the day it starts");
        await Expect(status).ToHaveTextAsync("May be approached now.");

        await TypeDateAsync(page.GetByLabel("Until (last day)"), Today.AddDays(20));
        await page.GetByLabel("Reason").FillAsync("New CIO arriving");
        await page.GetByTestId("gate-set").ClickAsync();
        await Expect(status).ToContainTextAsync($"Not now. May be approached from {Iso(Today.AddDays(21))}.");
        await Expect(page.GetByTestId("readiness-gate")).ToHaveTextAsync($"Reorganisation: The account is reorganising (New CIO arriving) from {Iso(Today)} to {Iso(Today.AddDays(20))}; next free on {Iso(Today.AddDays(21))}.");
        await Expect(page.GetByTestId("set-gate")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "account-gates");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Lift the reorganisation gate from {Iso(Today)} to {Iso(Today.AddDays(20))}" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("May be approached now.");
        await Expect(page.GetByTestId("set-gate")).ToHaveCountAsync(0);
        await page.GetByTestId("gates-past-toggle").ClickAsync();
        await Expect(page.GetByTestId("past-gate")).ToContainTextAsync($"Lifted on {Iso(Today)} by {DemoUser.NameOf(Roles.ReferenceManager)}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_hygiene_page_records_an_answer()
    {
        var evidence = $"Every sales meeting opens with a customer story ({Api.UniqueWord("Hy")}).";
        var (page, shell) = await Session.SignInAsync(app, Roles.ReferenceManager);
        await shell.GoToAsync("Program hygiene", "Program");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Program hygiene", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hygiene-question")).ToHaveCountAsync(6);
        await AppShell.WaitForInteractivityAsync(page);

        await MudControls.ChooseAsync(page, page.GetByTestId("hygiene-question-select"), "A standing agenda item");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Evidence (what shows it)").FillAsync(evidence);
        await page.GetByTestId("hygiene-save").ClickAsync();

        await Expect(page.GetByTestId("hygiene-saved")).ToContainTextAsync($"Recorded: A standing agenda item — Yes from {Iso(Today)}.");
        var card = page.Locator("[data-question=StandingAgendaItem]");
        await Expect(card.GetByTestId("hygiene-answer")).ToHaveTextAsync("Yes");
        await Expect(card.GetByTestId("hygiene-evidence")).ToHaveTextAsync(evidence);
        await Expect(page.GetByTestId("hygiene-history")).ToContainTextAsync(evidence);
        await BrowserApp.ScreenshotAsync(page, "hygiene");

        // Evidence is required: an answer without it is refused.
        await MudControls.ChooseAsync(page, page.GetByTestId("hygiene-question-select"), "An advocacy kit");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("hygiene-save").ClickAsync();
        await Expect(page.GetByTestId("hygiene-problem")).ToContainTextAsync("Evidence (what shows it) is required.");

        // The kit reads as a guide and downloads to print.
        await shell.GoToAsync("Advocacy kit", "Program");
        await Expect(page.GetByTestId("kit-view")).ToContainTextAsync("Who to ask");
        await Expect(page.GetByTestId("kit-download")).ToHaveAttributeAsync("href", "/api/v1/hygiene/advocacy-kit.html");
        await BrowserApp.ScreenshotAsync(page, "advocacy-kit");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sourcing_pages_show_the_demo_data_and_fit_a_phone()
    {
        var (page, _) = await Session.SignInAsync(app, Roles.ReferenceManager);
        foreach (var (path, name, marker) in new[]
        {
            ("/wish-list", "wish-list", "wish-row"),
            ("/onboarding", "check-ins", "checkin-state"),
            ("/executive-programs", "executive-programs", "program-row"),
            ("/executive-programs/commitments", "commitments", "commitments-grid"),
            ("/readiness/gates", "gates", "gates-grid"),
        })
        {
            await Session.OpenAsync(page, path);
            await Expect(page.GetByTestId(marker).First).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await BrowserApp.ScreenshotAsync(page, name);
        }

        await Session.OpenAsync(page, "/executive-programs");
        await page.GetByTestId("program-row").First.ClickAsync();
        await Expect(page.GetByTestId("program-member").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "executive-program");
        await page.Context.CloseAsync();

        var (phone, _) = await Session.SignInAsync(app, Roles.ReferenceManager, 390, 844);
        var tooWide = new List<string>();
        foreach (var path in new[] { "/discovery", "/wish-list", "/onboarding", "/executive-programs", "/readiness/gates", "/program/hygiene", "/program/advocacy-kit" })
        {
            await Session.OpenAsync(phone, path);
            await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(phone.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await BrowserApp.ScreenshotAsync(phone, "phone" + path.Replace('/', '-'));
            if (!await MudControls.FitsWidthAsync(phone))
            {
                tooWide.Add(path);
            }
        }

        Assert.Empty(tooWide);
        await phone.Context.CloseAsync();
    }

    private static async Task TypeDateAsync(ILocator input, DateOnly date)
    {
        await input.FillAsync(Iso(date));
        await input.PressAsync("Tab");
        await input.Page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(Iso(date));
    }
}
