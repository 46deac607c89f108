using System.Net;
using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Requests;

/// <summary>The ranking of a request, its criteria, and what a proposal must respect.</summary>
public sealed class RequestMatchingTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_next_ranking_sees_a_booking_and_its_cancellation_at_once(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (advocateId, _, email) = await app.AddAdvocateAsync();
        var other = await SubmitAsync(manager, new { prospectName = "Initech", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) });

        // The first ranking loads the index; the advocate is free.
        Assert.True(IsRankedFreeNow(await MatchesAsync(manager, other), advocateId));

        // Booked for a reference call on another request: the account's one reference call a quarter is used.
        var (bookedOn, participant) = await app.ScheduleAsync(manager, advocateId, email, "ReferenceCall", DateTime.UtcNow.Date.AddDays(10).AddHours(15));
        var afterBooking = await MatchesAsync(manager, other);
        Assert.False(IsRankedFreeNow(afterBooking, advocateId));
        var excluded = Assert.Single(afterBooking["excluded"]!.AsArray(), e => (int)e!["advocateId"]! == advocateId)!;
        Assert.Contains("AccountCapReached", excluded["reasons"]!.AsArray().Select(r => (string)r!));

        // Cancelled: the booking stops counting, and the very next ranking shows the advocate free again.
        var cancelled = await manager.PostAsync($"/api/v1/requests/{bookedOn}/participants/{participant}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.True(IsRankedFreeNow(await MatchesAsync(manager, other), advocateId));

        // The advocate's calendar invitation is withdrawn.
        var cancellation = await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync(m => m.To == email && m.Subject.StartsWith("Cancelled:")));
        Assert.Contains("METHOD:CANCEL", System.Text.Encoding.UTF8.GetString(cancellation.AttachmentContent!), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_next_ranking_sees_completed_feedback_and_a_status_change_at_once(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (advocateId, _, email) = await app.AddAdvocateAsync();
        var other = await SubmitAsync(manager, new { prospectName = "Initech", activityType = "CaseStudyUse", neededBy = RequestTestData.Today.AddDays(40) });
        Assert.Equal("No feedback yet (counted as neutral).", FeedbackFactor(await MatchesAsync(manager, other), advocateId));

        var (id, pid) = await app.ScheduleAsync(manager, advocateId, email, "ReferenceCall", DateTime.UtcNow.Date.AddDays(2).AddHours(9));
        await app.TimePassesAsync(pid);
        var completed = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants/{pid}/complete", new { happened = true, quality = 4, wouldUseAgain = true });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("Past feedback 4.0 of 5 from 1 activity.", FeedbackFactor(await MatchesAsync(manager, other), advocateId));

        // The advocate asks not to be contacted (AdvocateService): excluded at once.
        var changed = await manager.PostJsonAsync($"/api/v1/advocates/{advocateId}/status", new { status = "DoNotContact", reason = "Asked us to stop" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var ranking = await MatchesAsync(manager, other);
        var excluded = Assert.Single(ranking["excluded"]!.AsArray(), e => (int)e!["advocateId"]! == advocateId)!;
        Assert.Contains("DoNotContact", excluded["reasons"]!.AsArray().Select(r => (string)r!));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Criteria_are_stored_named_and_ranked_by(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var product = await app.AddProductAsync("Ledger Cloud");
        var otherProduct = await app.AddProductAsync("Payroll Suite");
        var sector = await app.AddSectorAsync("Healthcare");
        var (advocateId, _, _) = await app.AddAdvocateAsync();
        await app.WithDbAsync(db =>
        {
            db.AdvocateProducts.Add(new Endorse.Advocates.AdvocateProduct { AdvocateId = advocateId, ProductId = product });
            return db.SaveChangesAsync();
        });

        var unknown = await manager.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(5), productIds = new[] { product, 987_654 }, sectorId = 876_543 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.ReadJsonAsync())["errors"]!;
        Assert.Equal("No product has the id 987654.", (string?)errors["ProductIds"]![0]);
        Assert.Equal("No sector has this id.", (string?)errors["SectorId"]![0]);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReferenceRequests.CountAsync()));

        var created = await manager.PostJsonAsync("/api/v1/requests", new
        {
            prospectName = "Globex",
            activityType = "ReferenceCall",
            neededBy = RequestTestData.Today.AddDays(5),
            productIds = new[] { product, otherProduct },
            sectorId = sector,
            sizeBand = "Enterprise",
            minimumSeniority = "Director",
            language = " English ",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.ReadJsonAsync();
        Assert.Equal(["Ledger Cloud", "Payroll Suite"], request["productNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("Healthcare", (string?)request["sectorName"]);
        Assert.Equal("Enterprise", (string?)request["sizeBand"]);
        Assert.Equal("Director", (string?)request["minimumSeniority"]);
        Assert.Equal("en", (string?)request["language"]);

        var ranked = Assert.Single((await MatchesAsync(manager, (int)request["id"]!))["results"]!.AsArray(), r => (int)r!["advocateId"]! == advocateId)!;
        var factors = ranked["factors"]!.AsArray().ToDictionary(f => (string)f!["factor"]!, f => (string)f!["explanation"]!);
        Assert.Equal("Owns 1 of the 2 products asked for.", factors["Product"]);
        Assert.Equal("A different sector.", factors["Sector"]);
        Assert.Equal("Does not speak English.", factors["Language"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_proposal_respects_the_needed_count_the_profile_and_the_fatigue_policy(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (first, _, _) = await app.AddAdvocateAsync();
        var (second, _, _) = await app.AddAdvocateAsync();
        var (never, _, _) = await app.AddAdvocateAsync();
        var (noCalls, _, _) = await app.AddAdvocateAsync();
        await app.WithDbAsync(async db =>
        {
            await db.Advocates.Where(a => a.Id == never).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Endorse.Advocates.AdvocateStatus.DoNotContact));
            return await db.Advocates.Where(a => a.Id == noCalls).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActivityTypes, Endorse.Advocates.ActivityTypeSet.Bit(Endorse.Advocates.ActivityType.CaseStudyUse)));
        });
        var id = await SubmitAsync(manager, new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(10) });

        // How many the request still takes depends on what it holds now: a 409 saying so.
        var tooMany = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { first, second } });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Equal("This request needs 1 advocate and has 0: pick at most 1 more.", (string?)(await tooMany.ReadJsonAsync())["detail"]);

        var blocked = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { never } });
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Contains("Ada Advocate cannot be proposed: Marked do-not-contact.", Messages(await blocked.ReadJsonAsync()));

        var wrongActivity = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { noCalls } });
        Assert.Equal(HttpStatusCode.BadRequest, wrongActivity.StatusCode);
        Assert.Contains("Ada Advocate cannot be proposed: does not do reference calls.", Messages(await wrongActivity.ReadJsonAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestParticipants.CountAsync()));

        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { first } })).StatusCode);
        var full = await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { second } });
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("This request already has the 1 advocate it needs.", (string?)(await full.ReadJsonAsync())["detail"]);
        var details = await (await manager.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.Equal(0, (int)details["stillNeeded"]!);

        // The approach is cancelled: a place is free again.
        var pid = (int)details["participants"]![0]!["id"]!;
        await manager.PostAsync($"/api/v1/requests/{id}/participants/{pid}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { second } })).StatusCode);
    }

    private static async Task<int> SubmitAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (int)(await response.ReadJsonAsync())["id"]!;
    }

    private static async Task<JsonNode> MatchesAsync(HttpClient client, int requestId)
    {
        var response = await client.GetAsync($"/api/v1/requests/{requestId}/matches?top=50");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static bool IsRankedFreeNow(JsonNode ranking, int advocateId) =>
        ranking["results"]!.AsArray().Any(r => (int)r!["advocateId"]! == advocateId && (bool)r["availableNow"]!);

    private static string FeedbackFactor(JsonNode ranking, int advocateId) =>
        (string)ranking["results"]!.AsArray().Single(r => (int)r!["advocateId"]! == advocateId)!["factors"]!.AsArray().Single(f => (string)f!["factor"]! == "Feedback")!["explanation"]!;

    private static List<string> Messages(JsonNode problem) =>
        [.. problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => (string)m!))];
}
