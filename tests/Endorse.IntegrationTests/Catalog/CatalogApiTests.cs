using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Endorse.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Products;
using Endorse.Taxonomy;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Catalog;

public class CatalogApiTests
{
    private static readonly string[] EmeaCountries = ["Germany", "FR", " ", "GB"];
    private static readonly string[] France = ["France"];

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_reference_manager_creates_lists_updates_and_deletes_a_product_and_each_change_is_audited(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var created = await client.PostAsJsonAsync("/api/v1/products", new { name = "Ledger Cloud", family = "Finance", isStrategic = true, launchedOn = "2025-03-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = (await created.Content.ReadFromJsonAsync<ProductDetails>())!;
        Assert.Equal("Ledger Cloud", product.Name);
        Assert.Equal(new DateOnly(2025, 3, 1), product.LaunchedOn);

        await client.PostAsJsonAsync("/api/v1/products", new { name = "Atlas CRM" });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?search=ledg");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("Ledger Cloud", list.GetProperty("items")[0].GetProperty("name").GetString());
        var sorted = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?desc=true");
        Assert.Equal("Ledger Cloud", sorted.GetProperty("items")[0].GetProperty("name").GetString());

        var updated = await client.PutAsJsonAsync($"/api/v1/products/{product.Id}", new { name = "Ledger Cloud 2", isRetired = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.True((await client.GetFromJsonAsync<ProductDetails>($"/api/v1/products/{product.Id}"))!.IsRetired);
        var active = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?includeRetired=false");
        Assert.Equal(1, active.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/products/{product.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/products/{product.Id}")).StatusCode);

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Product" && a.EntityId == product.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Changes, a.UserName }).ToListAsync());
        Assert.Equal(["Created", "Updated", "Deleted"], actions.Select(a => a.Action));
        Assert.Contains("Ledger Cloud 2", actions[1].Changes, StringComparison.Ordinal);
        Assert.All(actions, a => Assert.StartsWith("referencemanager-", a.UserName, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_duplicate_name_in_another_case_is_refused_and_nothing_is_written(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/sectors", new { name = "Healthcare" })).StatusCode);
        var other = await client.PostAsJsonAsync("/api/v1/sectors", new { name = "Retail" });
        var retail = (await other.Content.ReadFromJsonAsync<SectorDetails>())!;

        var duplicate = await client.PostAsJsonAsync("/api/v1/sectors", new { name = " HEALTHCARE " });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already exists", problem.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);

        var rename = await client.PutAsJsonAsync($"/api/v1/sectors/{retail.Id}", new { name = "healthcare" });
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/products", new { name = "Ledger" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/products", new { name = "LEDGER" })).StatusCode);

        var names = await app.WithDbAsync(db => db.Sectors.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync());
        Assert.Equal(["Healthcare", "Retail"], names);
        Assert.Equal(1, await app.WithDbAsync(db => db.Products.CountAsync()));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Created")));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_sector_that_accounts_are_in_is_not_deleted_and_its_details_count_them(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var sector = (await (await client.PostAsJsonAsync("/api/v1/sectors", new { name = "Energy" })).Content.ReadFromJsonAsync<SectorDetails>())!;
        var product = (await (await client.PostAsJsonAsync("/api/v1/products", new { name = "Grid Insight" })).Content.ReadFromJsonAsync<ProductDetails>())!;
        await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = "Voltaic", SectorId = sector.Id };
            account.Products.Add(new AccountProduct { ProductId = product.Id });
            db.Accounts.Add(account);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(1, (await client.GetFromJsonAsync<SectorDetails>($"/api/v1/sectors/{sector.Id}"))!.Accounts);
        Assert.Equal(1, (await client.GetFromJsonAsync<ProductDetails>($"/api/v1/products/{product.Id}"))!.Accounts);

        var refused = await client.DeleteAsync($"/api/v1/sectors/{sector.Id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1 account", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/products/{product.Id}")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Sectors.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Only_catalog_managers_change_the_catalog_and_everyone_reads_it(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.ClientForAsync(Roles.SalesRep);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("/api/v1/products", new { name = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("/api/v1/regions", new { name = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("/api/v1/sales-areas", new { name = "Sneaky" })).StatusCode);
        var admin = await app.ClientForAsync(Roles.Administrator);
        var sector = (await (await admin.PostAsJsonAsync("/api/v1/sectors", new { name = "Public sector" })).Content.ReadFromJsonAsync<SectorDetails>())!;
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync($"/api/v1/sectors/{sector.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutAsJsonAsync($"/api/v1/sectors/{sector.Id}", new { name = "Mine" })).StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.Products.CountAsync()));
        Assert.Equal("Public sector", (await rep.GetFromJsonAsync<SectorDetails>($"/api/v1/sectors/{sector.Id}"))!.Name);
        var marketing = await app.ClientForAsync(Roles.Marketing);
        Assert.Equal(HttpStatusCode.OK, (await marketing.GetAsync("/api/v1/sectors")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Regions_keep_their_countries_and_place_a_country_given_by_name_or_code(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var created = await client.PostAsJsonAsync("/api/v1/regions", new { name = "EMEA", countries = EmeaCountries });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var emea = (await created.Content.ReadFromJsonAsync<RegionDetails>())!;
        Assert.Equal(["Germany", "FR", "GB"], emea.Countries);

        var found = await client.GetFromJsonAsync<RegionDetails>("/api/v1/regions/for-country?country=DE");
        Assert.Equal(emea.Id, found!.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/regions/for-country?country=Brazil")).StatusCode);

        var clash = await client.PostAsJsonAsync("/api/v1/regions", new { name = "Europe", countries = France });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        Assert.Contains("EMEA", (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("countries")[0].GetString(), StringComparison.Ordinal);

        var area = await client.PostAsJsonAsync("/api/v1/sales-areas", new { name = "DACH", regionId = emea.Id });
        Assert.Equal(HttpStatusCode.Created, area.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/regions/{emea.Id}")).StatusCode);
        Assert.Equal(1, (await client.GetFromJsonAsync<RegionDetails>($"/api/v1/regions/{emea.Id}"))!.SalesAreas);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_sales_area_is_managed_by_a_sales_manager_only(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var manager = await app.CreateUserAsync(Roles.SalesManager);
        var rep = await app.CreateUserAsync(Roles.SalesRep);

        var refused = await client.PostAsJsonAsync("/api/v1/sales-areas", new { name = "Nordics", managerId = rep.Id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("managerId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/sales-areas", new { name = "Nordics", regionId = 999 })).StatusCode);

        var created = await client.PostAsJsonAsync("/api/v1/sales-areas", new { name = "Nordics", managerId = manager.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var area = (await created.Content.ReadFromJsonAsync<SalesAreaDetails>())!;
        Assert.Equal("SalesManager user", area.ManagerName);

        var managers = await client.GetFromJsonAsync<List<SalesManagerOption>>("/api/v1/sales-areas/managers");
        Assert.Equal([manager.Id], managers!.Select(m => m.Id));
        Assert.Equal("Created", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "SalesArea").Select(a => a.Action).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_bodies_get_a_clear_400_and_script_text_is_stored_as_text(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);

        var wrongType = await client.PostAsync("/api/v1/products", JsonContent.Create(new { name = "Typed", isStrategic = "very" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        var huge = await client.PostAsJsonAsync("/api/v1/sectors", new { name = new string('x', 100_000) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.True((await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Products.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Sectors.CountAsync()));

        const string script = "<script>alert('x')</script>";
        var created = await client.PostAsJsonAsync("/api/v1/sectors", new { name = script, description = script });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await app.WithDbAsync(db => db.Sectors.SingleAsync());
        Assert.Equal(script, stored.Name);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Every_catalog_list_exports_to_csv(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);
        await client.PostAsJsonAsync("/api/v1/products", new { name = "Ledger, Cloud" });
        await client.PostAsJsonAsync("/api/v1/sectors", new { name = "Energy" });
        await client.PostAsJsonAsync("/api/v1/regions", new { name = "EMEA", countries = France });
        await client.PostAsJsonAsync("/api/v1/sales-areas", new { name = "DACH" });

        var products = await client.GetAsync("/api/v1/products/export.csv");
        Assert.Equal("text/csv", products.Content.Headers.ContentType?.MediaType);
        var lines = (await products.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,Name,Family", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Ledger, Cloud\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("Energy", await client.GetStringAsync("/api/v1/sectors/export.csv"), StringComparison.Ordinal);
        Assert.Contains("EMEA", await client.GetStringAsync("/api/v1/regions/export.csv"), StringComparison.Ordinal);
        Assert.Contains("DACH", await client.GetStringAsync("/api/v1/sales-areas/export.csv"), StringComparison.Ordinal);
    }
}
