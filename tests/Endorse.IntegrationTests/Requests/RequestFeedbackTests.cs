using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Requests;

/// <summary>Feedback after an activity: the requester's on the request, the advocate's through a link mailed to them.</summary>
public sealed class RequestFeedbackTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_advocate_gives_feedback_once_through_the_link_mailed_after_completion(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Mail:BaseUrl"] = "https://endorse.example.com/" });
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (advocateId, _, email) = await app.AddAdvocateAsync();
        var (id, pid) = await app.ScheduleAsync(manager, advocateId, email, "ReferenceCall", DateTime.UtcNow.Date.AddDays(3).AddHours(10));

        // The ask mail carried an absolute link the advocate can open from their mailbox.
        var ask = await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync(m => m.To == email && m.Subject.StartsWith("Could you help")));
        Assert.Contains("https://endorse.example.com/respond/", ask.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://endorse.example.com/respond/", ask.HtmlBody, StringComparison.Ordinal);

        await app.TimePassesAsync(pid);
        var completed = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/complete", new { happened = true, quality = 5, wouldUseAgain = false, comment = "Sharp answers" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.ReadJsonAsync();
        Assert.False((bool)done["participants"]![0]!["wouldUseAgain"]!);
        Assert.Equal("Sharp answers", (string?)done["participants"]![0]!["requesterComment"]);
        Assert.Contains(done["history"]!.AsArray(), e => (string?)e!["note"] == "Quality 5/5 · would not use again · Sharp answers");

        var token = await app.LinkTokenAsync(email, "Thank you for the");
        using var portal = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await portal.GetStringAsync("/respond/" + token);
        Assert.Contains("How did it go?", page, StringComparison.Ordinal);
        var antiforgery = await RequestTestData.AntiforgeryAsync(portal, "/respond/" + token);

        var noRating = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "feedback"), ("comment", "x"));
        Assert.Equal(HttpStatusCode.Redirect, noRating.StatusCode);
        Assert.Contains("error=rating", noRating.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.RequestParticipants.Where(p => p.Id == pid).Select(p => p.AdvocateRating).SingleAsync()));

        var given = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "feedback"), ("rating", "4"), ("comment", "Happy to do it again"));
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Contains("Thank you for your feedback!", await portal.GetStringAsync(given.Headers.Location!.ToString()), StringComparison.Ordinal);

        // A second answer of the same link changes nothing; nor may the manager overwrite it.
        var again = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "feedback"), ("rating", "1"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("You already answered", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overwrite = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/advocate-feedback", new { rating = 2 });
        Assert.Equal(HttpStatusCode.Conflict, overwrite.StatusCode);
        Assert.Equal("The advocate's feedback was already given.", (string?)(await overwrite.ReadJsonAsync())["detail"]);

        var details = await (await manager.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.Equal(4, (int)details["participants"]![0]!["advocateRating"]!);
        Assert.Equal("Happy to do it again", (string?)details["participants"]![0]!["advocateComment"]);
        Assert.Contains(details["history"]!.AsArray(), e => (string?)e!["note"] == "Advocate's feedback: 4/5 · Happy to do it again" && (string?)e["byName"] == "Advocate");

        // The ask link, used before, still says it was answered.
        var askToken = await app.LinkTokenAsync(email, "Could you help");
        Assert.Contains("You already answered", await portal.GetStringAsync("/respond/" + askToken), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_reference_manager_records_the_advocates_feedback_and_others_may_not(string database)
    {
        await using var app = new EndorseApp(database);
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var rep = await app.ClientForAsync(Roles.SalesRep);
        var (advocateId, _, email) = await app.AddAdvocateAsync();
        var (id, pid) = await app.ScheduleAsync(manager, advocateId, email, "SiteVisit", DateTime.UtcNow.Date.AddDays(3).AddHours(10));

        var early = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/advocate-feedback", new { rating = 5 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("feedback follows a completed activity", (string?)(await early.ReadJsonAsync())["detail"], StringComparison.Ordinal);

        await app.TimePassesAsync(pid);
        var completed = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/complete", new { happened = true, quality = 3 });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Contains("advocate-feedback", (await completed.ReadJsonAsync())["participants"]![0]!["actions"]!.AsArray().Select(a => (string)a!));

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/advocate-feedback", new { rating = 5 })).StatusCode);
        var invalid = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/advocate-feedback", new { rating = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        // The steps that take a body are described with it in the API reference.
        var openApi = await manager.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"RecordAdvocateFeedback\"", openApi, StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/AdvocateFeedbackInput", openApi, StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/BlockInput", openApi, StringComparison.Ordinal);

        var recorded = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/advocate-feedback", new { rating = 5, comment = "Said so on the phone" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var details = await recorded.ReadJsonAsync();
        Assert.Equal(5, (int)details["participants"]![0]!["advocateRating"]!);
        Assert.DoesNotContain("advocate-feedback", details["participants"]![0]!["actions"]!.AsArray().Select(a => (string)a!));
        Assert.Contains(details["history"]!.AsArray(), e => (string?)e!["byName"] == managerUser.DisplayName && ((string?)e["note"] ?? string.Empty).StartsWith("Advocate's feedback: 5/5", StringComparison.Ordinal));

        // The link mailed to the advocate now says the feedback was given.
        var token = await app.LinkTokenAsync(email, "Thank you for the");
        using var portal = app.CreateClient();
        Assert.Contains("You gave it on", await portal.GetStringAsync("/respond/" + token), StringComparison.Ordinal);
    }
}
