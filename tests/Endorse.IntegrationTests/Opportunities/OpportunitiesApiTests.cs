using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Endorse.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Opportunities;
using Endorse.Products;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Opportunities;

public class OpportunitiesApiTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Creates_reads_updates_and_deletes_an_opportunity_with_its_account_and_product_names(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var (accountId, productId) = await SeedAccountAndProductAsync(app, ownerId: null);

        var created = await client.PostAsJsonAsync("/api/v1/opportunities", new
        {
            name = "Voltaic expansion",
            accountId,
            productId,
            stage = "Proposal",
            amount = 120000.50m,
            currency = "eur",
            closeDate = "2026-12-15",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var opportunity = (await created.Content.ReadFromJsonAsync<OpportunityDetails>(Json))!;
        Assert.Equal("Voltaic", opportunity.AccountName);
        Assert.Equal("Grid Insight", opportunity.ProductName);
        Assert.Equal("EUR", opportunity.Currency);
        Assert.Equal(120000.50m, opportunity.Amount);

        var updated = await client.PutAsJsonAsync($"/api/v1/opportunities/{opportunity.Id}", new
        {
            name = "Voltaic expansion",
            accountId,
            productId,
            stage = "Closed Won",
            amount = 130000m,
            currency = "EUR",
            closeDate = "2026-12-20",
            isClosed = true,
            isWon = true,
            updatedAt = opportunity.UpdatedAt,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var stale = await client.PutAsJsonAsync($"/api/v1/opportunities/{opportunity.Id}", new
        {
            name = "Old view",
            closeDate = "2026-12-20",
            updatedAt = opportunity.UpdatedAt,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var read = await client.GetFromJsonAsync<OpportunityDetails>($"/api/v1/opportunities/{opportunity.Id}", Json);
        Assert.True(read!.IsWon);
        Assert.Equal(130000m, read.Amount);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{opportunity.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/opportunities/{opportunity.Id}")).StatusCode);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Opportunity").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "Updated", "Deleted"], actions);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_list_filters_by_search_account_owner_product_status_and_close_date_and_sorts_newest_first(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Executive);
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var (accountId, productId) = await SeedAccountAndProductAsync(app, ownerId: null);
        await app.WithDbAsync(async db =>
        {
            db.Opportunities.AddRange(
                new Opportunity { Name = "Alpha renewal", AccountId = accountId, CloseDate = new DateOnly(2026, 1, 10), IsClosed = true, IsWon = true, OwnerId = owner.Id },
                new Opportunity { Name = "Alpine upsell", AccountId = accountId, ProductId = productId, CloseDate = new DateOnly(2026, 3, 5) },
                new Opportunity { Name = "Beta pilot", CloseDate = new DateOnly(2026, 2, 1), IsClosed = true },
                new Opportunity { Name = "Élan deal", CloseDate = new DateOnly(2025, 11, 1), OwnerId = owner.Id });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(["Alpine upsell", "Beta pilot", "Alpha renewal", "Élan deal"], await NamesAsync(client, ""));
        Assert.Equal(["Élan deal", "Alpha renewal", "Beta pilot", "Alpine upsell"], await NamesAsync(client, "sort=closeDate&desc=false"));
        Assert.Equal(["Alpha renewal", "Alpine upsell", "Beta pilot", "Élan deal"], await NamesAsync(client, "sort=name"));
        Assert.Equal(["Alpine upsell", "Alpha renewal"], await NamesAsync(client, "search=AL"));
        Assert.Equal(["Élan deal"], await NamesAsync(client, "search=elan"));
        Assert.Equal(["Alpine upsell", "Alpha renewal"], await NamesAsync(client, $"accountId={accountId}"));
        Assert.Equal(["Alpha renewal", "Élan deal"], await NamesAsync(client, $"ownerId={owner.Id}"));
        Assert.Equal(["Alpine upsell"], await NamesAsync(client, $"productId={productId}"));
        Assert.Equal(["Alpine upsell", "Élan deal"], await NamesAsync(client, "status=Open"));
        Assert.Equal(["Alpha renewal"], await NamesAsync(client, "status=Won"));
        Assert.Equal(["Beta pilot"], await NamesAsync(client, "status=Lost"));
        Assert.Equal(["Beta pilot", "Alpha renewal"], await NamesAsync(client, "closeFrom=2026-01-01&closeTo=2026-02-28"));

        var unknownStatus = await client.GetAsync("/api/v1/opportunities?status=Maybe");
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
        Assert.Equal("application/problem+json", unknownStatus.Content.Headers.ContentType?.MediaType);

        var csv = await client.GetAsync("/api/v1/opportunities/export.csv?status=Open");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Id,Name,AccountId,AccountName", lines[0], StringComparison.Ordinal);
        Assert.Contains("Voltaic", lines[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_sales_rep_changes_only_their_own_opportunities_or_those_on_accounts_they_own(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var other = await app.CreateUserAsync(Roles.SalesRep);
        var (ownAccount, _) = await SeedAccountAndProductAsync(app, ownerId: rep.Id);
        var foreignAccount = await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = "Someone else's", OwnerId = other.Id };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });
        var (onOwnAccount, ownedByRep, foreign) = await app.WithDbAsync(async db =>
        {
            var a = new Opportunity { Name = "On my account", AccountId = ownAccount, OwnerId = other.Id, CloseDate = new DateOnly(2026, 5, 1) };
            var b = new Opportunity { Name = "Mine elsewhere", AccountId = foreignAccount, OwnerId = rep.Id, CloseDate = new DateOnly(2026, 5, 1) };
            var c = new Opportunity { Name = "Not mine", AccountId = foreignAccount, OwnerId = other.Id, CloseDate = new DateOnly(2026, 5, 1) };
            db.Opportunities.AddRange(a, b, c);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id);
        });

        Assert.Equal(HttpStatusCode.OK, (await repClient.PutAsJsonAsync($"/api/v1/opportunities/{onOwnAccount}", new { name = "On my account v2", accountId = ownAccount, ownerId = other.Id, closeDate = "2026-05-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await repClient.PutAsJsonAsync($"/api/v1/opportunities/{ownedByRep}", new { name = "Mine elsewhere v2", accountId = foreignAccount, ownerId = rep.Id, closeDate = "2026-05-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PutAsJsonAsync($"/api/v1/opportunities/{foreign}", new { name = "Taken over", accountId = foreignAccount, ownerId = rep.Id, closeDate = "2026-05-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.DeleteAsync($"/api/v1/opportunities/{foreign}")).StatusCode);
        Assert.Equal("Not mine", await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == foreign).Select(o => o.Name).SingleAsync()));

        // Creating a deal on someone else's account for someone else is refused; without an owner the rep owns it.
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostAsJsonAsync("/api/v1/opportunities", new { name = "Sneaky", accountId = foreignAccount, ownerId = other.Id, closeDate = "2026-05-02" })).StatusCode);
        var mine = await repClient.PostAsJsonAsync("/api/v1/opportunities", new { name = "Prospecting", accountId = foreignAccount, closeDate = "2026-05-02" });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(rep.Id, (await mine.Content.ReadFromJsonAsync<OpportunityDetails>(Json))!.OwnerId);

        var marketing = await app.ClientForAsync(Roles.Marketing);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PostAsJsonAsync("/api/v1/opportunities", new { name = "Nope", closeDate = "2026-05-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketing.GetAsync($"/api/v1/opportunities/{foreign}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_input_gets_field_errors_and_changes_nothing_and_script_text_is_kept_as_text(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);

        var invalid = await client.PostAsJsonAsync("/api/v1/opportunities", new { name = "", amount = -5m, currency = "EURO", stage = new string('s', 5000), isWon = true });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "amount", "currency", "stage", "closeDate", "isWon" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/opportunities", JsonContent.Create(new { name = "Typed", amount = "lots", closeDate = "2026-01-01" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/opportunities", JsonContent.Create(new { name = "Dated", closeDate = "someday" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/opportunities", new { name = "Orphan", accountId = 4242, closeDate = "2026-01-01" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Opportunities.CountAsync()));

        const string script = "<script>alert(1)</script>";
        var created = await client.PostAsJsonAsync("/api/v1/opportunities", new { name = script, stage = script, closeDate = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(script, await app.WithDbAsync(db => db.Opportunities.Select(o => o.Name).SingleAsync()));
    }

    private static async Task<(int AccountId, int ProductId)> SeedAccountAndProductAsync(EndorseApp app, string? ownerId) =>
        await app.WithDbAsync(async db =>
        {
            var product = new Product { Name = "Grid Insight " + Guid.NewGuid().ToString("N")[..4] };
            var account = new Account { Name = "Voltaic", OwnerId = ownerId };
            db.Products.Add(product);
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            product.Name = "Grid Insight";
            await db.SaveChangesAsync();
            return (account.Id, product.Id);
        });

    private static async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/opportunities?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
    }
}
