using System.Net;
using System.Text.Json.Nodes;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Advocates;

/// <summary>Blackout ranges saved through the advocate service (validated, audited), and the bulk enrolment report.</summary>
public class AdvocateBlackoutAndBulkTests
{
    private static readonly string[] ReferenceCalls = ["ReferenceCall"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Overlapping_or_reversed_blackouts_are_refused_and_change_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme");
        var contact = await app.AddContactAsync(account, "Ada", "Lovelace");
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var holiday = new { from = Today.AddDays(10), to = Today.AddDays(20), reason = "Holiday" };
        var id = (await (await client.PostJsonAsync("/api/v1/advocates", new { contactId = contact, blackouts = new[] { holiday } })).ReadJsonAsync())["id"]!.GetValue<int>();

        var overlapping = await client.PutJsonAsync($"/api/v1/advocates/{id}", new
        {
            maxActivitiesPerQuarter = 1,
            blackouts = new[] { holiday, new { from = Today.AddDays(15), to = Today.AddDays(25), reason = "Quarter end" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        var message = (await overlapping.ReadJsonAsync())["errors"]!["blackouts[1]"]![0]!.GetValue<string>();
        Assert.Contains($"overlaps the one from {Date(Today.AddDays(10))} to {Date(Today.AddDays(20))}", message, StringComparison.Ordinal);

        var reversed = await client.PutJsonAsync($"/api/v1/advocates/{id}", new { blackouts = new[] { new { from = Today.AddDays(40), to = Today.AddDays(30), reason = "" } } });
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("end on or after", (await reversed.ReadJsonAsync())["errors"]!["blackouts[0]"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Nothing changed: the one blackout and no personal cap.
        var advocate = await (await client.GetAsync($"/api/v1/advocates/{id}")).ReadJsonAsync();
        Assert.Single(advocate["blackouts"]!.AsArray());
        Assert.Null(advocate["maxActivitiesPerQuarter"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Changed_blackouts_and_preferences_are_saved_in_order_and_audited_with_who_and_what(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme");
        var contact = await app.AddContactAsync(account, "Ada", "Lovelace");
        var manager = await app.CreateUserAsync(Roles.ReferenceManager, "refs@test.example");
        var client = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));
        var id = (await (await client.PostJsonAsync("/api/v1/advocates", new { contactId = contact, activityTypes = ReferenceCalls })).ReadJsonAsync())["id"]!.GetValue<int>();

        var later = new { from = Today.AddDays(60), to = Today.AddDays(65), reason = "Conference" };
        var sooner = new { from = Today.AddDays(10), to = Today.AddDays(20), reason = "Holiday" };
        var saved = await client.PutJsonAsync($"/api/v1/advocates/{id}", new
        {
            activityTypes = ReferenceCalls,
            maxActivitiesPerQuarter = 1,
            preferredChannel = "Phone",
            blackouts = new[] { later, sooner },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var advocate = await saved.ReadJsonAsync();
        Assert.Equal(["Holiday", "Conference"], advocate["blackouts"]!.AsArray().Select(b => b!["reason"]!.GetValue<string>()));
        Assert.Equal(1, advocate["maxActivitiesPerQuarter"]!.GetValue<int>());
        Assert.Equal("Phone", advocate["preferredChannel"]!.GetValue<string>());

        // The blackout today..+5 also blocks the advocate now, and the gauge's limit is the advocate's own cap of 1.
        var blocked = await client.PutJsonAsync($"/api/v1/advocates/{id}", new
        {
            activityTypes = ReferenceCalls,
            maxActivitiesPerQuarter = 1,
            preferredChannel = "Phone",
            blackouts = new[] { new { from = Today, to = Today.AddDays(5), reason = "Busy" } },
        });
        var gauge = (await blocked.ReadJsonAsync())["gauge"]!;
        Assert.Contains(gauge["blocks"]!.AsArray(), b => b!.GetValue<string>().StartsWith($"In a blackout from {Date(Today)} to {Date(Today.AddDays(5))}", StringComparison.Ordinal));

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Advocate" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "Updated")
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(manager.Id, e.UserId));
        var first = JsonNode.Parse(entries[0].Changes!)!;
        Assert.Null(first["Blackouts"]!["from"]);
        Assert.Equal($"{Date(Today.AddDays(10))} to {Date(Today.AddDays(20))} (Holiday); {Date(Today.AddDays(60))} to {Date(Today.AddDays(65))} (Conference)", first["Blackouts"]!["to"]!.GetValue<string>());
        Assert.Equal(1, first["MaxActivitiesPerQuarter"]!["to"]!.GetValue<int>());
        var second = JsonNode.Parse(entries[1].Changes!)!;
        Assert.Equal($"{Date(Today)} to {Date(Today.AddDays(5))} (Busy)", second["Blackouts"]!["to"]!.GetValue<string>());
        Assert.Null(second["MaxActivitiesPerQuarter"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bulk_enrolment_reports_enrolled_already_advocates_and_skipped_with_names(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme");
        var product = await app.AddProductAsync("Ledger");
        var ada = await app.AddContactAsync(account, "Ada", "Lovelace");
        var alan = await app.AddContactAsync(account, "Alan", "Turing");
        var grace = await app.AddContactAsync(account, "Grace", "Hopper");
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var existing = (await (await client.PostJsonAsync("/api/v1/advocates", new { contactId = ada })).ReadJsonAsync())["id"]!.GetValue<int>();

        var response = await client.PostJsonAsync("/api/v1/advocates/bulk", new
        {
            contactIds = new[] { ada, alan, grace, alan, 99999 },
            initialStatus = "Active",
            profile = new { activityTypes = ReferenceCalls, languages = "English, French", productIds = new[] { product } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(["Alan Turing", "Grace Hopper"], report["enrolled"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        var already = Assert.Single(report["alreadyEnrolled"]!.AsArray());
        Assert.Equal("Ada Lovelace", already!["name"]!.GetValue<string>());
        Assert.Equal(existing, already["advocateId"]!.GetValue<int>());
        var skipped = Assert.Single(report["skipped"]!.AsArray());
        Assert.Equal(99999, skipped!["contactId"]!.GetValue<int>());
        Assert.Equal("There is no such contact.", skipped["reason"]!.GetValue<string>());

        // The new advocates start Active with the profile, and their history says so; Ada is left a Candidate.
        var alanId = report["enrolled"]![0]!["advocateId"]!.GetValue<int>();
        var alanPage = await (await client.GetAsync($"/api/v1/advocates/{alanId}")).ReadJsonAsync();
        Assert.Equal("Active", alanPage["status"]!.GetValue<string>());
        Assert.Equal("en,fr", alanPage["languages"]!.GetValue<string>());
        Assert.Equal("Ledger", alanPage["products"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Active", alanPage["history"]![0]!["to"]!.GetValue<string>());
        Assert.Equal("Candidate", (await (await client.GetAsync($"/api/v1/advocates/{existing}")).ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Advocate" && e.Action == "Created" && e.Changes!.Contains("Ledger"))));

        var retired = await client.PostJsonAsync("/api/v1/advocates/bulk", new { contactIds = new[] { grace }, initialStatus = "Retired" });
        Assert.Equal(HttpStatusCode.BadRequest, retired.StatusCode);
        Assert.NotNull((await retired.ReadJsonAsync())["errors"]!["initialStatus"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_sales_rep_may_not_bulk_enrol_even_at_accounts_they_own(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep, "rep@test.example");
        var own = await app.AddAccountAsync("Own", a => a.OwnerId = rep.Id);
        var other = await app.AddAccountAsync("Other");
        var mine = await app.AddContactAsync(own, "Ada", "Lovelace");
        var theirs = await app.AddContactAsync(other, "Alan", "Turing");
        var client = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));

        // Only the reference team enrols (directly or in bulk); reps nominate.
        var refused = await client.PostJsonAsync("/api/v1/advocates/bulk", new { contactIds = new[] { mine, theirs } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Advocates.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_contact_list_narrows_by_the_accounts_sector_region_product_and_by_not_yet_advocates(string database)
    {
        await using var app = new EndorseApp(database);
        var banking = await app.AddSectorAsync("Banking");
        var retail = await app.AddSectorAsync("Retail");
        var emea = await app.WithDbAsync(async db =>
        {
            var region = new Endorse.Taxonomy.Region { Name = "EMEA" };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            return region.Id;
        });
        var ledger = await app.AddProductAsync("Ledger");
        var bank = await app.AddAccountAsync("Bank", a =>
        {
            a.SectorId = banking;
            a.RegionId = emea;
            a.Products.Add(new AccountProduct { ProductId = ledger });
        });
        var shop = await app.AddAccountAsync("Shop", a => a.SectorId = retail);
        var ada = await app.AddContactAsync(bank, "Ada", "Lovelace");
        var alan = await app.AddContactAsync(bank, "Alan", "Turing");
        var grace = await app.AddContactAsync(shop, "Grace", "Hopper");
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        await client.PostJsonAsync("/api/v1/advocates", new { contactId = ada });

        async Task<int[]> IdsAsync(string query) =>
            (await (await client.GetAsync("/api/v1/contacts?" + query)).ReadJsonAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).Order().ToArray();

        Assert.Equal([ada, alan], await IdsAsync($"sectorId={banking}"));
        Assert.Equal([grace], await IdsAsync($"sectorId={retail}"));
        Assert.Equal([ada, alan], await IdsAsync($"regionId={emea}"));
        Assert.Equal([ada, alan], await IdsAsync($"productId={ledger}"));
        Assert.Equal([alan, grace], await IdsAsync("notAdvocates=true"));
        Assert.Equal([alan], await IdsAsync($"notAdvocates=true&productId={ledger}&search=tur"));
    }

    private static string Date(DateOnly date) => Endorse.Fatigue.FatigueText.Date(date);
}
