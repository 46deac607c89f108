using System.Net;
using System.Text.Json;
using Endorse.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Accounts;

public class AccountsApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_list_searches_filters_sorts_and_pages(string database)
    {
        await using var app = new EndorseApp(database);
        var health = await app.AddSectorAsync("Healthcare");
        var banking = await app.AddSectorAsync("Banking");
        await app.AddAccountAsync("Ácme Hospital", a => { a.SectorId = health; a.CustomerSince = new DateOnly(2019, 1, 1); a.DisclosurePermission = DisclosurePermission.NamedPublic; });
        await app.AddAccountAsync("Acme Bank", a => { a.SectorId = banking; a.CustomerSince = new DateOnly(2021, 1, 1); });
        await app.AddAccountAsync("Beta Clinic", a => { a.SectorId = health; a.CustomerSince = new DateOnly(2020, 1, 1); a.Employees = 50_000; });
        for (var i = 0; i < 12; i++)
        {
            await app.AddAccountAsync($"Zeta {i:00}");
        }

        var client = await app.ClientForAsync(Roles.Marketing);

        var search = await (await client.GetAsync("/api/v1/accounts?search=ACME")).ReadJsonAsync();
        Assert.Equal(["Acme Bank", "Ácme Hospital"], CustomerTestData.Names(search));
        Assert.Equal(2, search["total"]!.GetValue<int>());

        var filtered = await (await client.GetAsync($"/api/v1/accounts?sectorId={health}&sort=customerSince&desc=true")).ReadJsonAsync();
        Assert.Equal(["Beta Clinic", "Ácme Hospital"], CustomerTestData.Names(filtered));
        Assert.Equal("Healthcare", filtered["items"]![0]!["sector"]!.GetValue<string>());

        var disclosure = await (await client.GetAsync("/api/v1/accounts?disclosure=NamedPublic")).ReadJsonAsync();
        Assert.Equal(["Ácme Hospital"], CustomerTestData.Names(disclosure));
        var size = await (await client.GetAsync("/api/v1/accounts?sizeBand=Enterprise")).ReadJsonAsync();
        Assert.Equal(["Beta Clinic"], CustomerTestData.Names(size));

        var page2 = await (await client.GetAsync("/api/v1/accounts?page=2&pageSize=10")).ReadJsonAsync();
        Assert.Equal(15, page2["total"]!.GetValue<int>());
        Assert.False(page2["totalIsCapped"]!.GetValue<bool>());
        Assert.Equal(["Zeta 07", "Zeta 08", "Zeta 09", "Zeta 10", "Zeta 11"], CustomerTestData.Names(page2));

        var badSort = await client.GetAsync("/api/v1/accounts?sort=website");
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.NotNull((await badSort.ReadJsonAsync())["errors"]!["sort"]);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_count_stops_at_ten_thousand(string database)
    {
        await using var app = new EndorseApp(database);
        await app.WithDbAsync(async db =>
        {
            db.AuditEachChange = false;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Accounts.AddRange(Enumerable.Range(0, 10_005).Select(i => new Account { Name = $"Bulk {i:00000}" }));
            return await db.SaveChangesAsync();
        });
        var client = await app.ClientForAsync(Roles.Executive);

        var page = await (await client.GetAsync("/api/v1/accounts?pageSize=5")).ReadJsonAsync();

        Assert.Equal(10_000, page["total"]!.GetValue<int>());
        Assert.True(page["totalIsCapped"]!.GetValue<bool>());
        Assert.Equal(5, page["items"]!.AsArray().Count);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Create_update_and_delete_are_audited_with_before_and_after(string database)
    {
        await using var app = new EndorseApp(database);
        var sector = await app.AddSectorAsync("Retail");
        var product = await app.AddProductAsync("Ledger Cloud");
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var created = await client.PostJsonAsync("/api/v1/accounts", new
        {
            name = "Northwind",
            sectorId = sector,
            satisfactionKind = "Nps",
            satisfactionScore = 40,
            disclosurePermission = "NamedCallsOnly",
            products = new[] { new { productId = product, goLiveOn = "2024-03-01" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var account = await created.ReadJsonAsync();
        var id = account["id"]!.GetValue<int>();
        Assert.Equal($"/api/v1/accounts/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Retail", account["sector"]!.GetValue<string>());
        Assert.Equal("Ledger Cloud", account["products"]![0]!["productName"]!.GetValue<string>());
        Assert.Equal("2024-03-01", account["products"]![0]!["goLiveOn"]!.GetValue<string>());

        var updated = await client.PutJsonAsync($"/api/v1/accounts/{id}", new
        {
            name = "Northwind Traders",
            sectorId = sector,
            satisfactionKind = "Nps",
            satisfactionScore = 55,
            disclosurePermission = "NamedPublic",
            products = Array.Empty<object>(),
            updatedAt = account["updatedAt"]!.GetValue<DateTimeOffset>(),
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.ReadJsonAsync();
        Assert.Equal("Northwind Traders", after["name"]!.GetValue<string>());
        Assert.Empty(after["products"]!.AsArray());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Account" && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Created", "ProductsChanged", "ProductsChanged", "Updated"], audit.Select(e => e.Action).Order().ToArray());
        var update = audit.Single(e => e.Action == "Updated");
        using (var changes = JsonDocument.Parse(update.Changes!))
        {
            Assert.Equal("Northwind", changes.RootElement.GetProperty("Name").GetProperty("from").GetString());
            Assert.Equal("Northwind Traders", changes.RootElement.GetProperty("Name").GetProperty("to").GetString());
            Assert.Equal(40, changes.RootElement.GetProperty("SatisfactionScore").GetProperty("from").GetInt32());
            Assert.Equal(55, changes.RootElement.GetProperty("SatisfactionScore").GetProperty("to").GetInt32());
        }

        Assert.NotNull(update.UserId);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{id}")).StatusCode);
        var deleted = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Account" && e.EntityId == id.ToString() && e.Action == "Deleted"));
        Assert.Contains("Northwind Traders", deleted.Changes!, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_sales_rep_changes_only_accounts_they_own(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var otherRep = await app.CreateUserAsync(Roles.SalesRep);
        var client = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var own = await app.AddAccountAsync("Own Co", a => a.OwnerId = rep.Id);
        var theirs = await app.AddAccountAsync("Their Co", a => a.OwnerId = otherRep.Id);

        var theirsRead = await (await client.GetAsync($"/api/v1/accounts/{theirs}")).ReadJsonAsync();
        var forbidden = await client.PutJsonAsync($"/api/v1/accounts/{theirs}", new { name = "Mine now", updatedAt = theirsRead["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/accounts/{theirs}")).StatusCode);
        Assert.Equal("Their Co", (await (await client.GetAsync($"/api/v1/accounts/{theirs}")).ReadJsonAsync())["name"]!.GetValue<string>());

        var ownRead = await (await client.GetAsync($"/api/v1/accounts/{own}")).ReadJsonAsync();
        var allowed = await client.PutJsonAsync($"/api/v1/accounts/{own}", new { name = "Own Co Renamed", ownerId = rep.Id, updatedAt = ownRead["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        // A new account of a rep is theirs; one for another owner is refused.
        var created = await (await client.PostJsonAsync("/api/v1/accounts", new { name = "Fresh Co" })).ReadJsonAsync();
        Assert.Equal(rep.Id, created["ownerId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/accounts", new { name = "Gift Co", ownerId = otherRep.Id })).StatusCode);

        var mine = await (await client.GetAsync("/api/v1/accounts?ownerId=me")).ReadJsonAsync();
        Assert.Equal(["Fresh Co", "Own Co Renamed"], CustomerTestData.Names(mine));

        var marketing = await app.ClientForAsync(Roles.Marketing);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PostJsonAsync("/api/v1/accounts", new { name = "Nope" })).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_sales_manager_changes_accounts_in_their_sales_area_only(string database)
    {
        await using var app = new EndorseApp(database);
        var north = await app.AddSalesAreaAsync("North");
        var south = await app.AddSalesAreaAsync("South");
        var manager = await app.CreateUserAsync(Roles.SalesManager, salesAreaId: north);
        var client = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));
        var inArea = await app.AddAccountAsync("Northern Co", a => a.SalesAreaId = north);
        var outside = await app.AddAccountAsync("Southern Co", a => a.SalesAreaId = south);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/accounts/{inArea}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/accounts/{outside}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_answers_400_with_field_errors_and_writes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);

        async Task<JsonElement> ExpectFieldErrorAsync(HttpResponseMessage response, string field)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem.RootElement}");
            return messages.Clone();
        }

        await ExpectFieldErrorAsync(await client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/accounts", """{ "name": "Typed", "employees": "many" }"""), "employees");
        await ExpectFieldErrorAsync(await client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/accounts", """{ "name": "Typed", "disclosurePermission": "Bogus" }"""), "disclosurePermission");
        await ExpectFieldErrorAsync(await client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/accounts", """{ "name": "Typed", "disclosurePermission": 2 }"""), "disclosurePermission");
        await ExpectFieldErrorAsync(await client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/accounts", """{ "name": "Broken" """), "body");
        var tooLong = await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = new string('n', 300) }), "name");
        Assert.Contains("255", tooLong[0].GetString()!, StringComparison.Ordinal);
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = "Happy", satisfactionKind = "Nps", satisfactionScore = 101 }), "satisfactionScore");
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = "Happy", satisfactionKind = "Csat", satisfactionScore = -1 }), "satisfactionScore");
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = "Dates", contractSignedOn = "2024-05-01", renewalOn = "2024-04-01" }), "renewalOn");
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = "Sector", sectorId = 999 }), "sectorId");
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = "Product", products = new[] { new { productId = 999 } } }), "products[0].productId");
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = "Web", website = "not a website" }), "website");
        await ExpectFieldErrorAsync(await client.PostJsonAsync("/api/v1/accounts", new { name = " " }), "name");

        Assert.Equal(0, await app.CountAccountsAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Account")));

        var existing = await app.AddAccountAsync("Stays");
        var read = await (await client.GetAsync($"/api/v1/accounts/{existing}")).ReadJsonAsync();
        await ExpectFieldErrorAsync(await client.PutJsonAsync($"/api/v1/accounts/{existing}", new { name = new string('x', 300), updatedAt = read["updatedAt"]!.GetValue<DateTimeOffset>() }), "name");
        await ExpectFieldErrorAsync(await client.PutJsonAsync($"/api/v1/accounts/{existing}", new { name = "No version" }), "updatedAt");
        Assert.Equal("Stays", (await (await client.GetAsync($"/api/v1/accounts/{existing}")).ReadJsonAsync())["name"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_name_with_a_script_tag_is_stored_and_returned_verbatim(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.CustomerSuccess);
        const string name = "<script>alert(1)</script>";

        var created = await client.PostJsonAsync("/api/v1/accounts", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<int>();

        Assert.Equal(name, await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
        var read = await client.GetAsync($"/api/v1/accounts/{id}");
        Assert.Equal("application/json", read.Content.Headers.ContentType!.MediaType);
        Assert.Equal(name, (await read.ReadJsonAsync())["name"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_stale_update_answers_409_and_changes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var product = await app.AddProductAsync("Insight");
        var id = await app.AddAccountAsync("Contoso");
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var read = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        var version = read["updatedAt"]!.GetValue<DateTimeOffset>();

        // Only the products change: that too moves the version on.
        var first = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { name = "Contoso", products = new[] { new { productId = product } }, updatedAt = version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { name = "Contoso Ltd", updatedAt = version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);

        var now = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        Assert.Equal("Contoso", now["name"]!.GetValue<string>());
        Assert.Single(now["products"]!.AsArray());

        var retry = await client.PutJsonAsync($"/api/v1/accounts/{id}", new { name = "Contoso Ltd", updatedAt = now["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_csv_export_streams_every_matching_row(string database)
    {
        await using var app = new EndorseApp(database);
        var sector = await app.AddSectorAsync("Energy");
        await app.AddAccountAsync("Volt, Inc.", a => { a.SectorId = sector; a.Country = "Norway"; });
        await app.AddAccountAsync("Amp AS", a => a.SectorId = sector);
        await app.AddAccountAsync("Other");
        for (var i = 0; i < 30; i++)
        {
            await app.AddAccountAsync($"Watt {i:00}", a => a.SectorId = sector);
        }

        var client = await app.ClientForAsync(Roles.Executive);

        var response = await client.GetAsync($"/api/v1/accounts/export.csv?sectorId={sector}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("accounts.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("Id,Name,Country,Sector,", lines[0], StringComparison.Ordinal);
        Assert.Equal(33, lines.Length);
        Assert.Contains("Amp AS", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Volt, Inc.\",Norway,Energy", lines[2], StringComparison.Ordinal);
        Assert.Contains("Watt 29", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Other", StringComparison.Ordinal));
    }
}
