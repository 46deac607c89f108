using System.Net;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Advocates;

public class AdvocatesApiTests
{
    private static readonly string[] CallAndReview = ["ReferenceCall", "PeerReview"];
    private static readonly string[] SiteVisits = ["SiteVisit"];
    private static readonly string[] ReferenceCalls = ["ReferenceCall"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_contact_is_enrolled_once_and_status_changes_keep_a_history(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Quiet Corp", a => a.DisclosurePermission = DisclosurePermission.NoPublicity);
        var contact = await app.AddContactAsync(account, "Marie", "Curie");
        var product = await app.AddProductAsync("Ledger");
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var enrolled = await client.PostJsonAsync("/api/v1/advocates", new
        {
            contactId = contact,
            activityTypes = CallAndReview,
            productIds = new[] { product },
            languages = "English, German",
            topics = "<script>alert(1)</script>",
            maxActivitiesPerQuarter = 2,
            blackouts = new[] { new { from = Today.AddDays(30), to = Today.AddDays(40), reason = "Holiday" } },
            preferredChannel = "VideoCall",
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var advocate = await enrolled.ReadJsonAsync();
        var id = advocate["id"]!.GetValue<int>();
        Assert.Equal("Candidate", advocate["status"]!.GetValue<string>());
        Assert.Equal(["ReferenceCall", "PeerReview"], advocate["activityTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Ledger", advocate["products"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("en,de", advocate["languages"]!.GetValue<string>());
        Assert.Equal("<script>alert(1)</script>", advocate["topics"]!.GetValue<string>());
        Assert.Equal("Quiet Corp", advocate["accountName"]!.GetValue<string>());

        // The no-publicity account can be enrolled but shows its gate.
        var gates = advocate["gates"]!.AsArray();
        Assert.Contains(gates, g => g!["reason"]!.GetValue<string>() == "NoPublicity" && g["message"]!.GetValue<string>() == "The account has a no-publicity policy.");

        var twice = await client.PostJsonAsync("/api/v1/advocates", new { contactId = contact });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("already enrolled", (await twice.ReadJsonAsync())["errors"]!["contactId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Advocates.CountAsync()));

        var noDate = await client.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Resting" });
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.NotNull((await noDate.ReadJsonAsync())["errors"]!["restingUntil"]);

        var unknown = await client.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/advocates/{id}/status", """{"status":"Sleeping"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active", reason = "Confirmed on a call" })).StatusCode);
        var resting = await client.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Resting", restingUntil = Today.AddDays(60), reason = "Busy quarter" });
        Assert.Equal(HttpStatusCode.OK, resting.StatusCode);
        var after = await resting.ReadJsonAsync();
        Assert.Equal("Resting", after["status"]!.GetValue<string>());
        Assert.Equal(Today.AddDays(60), DateOnly.Parse(after["restingUntil"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var history = after["history"]!.AsArray();
        Assert.Equal(3, history.Count);
        Assert.Equal("Active", history[0]!["from"]!.GetValue<string>());
        Assert.Equal("Resting", history[0]!["to"]!.GetValue<string>());
        Assert.Equal("Busy quarter", history[0]!["reason"]!.GetValue<string>());
        Assert.Equal("ReferenceManager user", history[0]!["byName"]!.GetValue<string>());
        Assert.Null(history[2]!["from"]);
        Assert.Equal("Candidate", history[2]!["to"]!.GetValue<string>());

        var forever = await (await client.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Resting", untilFurtherNotice = true })).ReadJsonAsync();
        Assert.Null(forever["restingUntil"]);
        Assert.Contains(forever["gauge"]!["blocks"]!.AsArray(), b => b!.GetValue<string>() == "Resting until further notice.");

        var list = await (await client.GetAsync("/api/v1/advocates?search=cur&status=Resting&activityType=PeerReview")).ReadJsonAsync();
        Assert.Equal(1, list["total"]!.GetValue<int>());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/advocates?activityType=SiteVisit")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal(1, (await (await client.GetAsync($"/api/v1/advocates?productId={product}&accountId={account}")).ReadJsonAsync())["total"]!.GetValue<int>());
        Assert.Equal(0, (await (await client.GetAsync("/api/v1/advocates?search=zz")).ReadJsonAsync())["total"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bulk_enrolment_skips_enrolled_and_unknown_contacts(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme");
        var a = await app.AddContactAsync(account, "Ada", "Lovelace");
        var b = await app.AddContactAsync(account, "Alan", "Turing");
        var c = await app.AddContactAsync(account, "Grace", "Hopper");
        var client = await app.ClientForAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/advocates", new { contactId = a })).StatusCode);

        var response = await client.PostJsonAsync("/api/v1/advocates/bulk", new { contactIds = new[] { a, b, c, 99999 }, profile = new { activityTypes = SiteVisits } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal([b, c], result["enrolled"]!.AsArray().Select(e => e!["contactId"]!.GetValue<int>()).Order());
        Assert.Equal([a], result["alreadyEnrolled"]!.AsArray().Select(e => e!["contactId"]!.GetValue<int>()));
        Assert.Equal([99999], result["skipped"]!.AsArray().Select(e => e!["contactId"]!.GetValue<int>()));

        var page = await (await client.GetAsync("/api/v1/advocates?activityType=SiteVisit")).ReadJsonAsync();
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal(3, await app.WithDbAsync(db => db.AdvocateStatusChanges.CountAsync()));

        var empty = await client.PostJsonAsync("/api/v1/advocates/bulk", new { contactIds = Array.Empty<int>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_gauge_counts_the_activities_of_the_window_and_gives_the_next_free_date(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme", a => a.DisclosurePermission = DisclosurePermission.NamedPublic);
        var contact = await app.AddContactAsync(account, "Ada", "Lovelace");
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var id = (await (await client.PostJsonAsync("/api/v1/advocates", new { contactId = contact, activityTypes = ReferenceCalls })).ReadJsonAsync())["id"]!.GetValue<int>();
        await client.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active" });
        await app.WithDbAsync(async db =>
        {
            db.AdvocacyActivities.AddRange(
                new AdvocacyActivity { AdvocateId = id, AccountId = account, ActivityType = ActivityType.SiteVisit, OccurredOn = Today.AddDays(-10), State = AdvocacyActivityState.Completed },
                new AdvocacyActivity { AdvocateId = id, AccountId = account, ActivityType = ActivityType.PeerReview, OccurredOn = Today.AddDays(-40), State = AdvocacyActivityState.Completed },
                new AdvocacyActivity { AdvocateId = id, AccountId = account, ActivityType = ActivityType.SiteVisit, OccurredOn = Today.AddDays(-5), State = AdvocacyActivityState.Cancelled },
                new AdvocacyActivity { AdvocateId = id, AccountId = account, ActivityType = ActivityType.SiteVisit, OccurredOn = Today.AddDays(-200), State = AdvocacyActivityState.Completed });
            return await db.SaveChangesAsync();
        });

        var advocate = await (await client.GetAsync($"/api/v1/advocates/{id}")).ReadJsonAsync();
        var gauge = advocate["gauge"]!;
        Assert.Equal(2, gauge["used"]!.GetValue<int>());
        Assert.Equal(3, gauge["allowed"]!.GetValue<int>());
        Assert.Equal(90, gauge["windowDays"]!.GetValue<int>());

        // The default 14-day cool-down after the activity 10 days ago ends in 5 days.
        Assert.Equal(Today.AddDays(5), DateOnly.Parse(gauge["nextFreeOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(advocate["gates"]!.AsArray());

        // The timeline lists every activity, newest first.
        var timeline = advocate["timeline"]!.AsArray();
        Assert.Equal(4, timeline.Count);
        Assert.Equal("Cancelled", timeline[0]!["state"]!.GetValue<string>());
        Assert.Equal(Today.AddDays(-200), DateOnly.Parse(timeline[3]!["occurredOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_open_escalation_shows_as_a_readiness_gate(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Stormy", a => a.OpenEscalations = 2);
        var contact = await app.AddContactAsync(account, "Ada", "Lovelace");
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var id = (await (await client.PostJsonAsync("/api/v1/advocates", new { contactId = contact })).ReadJsonAsync())["id"]!.GetValue<int>();
        await client.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active" });

        var advocate = await (await client.GetAsync($"/api/v1/advocates/{id}")).ReadJsonAsync();
        var gate = Assert.Single(advocate["gates"]!.AsArray());
        Assert.Equal("OpenEscalation", gate!["reason"]!.GetValue<string>());
        Assert.Equal("The account has 2 open service escalations.", gate["message"]!.GetValue<string>());
        Assert.Null(advocate["gauge"]!["nextFreeOn"]);
        Assert.Equal(2, advocate["openEscalations"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Writes_need_the_right_role_and_reps_edit_only_their_own_accounts_advocates(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var own = await app.AddAccountAsync("Own", a => a.OwnerId = rep.Id);
        var other = await app.AddAccountAsync("Other");
        var ownContact = await app.AddContactAsync(own, "Ada", "Lovelace");
        var otherContact = await app.AddContactAsync(other, "Alan", "Turing");

        var marketing = await app.ClientForAsync(Roles.Marketing);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PostJsonAsync("/api/v1/advocates", new { contactId = ownContact })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PostJsonAsync("/api/v1/advocates/bulk", new { contactIds = new[] { ownContact } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketing.GetAsync("/api/v1/advocates")).StatusCode);

        // Only the reference team enrols: a rep is refused even at their own account (they nominate instead).
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostJsonAsync("/api/v1/advocates", new { contactId = otherContact })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostJsonAsync("/api/v1/advocates", new { contactId = ownContact })).StatusCode);
        var created = await (await app.ClientForAsync(Roles.ReferenceManager)).PostJsonAsync("/api/v1/advocates", new { contactId = ownContact });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<int>();

        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PutJsonAsync($"/api/v1/advocates/{id}", new { activityTypes = SiteVisits })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await repClient.PutJsonAsync("/api/v1/advocates/99999", new { })).StatusCode);

        var updated = await repClient.PutJsonAsync($"/api/v1/advocates/{id}", new { activityTypes = SiteVisits, maxActivitiesPerQuarter = 1, blackouts = new[] { new { from = Today.AddDays(5), to = Today } } });
        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        Assert.NotNull((await updated.ReadJsonAsync())["errors"]!["blackouts[0]"]);
        updated = await repClient.PutJsonAsync($"/api/v1/advocates/{id}", new { activityTypes = SiteVisits, maxActivitiesPerQuarter = 1 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(1, (await updated.ReadJsonAsync())["maxActivitiesPerQuarter"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PutJsonAsync("/api/v1/program-settings/fatigue-policy", new { coolDownDays = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PutJsonAsync("/api/v1/program-settings/match-weights", new { product = 1 })).StatusCode);
    }
}
