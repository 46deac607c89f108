using System.Net;
using System.Text.Json;
using Endorse.Contacts;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Contacts;

public class ContactsApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_list_searches_names_and_emails_and_filters_by_account(string database)
    {
        await using var app = new EndorseApp(database);
        var acme = await app.AddAccountAsync("Acme");
        var beta = await app.AddAccountAsync("Beta");
        await app.AddContactAsync(acme, "Marie", "Curie", "marie@acme.example");
        await app.AddContactAsync(acme, "Pierre", "Marchand", "p.m@acme.example");
        await app.AddContactAsync(beta, "Ada", "Lovelace", "ada@beta.example");
        var client = await app.ClientForAsync(Roles.Marketing);

        static string[] Last(System.Text.Json.Nodes.JsonNode page) => page["items"]!.AsArray().Select(i => i!["lastName"]!.GetValue<string>()).ToArray();

        // "mar" matches a last name (Marchand) and a first name (Marie Curie): last-name matches come first.
        Assert.Equal(["Marchand", "Curie"], Last(await (await client.GetAsync("/api/v1/contacts?search=MAR")).ReadJsonAsync()));
        Assert.Equal(["Lovelace"], Last(await (await client.GetAsync("/api/v1/contacts?search=ada@")).ReadJsonAsync()));
        Assert.Empty(Last(await (await client.GetAsync("/api/v1/contacts?search=acme.example@")).ReadJsonAsync()));
        Assert.Equal(["Curie", "Marchand"], Last(await (await client.GetAsync($"/api/v1/contacts?accountId={acme}")).ReadJsonAsync()));
        Assert.Equal(["Marchand", "Curie"], Last(await (await client.GetAsync($"/api/v1/accounts/{acme}/contacts?desc=true")).ReadJsonAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/accounts/9999/contacts")).StatusCode);

        var first = await (await client.GetAsync("/api/v1/contacts?pageSize=1")).ReadJsonAsync();
        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal("Acme", first["items"]![0]!["accountName"]!.GetValue<string>());

        var csv = await (await client.GetAsync($"/api/v1/contacts/export.csv?accountId={acme}")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("marie@acme.example", lines[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Seniority_is_inferred_from_the_title_until_a_person_sets_it(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme");
        var client = await app.ClientForAsync(Roles.CustomerSuccess);

        var created = await client.PostJsonAsync("/api/v1/contacts", new { accountId = account, firstName = "Sam", lastName = "Lee", title = "SVP, Operations" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = await created.ReadJsonAsync();
        Assert.Equal("VicePresident", contact["seniorityTier"]!.GetValue<string>());
        Assert.True(contact["seniorityInferred"]!.GetValue<bool>());
        Assert.Equal("Acme", contact["accountName"]!.GetValue<string>());
        var id = contact["id"]!.GetValue<int>();

        var set = await client.PutJsonAsync($"/api/v1/contacts/{id}", new { accountId = account, firstName = "Sam", lastName = "Lee", title = "SVP, Operations", seniorityTier = "CLevel", updatedAt = contact["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = await set.ReadJsonAsync();
        Assert.Equal("CLevel", after["seniorityTier"]!.GetValue<string>());
        Assert.False(after["seniorityInferred"]!.GetValue<bool>());

        var chosen = await (await client.PostJsonAsync("/api/v1/contacts", new { accountId = account, lastName = "Kim", title = "Engineer", seniorityTier = "Director" })).ReadJsonAsync();
        Assert.Equal("Director", chosen["seniorityTier"]!.GetValue<string>());
        Assert.False(chosen["seniorityInferred"]!.GetValue<bool>());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Contact" && e.EntityId == id.ToString() && e.Action == "Updated"));
        using var changes = JsonDocument.Parse(audit.Changes!);
        Assert.Equal((int)SeniorityTier.VicePresident, changes.RootElement.GetProperty("SeniorityTier").GetProperty("from").GetInt32());
        Assert.Equal((int)SeniorityTier.CLevel, changes.RootElement.GetProperty("SeniorityTier").GetProperty("to").GetInt32());
        Assert.True(changes.RootElement.GetProperty("SeniorityInferred").GetProperty("from").GetBoolean());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Changing_a_contact_follows_its_accounts_access(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var other = await app.CreateUserAsync(Roles.SalesRep);
        var client = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var own = await app.AddAccountAsync("Own", a => a.OwnerId = rep.Id);
        var theirs = await app.AddAccountAsync("Theirs", a => a.OwnerId = other.Id);
        var theirContact = await app.AddContactAsync(theirs, "T", "Contact");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/v1/contacts", new { accountId = theirs, lastName = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/contacts/{theirContact}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/contacts", new { accountId = own, lastName = "Mine" })).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_contacts_are_refused_and_stale_updates_conflict(string database)
    {
        await using var app = new EndorseApp(database);
        var account = await app.AddAccountAsync("Acme");
        var client = await app.ClientForAsync(Roles.Administrator);

        var bad = await client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/contacts", $$"""{ "accountId": {{account}}, "lastName": "X", "seniorityTier": "Bogus" }""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadJsonAsync())["errors"]!["seniorityTier"]);
        var invalid = await client.PostJsonAsync("/api/v1/contacts", new { accountId = 9999, lastName = "", email = "not-an-email" });
        var errors = (await invalid.ReadJsonAsync())["errors"]!;
        Assert.NotNull(errors["accountId"]);
        Assert.NotNull(errors["lastName"]);
        Assert.NotNull(errors["email"]);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contacts.CountAsync()));

        var contact = await (await client.PostJsonAsync("/api/v1/contacts", new { accountId = account, lastName = "<script>alert(1)</script>" })).ReadJsonAsync();
        Assert.Equal("<script>alert(1)</script>", contact["lastName"]!.GetValue<string>());
        var id = contact["id"]!.GetValue<int>();
        var version = contact["updatedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/contacts/{id}", new { accountId = account, lastName = "First", updatedAt = version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync($"/api/v1/contacts/{id}", new { accountId = account, lastName = "Second", updatedAt = version })).StatusCode);
        Assert.Equal("First", (await (await client.GetAsync($"/api/v1/contacts/{id}")).ReadJsonAsync())["lastName"]!.GetValue<string>());
    }
}
