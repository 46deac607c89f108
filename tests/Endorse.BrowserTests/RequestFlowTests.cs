using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Data;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>
/// The reference request as the people do it: a rep asks, the reference manager matches and proposes, the account
/// owner approves, the advocate answers from the link in their mail, the rep books the call.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class RequestFlowTests(BrowserApp app)
{
    private static readonly string[] AdvocateActivities = ["ReferenceCall", "CaseStudyUse"];

    [Fact]
    public async Task A_rep_requests_the_manager_matches_the_advocate_accepts_by_mail_and_the_rep_books_the_call()
    {
        var word = Api.UniqueWord("Zy");
        var repEmail = DemoUser.EmailOf(Roles.SalesRep);
        var advocateEmail = $"ada.{word}@customer.example".ToLowerInvariant();
        using (var api = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var repId = await app.Server.UserIdAsync(repEmail);
            var analytics = await IdAsync(api, "/api/v1/products?search=Analytics", "Analytics");
            var healthcare = await IdAsync(api, "/api/v1/sectors?search=Healthcare", "Healthcare");

            // The best fit: owns Analytics, healthcare, happy, at an account the rep owns (so the rep approves the approach).
            await EnrolAsync(api, $"{word} Health Partners", repId, healthcare, analytics, "Ada", word, "Chief Information Officer", advocateEmail, status: null);

            // Two the ranking must leave out, with their reasons.
            await EnrolAsync(api, $"{word} Care Group", null, healthcare, analytics, "Bo", word + "son", "VP Operations", $"bo.{word}@customer.example".ToLowerInvariant(),
                status: new { status = "Resting", restingUntil = DateTime.UtcNow.Date.AddDays(60).ToString("yyyy-MM-dd"), reason = "Busy quarter" });
            await EnrolAsync(api, $"{word} Clinics", null, healthcare, analytics, "Cy", word + "ley", "Director of IT", $"cy.{word}@customer.example".ToLowerInvariant(),
                status: new { status = "DoNotContact", reason = "Asked not to be contacted" });
        }

        // The rep asks for a reference call, with criteria. A needed-by date in the past is refused clearly.
        var rep = await app.NewPageAsync();
        await (await new SignInPage(rep).OpenAsync()).SignInAsync(repEmail, DemoUser.Password);
        var form = await new NewRequestPage(rep).OpenAsync();
        await form.FillProspectAsync($"{word} Prospect Hospital");
        await form.PickManyAsync("request-products", "Analytics", "Workflow Automation");
        await form.PickAsync("request-sector", "Healthcare");
        await form.PickAsync("request-size", "Enterprise (10,000+)");
        await form.PickAsync("request-seniority", "Director");
        await form.FillLanguageAsync("English");
        await rep.GetByLabel("Notes for the reference team (optional)").FillAsync("CIO-to-CIO call about the analytics roll-out.");
        await form.FillNeededByAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        await form.Submit.ClickAsync();
        await Expect(form.Errors).ToContainTextAsync("Needed by cannot be in the past");
        await BrowserApp.ScreenshotAsync(rep, "request-new-error");

        await form.FillNeededByAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));
        await BrowserApp.ScreenshotAsync(rep, "request-new");
        var id = await form.SubmitAsync();
        var repView = new RequestDetailsPage(rep);
        await Expect(repView.Status).ToHaveTextAsync("Submitted");
        await Expect(repView.Criteria).ToContainTextAsync("Analytics, Workflow Automation");
        await Expect(repView.Criteria).ToContainTextAsync("Healthcare");
        await Expect(repView.Ranking).ToHaveCountAsync(0);
        await Expect(rep.GetByTestId("participants-empty")).ToContainTextAsync("The reference team picks and asks");
        await BrowserApp.ScreenshotAsync(rep, "request-submitted");

        // The reference manager opens it from the board and sees the ranking, explained, and who is left out and why.
        var manager = await app.NewPageAsync();
        var managerShell = await (await new SignInPage(manager).OpenAsync()).SignInAsync(DemoUser.EmailOf(Roles.ReferenceManager), DemoUser.Password);
        await manager.GotoAsync("/requests/board");
        await AppShell.WaitForInteractivityAsync(manager);
        await manager.Locator(".mud-table-body").GetByRole(AriaRole.Link, new() { Name = $"#{id}", Exact = true }).ClickAsync();
        var matching = new RequestDetailsPage(manager);
        await Expect(matching.Ranked($"Ada {word}")).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(manager);
        var factors = await matching.ExplainAsync($"Ada {word}");
        await Expect(factors).ToContainTextAsync("Owns 1 of the 2 products asked for.");
        await Expect(factors).ToContainTextAsync("Same sector.");
        await RequestDetailsPage.ClickUntilAsync(manager.GetByTestId("show-excluded"), manager.GetByTestId("excluded"));
        await RequestDetailsPage.ShowAllExcludedAsync(manager);
        await Expect(manager.GetByTestId("excluded-advocate").Filter(new() { HasText = $"Bo {word}son" })).ToContainTextAsync("Resting until");
        await Expect(manager.GetByTestId("excluded-advocate").Filter(new() { HasText = $"Cy {word}ley" })).ToContainTextAsync("do-not-contact");
        await BrowserApp.ScreenshotAsync(manager, "request-ranking");

        await matching.ProposeAsync($"Ada {word}");
        await Expect(matching.ParticipantStatus($"Ada {word}")).ToHaveTextAsync("Awaiting the owner's approval");
        await Expect(matching.Participant($"Ada {word}")).ToContainTextAsync("Waiting for Sam Seller (account owner)");
        await Expect(manager.GetByTestId("ranking-full")).ToBeVisibleAsync();
        await Expect(matching.Status).ToHaveTextAsync("Awaiting the owner's approval");
        await BrowserApp.ScreenshotAsync(manager, "request-proposed");

        // The rep owns the account: they approve, and the advocate is asked by e-mail.
        await repView.OpenAsync(id);
        await RequestDetailsPage.ClickUntilAsync(repView.Participant($"Ada {word}").GetByTestId("approve"), rep.GetByText("Asked by e-mail on"));
        await Expect(repView.ParticipantStatus($"Ada {word}")).ToHaveTextAsync("Asked");
        await Expect(repView.History).ToContainTextAsync($"Ada {word}: Awaiting the owner's approval → Asked");

        // The advocate opens the link in their mail, on a phone, accepts and offers two times.
        var mail = await Outbox.WaitForAsync(app.Server.OutboxFolder, advocateEmail, "Could you help");
        var link = LinkPattern().Match(mail.TextBody ?? string.Empty).Value;
        Assert.StartsWith(app.Server.BaseUrl.ToString().TrimEnd('/') + "/respond/", link, StringComparison.Ordinal);
        var advocate = await app.NewPageAsync(390, 844);
        var respond = await new RespondPage(advocate).OpenAsync(link);
        await Expect(respond.Heading).ToHaveTextAsync("Can you help?");
        await BrowserApp.ScreenshotAsync(advocate, "respond-ask-phone");
        var first = DateTime.UtcNow.Date.AddDays(7).AddHours(15);
        await respond.AcceptAsync(first, first.AddDays(1));
        await Expect(respond.Heading).ToHaveTextAsync("Thank you!");
        await Expect(respond.Answered).ToContainTextAsync("Sam Seller will pick one of your times");
        await BrowserApp.ScreenshotAsync(advocate, "respond-accepted-phone");

        // The same link again: already answered. A tampered link: a clear error.
        await respond.OpenAsync(link);
        await Expect(respond.Heading).ToHaveTextAsync("You already answered");
        await Expect(respond.Answered).ToContainTextAsync("Nothing more to do here.");
        await BrowserApp.ScreenshotAsync(advocate, "respond-already-answered");
        var token = link[(link.LastIndexOf('/') + 1)..];
        await respond.OpenAsync(link[..^token.Length] + (token[0] == 'A' ? "B" : "A") + token[1..]);
        await Expect(respond.Heading).ToHaveTextAsync("This link is not valid");
        await Expect(respond.Invalid).ToContainTextAsync("Check that you copied the whole link");
        await BrowserApp.ScreenshotAsync(advocate, "respond-invalid");

        // The rep picks a time: the call is scheduled, on the request and in "my requests".
        await repView.OpenAsync(id);
        await Expect(repView.ParticipantStatus($"Ada {word}")).ToHaveTextAsync("Accepted");
        var book = repView.Participant($"Ada {word}").GetByTestId("slot").First;
        await Expect(book).ToContainTextAsync(DemoUser.FormatOf(Roles.SalesRep).Slot(new DateTimeOffset(first, TimeSpan.Zero)));
        await RequestDetailsPage.ClickUntilAsync(book, repView.Participant($"Ada {word}").GetByTestId("participant-scheduled"));
        await Expect(repView.Status).ToHaveTextAsync("Scheduled");
        await Expect(repView.Participant($"Ada {word}").GetByTestId("participant-scheduled")).ToContainTextAsync("Scheduled for");
        await Expect(repView.History).ToContainTextAsync($"Ada {word}: Accepted → Scheduled");
        await BrowserApp.ScreenshotAsync(rep, "request-scheduled");

        await rep.GotoAsync("/requests");
        var row = rep.Locator(".mud-table-body tr").Filter(new() { HasText = $"#{id}" });
        await Expect(row.GetByTestId("request-row-status")).ToHaveTextAsync("Scheduled");
        await BrowserApp.ScreenshotAsync(rep, "my-requests");

        // The invitation went to both.
        await Outbox.WaitForAsync(app.Server.OutboxFolder, advocateEmail, "Booked:");
        await Outbox.WaitForAsync(app.Server.OutboxFolder, repEmail, "Booked:");

        // Once the call has taken place, the rep tells how it went; the advocate gives theirs through the link mailed to them.
        await TimePassesAsync(id);
        await repView.OpenAsync(id);
        var ada = repView.Participant($"Ada {word}");
        await RequestDetailsPage.ClickUntilAsync(ada.GetByTestId("complete-open"), ada.GetByTestId("feedback-form"));
        await ada.GetByTestId("feedback-quality").Locator(".mud-rating-item").Nth(3).ClickAsync();
        await ada.GetByTestId("feedback-again").GetByText("Yes").ClickAsync();
        await ada.GetByLabel("Comment (optional)").FillAsync("Convinced the prospect's CIO.");
        await BrowserApp.ScreenshotAsync(rep, "request-feedback-form");
        await ada.GetByTestId("complete").ClickAsync();
        await Expect(repView.Status).ToHaveTextAsync("Completed");
        await Expect(ada.GetByTestId("requester-feedback")).ToHaveTextAsync("Requester's feedback: quality 4/5, would use again · Convinced the prospect's CIO.");

        var thanks = await Outbox.WaitForAsync(app.Server.OutboxFolder, advocateEmail, "Thank you for the");
        var feedbackLink = LinkPattern().Match(thanks.TextBody ?? string.Empty).Value;
        await respond.OpenAsync(feedbackLink);
        await Expect(respond.Heading).ToHaveTextAsync("How did it go?");
        await advocate.GetByLabel("5").CheckAsync();
        await advocate.GetByLabel("Anything we should know? (optional)").FillAsync("Glad to help.");
        await BrowserApp.ScreenshotAsync(advocate, "respond-feedback-phone");
        await advocate.GetByTestId("feedback-submit").ClickAsync();
        await Expect(advocate.GetByTestId("respond-feedback-given")).ToContainTextAsync("Thank you for your feedback!");
        await repView.OpenAsync(id);
        await Expect(ada.GetByTestId("advocate-feedback")).ToHaveTextAsync("Advocate's feedback: 5/5 · Glad to help.");
        await Expect(repView.History).ToContainTextAsync($"Ada {word}: Advocate's feedback: 5/5 · Glad to help.");
        await BrowserApp.ScreenshotAsync(rep, "request-completed");

        // On a phone the request page fits the screen.
        var phone = await app.NewPageAsync(390, 844);
        await (await new SignInPage(phone).OpenAsync()).SignInAsync(repEmail, DemoUser.Password);
        await new RequestDetailsPage(phone).OpenAsync(id);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The request page is {width}px wide on a 390px phone screen.");
        await BrowserApp.ScreenshotAsync(phone, "request-phone");

        await managerShell.Page.Context.CloseAsync();
        await rep.Context.CloseAsync();
        await advocate.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    /// <summary>The booked start of the request's approaches moves an hour into the past, as if the call took place.</summary>
    private async Task TimePassesAsync(int requestId)
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        await db.RequestParticipants.Where(p => p.RequestId == requestId && p.ScheduledStart != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ScheduledStart, DateTimeOffset.UtcNow.AddHours(-1)));
    }

    private static async Task<int> IdAsync(HttpClient api, string url, string name)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync(url));
        return json.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
    }

    /// <summary>An account with a contact enrolled as an advocate for reference calls, made active (or given <paramref name="status"/>).</summary>
    private static async Task EnrolAsync(HttpClient api, string account, string? ownerId, int sectorId, int productId, string first, string last, string title, string email, object? status)
    {
        var accountId = await CreateAsync(api, "/api/v1/accounts", new
        {
            name = account,
            sectorId,
            sizeBand = "Enterprise",
            customerSince = DateTime.UtcNow.Date.AddYears(-6).ToString("yyyy-MM-dd"),
            satisfactionKind = "Nps",
            satisfactionScore = 62,
            ownerId,
            disclosurePermission = "NamedPublic",
            products = new[] { new { productId } },
        });
        var contactId = await CreateAsync(api, "/api/v1/contacts", new { accountId, firstName = first, lastName = last, title, email, language = "English" });
        var advocateId = await CreateAsync(api, "/api/v1/advocates", new { contactId, activityTypes = AdvocateActivities, productIds = new[] { productId }, languages = "English" });
        var activated = await api.PostAsJsonAsync($"/api/v1/advocates/{advocateId}/status", status ?? new { status = "Active", reason = "Agreed to be a reference" });
        Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
    }

    private static async Task<int> CreateAsync(HttpClient api, string url, object body)
    {
        var response = await api.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    [GeneratedRegex(@"http://[^\s]+/respond/[A-Za-z0-9_\-]{43}")]
    private static partial Regex LinkPattern();
}
