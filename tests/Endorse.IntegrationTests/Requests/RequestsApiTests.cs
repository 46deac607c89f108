using System.Globalization;
using System.Net;
using System.Text;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Requests;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Requests;

public sealed class RequestsApiTests
{
    private static readonly int[] UnknownAdvocate = [999_999];

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_request_is_not_found_for_a_signed_in_user_who_may_not_read_it(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var submitted = await (await repClient.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) })).ReadJsonAsync();
        var url = $"/api/v1/requests/{(int)submitted["id"]!}";

        Assert.Equal(HttpStatusCode.OK, (await repClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await repClient.GetAsync(url + "/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(Roles.ReferenceManager)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(Roles.SalesManager)).GetAsync(url)).StatusCode);
        foreach (var role in new[] { Roles.SalesRep, Roles.Marketing, Roles.CustomerSuccess })
        {
            var other = await app.ClientForAsync(role);
            var response = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Globex", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + "/matches")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_whole_workflow_from_submit_to_feedback(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var ownerClient = app.ClientWithToken(await app.CreateTokenAsync(owner.Id));
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (advocateId, _, email) = await app.AddAdvocateAsync(owner.Id);

        var submitted = await repClient.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var request = await submitted.ReadJsonAsync();
        var id = (int)request["id"]!;
        Assert.Equal("Submitted", (string?)request["status"]);
        Assert.Equal("Managed", (string?)request["mode"]);

        // A sales rep may not pick advocates in managed mode.
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocateId } })).StatusCode);

        var proposed = await (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocateId } })).ReadJsonAsync();
        var pid = (int)proposed["participants"]![0]!["id"]!;
        Assert.Equal("AwaitingOwnerApproval", (string?)proposed["participants"]![0]!["status"]);
        Assert.Equal("AwaitingOwnerApproval", (string?)proposed["status"]);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == owner.Id)), "The account owner is notified.");

        // The requester is not the owner: no approval from them.
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostAsync($"/api/v1/requests/{id}/participants/{pid}/approve", null)).StatusCode);
        var approved = await ownerClient.PostAsync($"/api/v1/requests/{id}/participants/{pid}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("AdvocateAsked", (string?)(await approved.ReadJsonAsync())["status"]);

        // A second approval is refused with the workflow's sentence.
        var again = await ownerClient.PostAsync($"/api/v1/requests/{id}/participants/{pid}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This approach is asked", (string?)(await again.ReadJsonAsync())["detail"], StringComparison.Ordinal);

        // The advocate answers through the link in the mail.
        var token = await app.LinkTokenAsync(email);
        var hash = await app.WithDbAsync(db => db.RequestParticipants.Where(p => p.Id == pid).Select(p => p.AskTokenHash).SingleAsync());
        Assert.Equal(AskLink.Hash(token), hash);
        Assert.DoesNotContain(token, hash!, StringComparison.Ordinal);
        using var portal = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var antiforgery = await RequestTestData.AntiforgeryAsync(portal, "/respond/" + token);
        var slot = DateTime.UtcNow.Date.AddDays(10).AddHours(15);
        var accepted = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "accept"), ("slot1", slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var afterAccept = await repClient.GetStringAsync($"/api/v1/requests/{id}");
        Assert.Contains("\"status\":\"Accepted\"", afterAccept, StringComparison.Ordinal);

        // A second answer of the same link changes nothing.
        var second = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "decline"), ("reason", "changed my mind"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("You already answered on", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ParticipantStatus.Accepted, await app.WithDbAsync(db => db.RequestParticipants.Where(p => p.Id == pid).Select(p => p.Status).SingleAsync()));
        Assert.Contains("You answered on", await portal.GetStringAsync("/respond/" + token), StringComparison.Ordinal);

        // The requester picks the slot: booked, with calendar invitations.
        var offered = (string)(await (await repClient.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync())["participants"]![0]!["offeredSlots"]![0]!;
        var scheduled = await repClient.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/schedule", new { slot = offered });
        Assert.True(scheduled.StatusCode == HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        Assert.Equal("Scheduled", (string?)(await scheduled.ReadJsonAsync())["status"]);
        var activity = await app.WithDbAsync(db => db.AdvocacyActivities.SingleAsync(a => a.ParticipantId == pid));
        Assert.Equal(AdvocacyActivityState.Booked, activity.State);
        Assert.Equal(DateOnly.FromDateTime(slot), activity.OccurredOn);
        var invites = await app.WithDbAsync(db => db.OutboundMails.Where(m => m.AttachmentName == "invite.ics").ToListAsync());
        Assert.Equal(2, invites.Count);
        Assert.Contains(invites, m => m.To == email);
        Assert.Contains(invites, m => m.To == rep.Email);
        Assert.Contains("BEGIN:VEVENT", Encoding.UTF8.GetString(invites[0].AttachmentContent!), StringComparison.Ordinal);

        // Whether it happened is told once its time has come; then feedback completes it.
        var early = await repClient.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/complete", new { happened = true, quality = 5 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("record how it went once it has happened", (string?)(await early.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        await app.TimePassesAsync(pid);
        var bad = await repClient.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/complete", new { happened = true, quality = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var completed = await repClient.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/complete", new { happened = true, quality = 5, wouldUseAgain = true });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.ReadJsonAsync();
        Assert.Equal("Completed", (string?)done["status"]);
        Assert.Equal(5, (int?)done["participants"]![0]!["quality"]);
        var history = done["history"]!.AsArray().Select(e => (string)e!["to"]!).ToList();
        Assert.Equal(["Submitted", "AwaitingOwnerApproval", "Asked", "Accepted", "Scheduled", "Completed"], history);
        activity = await app.WithDbAsync(db => db.AdvocacyActivities.AsNoTracking().SingleAsync(a => a.ParticipantId == pid));
        Assert.Equal(AdvocacyActivityState.Completed, activity.State);
        Assert.Equal(5, activity.Quality);

        // My requests and the board.
        Assert.Contains($"\"id\":{id}", await repClient.GetStringAsync("/api/v1/requests"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.GetAsync("/api/v1/requests?board=true")).StatusCode);
        Assert.DoesNotContain($"\"id\":{id},", await manager.GetStringAsync("/api/v1/requests?board=true"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_is_refused_clearly_and_changes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var past = await manager.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("cannot be in the past", (string?)(await past.ReadJsonAsync())["errors"]!["NeededBy"]![0], StringComparison.Ordinal);
        var tooMany = await manager.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today, advocatesNeeded = 11 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReferenceRequests.CountAsync()));

        var created = await (await manager.PostJsonAsync("/api/v1/requests", new { prospectName = "<script>x</script>", activityType = "CaseStudyUse", neededBy = RequestTestData.Today.AddDays(3) })).ReadJsonAsync();
        var id = (int)created["id"]!;
        Assert.Equal("<script>x</script>", (string?)created["prospectName"]);
        var unknown = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = UnknownAdvocate });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("999999", (string?)(await unknown.ReadJsonAsync())["errors"]!["AdvocateIds"]![0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestParticipants.CountAsync()));

        // Board: due within 72 hours is flagged.
        var board = await (await manager.GetAsync("/api/v1/requests?board=true")).ReadJsonAsync();
        Assert.True((bool)board["items"]![0]!["dueSoon"]!);

        // The manager picks an advocate at an account without owner: asked at once.
        var (advocateId, _, email) = await app.AddAdvocateAsync();
        var proposed = await (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocateId } })).ReadJsonAsync();
        Assert.Equal("Asked", (string?)proposed["participants"]![0]!["status"]);
        var token = await app.LinkTokenAsync(email);
        using var portal = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var antiforgery = await RequestTestData.AntiforgeryAsync(portal, "/respond/" + token);

        // Tampered link.
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        var page = await portal.GetAsync("/respond/" + tampered);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var pageText = await page.Content.ReadAsStringAsync();
        Assert.True(pageText.Contains("This link is not valid", StringComparison.Ordinal), pageText);
        var post = await RequestTestData.PostFormAsync(portal, "/respond/" + tampered, antiforgery, ("answer", "decline"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // Expired link.
        await app.WithDbAsync(db => db.RequestParticipants.ExecuteUpdateAsync(s => s.SetProperty(p => p.AskExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        page = await portal.GetAsync("/respond/" + token);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This link has expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        post = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "decline"));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(ParticipantStatus.Asked, await app.WithDbAsync(db => db.RequestParticipants.Select(p => p.Status).SingleAsync()));

        // Scheduling before an answer is refused with the workflow's sentence.
        var pid = (int)proposed["participants"]![0]!["id"]!;
        var early = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/schedule", new { slot = DateTimeOffset.UtcNow.AddDays(5) });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("cannot become scheduled", (string?)(await early.ReadJsonAsync())["detail"], StringComparison.Ordinal);

        // Cancelling the request cancels the approach.
        var cancelled = await (await manager.PostAsync($"/api/v1/requests/{id}/cancel", null)).ReadJsonAsync();
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        Assert.Equal("Cancelled", (string?)cancelled["participants"]![0]!["status"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Two_bookings_racing_for_the_last_free_slot_book_exactly_one(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        var token = await app.CreateTokenAsync(manager.Id);
        var (advocateId, accountId, _) = await app.AddAdvocateAsync();

        // Default policy: 3 activities per 90 days; two already done, so one free slot is left.
        await app.AddActivityAsync(advocateId, accountId, RequestTestData.Today.AddDays(-40));
        await app.AddActivityAsync(advocateId, accountId, RequestTestData.Today.AddDays(-60));
        var slot = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(5).AddHours(14), TimeSpan.Zero);
        var ids = new List<(int RequestId, int ParticipantId)>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add(await app.WithDbAsync(async db =>
            {
                var request = new ReferenceRequest { RequesterId = manager.Id, ActivityType = Endorse.Advocates.ActivityType.CaseStudyUse, ProspectName = "Prospect " + i, NeededBy = RequestTestData.Today.AddDays(30), Status = RequestStatus.Accepted };
                var participant = new RequestParticipant { AdvocateId = advocateId, Status = ParticipantStatus.Accepted, OfferedSlots = System.Text.Json.JsonSerializer.Serialize(new[] { slot }) };
                request.Participants.Add(participant);
                db.ReferenceRequests.Add(request);
                await db.SaveChangesAsync();
                return (request.Id, participant.Id);
            }));
        }

        using var first = app.ClientWithToken(token);
        using var second = app.ClientWithToken(token);
        var responses = await Task.WhenAll(
            first.PostJsonAsync($"/api/v1/requests/{ids[0].RequestId}/participants/{ids[0].ParticipantId}/schedule", new { slot }),
            second.PostJsonAsync($"/api/v1/requests/{ids[1].RequestId}/participants/{ids[1].ParticipantId}/schedule", new { slot }));

        var codes = responses.Select(r => r.StatusCode).OrderBy(c => c).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
        var refusal = (string?)(await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync())["detail"];
        Assert.Contains("Reached 3 of 3", refusal, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AdvocacyActivities.CountAsync(a => a.State == AdvocacyActivityState.Booked)));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestParticipants.CountAsync(p => p.Status == ParticipantStatus.Scheduled)));
    }
}
