using System.Net;
using System.Net.Http.Json;
using Endorse.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Accounts;

public class AccountRelationshipTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_won_deal_makes_a_customer_and_a_customer_since_date_too_until_a_person_says_otherwise(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var created = await client.PostJsonAsync("/api/v1/accounts", new { name = "Nordlicht GmbH" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var account = await created.ReadJsonAsync();
        var id = account["id"]!.GetValue<int>();
        Assert.Equal(("Prospect", "Derived"), (account["relationship"]!.GetValue<string>(), account["relationshipSource"]!.GetValue<string>()));

        // A won deal makes it a customer; deleting the deal makes it a prospect again.
        var deal = await client.PostJsonAsync("/api/v1/opportunities", new { name = "Nordlicht pilot", accountId = id, stage = "Closed Won", isClosed = true, isWon = true, closeDate = "2026-10-01" });
        Assert.Equal(HttpStatusCode.Created, deal.StatusCode);
        var dealId = (await deal.ReadJsonAsync())["id"]!.GetValue<int>();
        account = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        Assert.Equal(("Customer", "Derived", 1), (account["relationship"]!.GetValue<string>(), account["relationshipSource"]!.GetValue<string>(), account["wonOpportunityCount"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{dealId}")).StatusCode);
        account = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        Assert.Equal("Prospect", account["relationship"]!.GetValue<string>());

        // A customer-since date does too; sending back what was read keeps it automatic.
        var input = System.Text.Json.Nodes.JsonNode.Parse(account.ToJsonString())!.AsObject();
        input["customerSince"] = "2024-02-01";
        var updated = await (await client.PutAsync($"/api/v1/accounts/{id}", new StringContent(input.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ReadJsonAsync();
        Assert.Equal(("Customer", "Derived"), (updated["relationship"]!.GetValue<string>(), updated["relationshipSource"]!.GetValue<string>()));

        // A person marks it a former customer: audited, shown with who did it, filtered on, exported, kept by later changes.
        var stale = await client.PutJsonAsync($"/api/v1/accounts/{id}/relationship", new { relationship = "FormerCustomer", updatedAt = account["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var set = await client.PutJsonAsync($"/api/v1/accounts/{id}/relationship", new { relationship = "FormerCustomer", updatedAt = updated["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var former = await set.ReadJsonAsync();
        Assert.Equal(("FormerCustomer", "Person"), (former["relationship"]!.GetValue<string>(), former["relationshipSource"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(former["relationshipSetBy"]!.GetValue<string>()));
        Assert.NotNull(former["relationshipSetAt"]);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Account" && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Contains(audit, c => c != null && c.Contains("\"Relationship\"", StringComparison.Ordinal) && c.Contains("\"RelationshipSource\"", StringComparison.Ordinal));

        await app.AddAccountAsync("Other prospect");
        var list = await (await client.GetAsync("/api/v1/accounts?relationship=FormerCustomer")).ReadJsonAsync();
        Assert.Equal(["Nordlicht GmbH"], CustomerTestData.Names(list));
        Assert.Equal("FormerCustomer", list["items"]![0]!["relationship"]!.GetValue<string>());
        var csv = await client.GetStringAsync("/api/v1/accounts/export.csv?relationship=Prospect");
        Assert.Contains("Relationship", csv.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("Other prospect", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Nordlicht", csv, StringComparison.Ordinal);

        var dealAgain = await client.PostJsonAsync("/api/v1/opportunities", new { name = "Win-back", accountId = id, stage = "Closed Won", isClosed = true, isWon = true, closeDate = "2026-11-01" });
        Assert.Equal(HttpStatusCode.Created, dealAgain.StatusCode);
        Assert.Equal("FormerCustomer", (await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync())["relationship"]!.GetValue<string>());

        // Handed back, it is derived again.
        var current = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        var back = await (await client.PutJsonAsync($"/api/v1/accounts/{id}/relationship", new { relationship = (string?)null, updatedAt = current["updatedAt"]!.GetValue<DateTimeOffset>() })).ReadJsonAsync();
        Assert.Equal(("Customer", "Derived"), (back["relationship"]!.GetValue<string>(), back["relationshipSource"]!.GetValue<string>()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_relationship_input_is_refused_and_changes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var id = await app.AddAccountAsync("Guarded AG");
        var updatedAt = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.UpdatedAt).SingleAsync());
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var rep = await app.ClientForAsync(Roles.SalesRep);

        var unknown = await manager.SendRawJsonAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/relationship", "{\"relationship\":\"Partner\",\"updatedAt\":\"" + updatedAt.ToString("O") + "\"}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var number = await manager.SendRawJsonAsync(HttpMethod.Put, $"/api/v1/accounts/{id}/relationship", "{\"relationship\":7,\"updatedAt\":\"" + updatedAt.ToString("O") + "\"}");
        Assert.Equal(HttpStatusCode.BadRequest, number.StatusCode);
        var noVersion = await manager.PutJsonAsync($"/api/v1/accounts/{id}/relationship", new { relationship = "Customer" });
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.NotNull((await noVersion.ReadJsonAsync())["errors"]!["updatedAt"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutJsonAsync($"/api/v1/accounts/{id}/relationship", new { relationship = "Customer", updatedAt })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutJsonAsync("/api/v1/accounts/99999/relationship", new { relationship = "Customer", updatedAt })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/accounts?relationship=Partner")).StatusCode);

        var account = await app.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Derived, updatedAt), (account.Relationship, account.RelationshipSource, account.UpdatedAt));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_person_corrects_a_contacts_tier_and_sees_who_set_it(string database)
    {
        await using var app = new EndorseApp(database);
        var accountId = await app.AddAccountAsync("Hanse Logistik");
        var contactId = await app.AddContactAsync(accountId, "Jana", "Vogt", title: "Teamleiterin Disposition");
        await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SeniorityTier, Endorse.Contacts.SeniorityTier.Manager).SetProperty(c => c.SeniorityInferred, true)));
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var contact = await (await client.GetAsync($"/api/v1/contacts/{contactId}")).ReadJsonAsync();
        Assert.Equal(("Manager", true, "Manager"), (contact["seniorityTier"]!.GetValue<string>(), contact["seniorityInferred"]!.GetValue<bool>(), contact["titleReadsAs"]!.GetValue<string>()));

        var set = await client.PutJsonAsync($"/api/v1/contacts/{contactId}/seniority", new { seniorityTier = "Director", updatedAt = contact["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var corrected = await set.ReadJsonAsync();
        Assert.Equal(("Director", false), (corrected["seniorityTier"]!.GetValue<string>(), corrected["seniorityInferred"]!.GetValue<bool>()));
        Assert.False(string.IsNullOrEmpty(corrected["seniorityTierSetBy"]!.GetValue<string>()));

        // The version read before the correction is stale now; a tier that is not one is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync($"/api/v1/contacts/{contactId}/seniority", new { seniorityTier = "CLevel", updatedAt = contact["updatedAt"]!.GetValue<DateTimeOffset>() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendRawJsonAsync(HttpMethod.Put, $"/api/v1/contacts/{contactId}/seniority", "{\"seniorityTier\":\"Boss\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).PutJsonAsync($"/api/v1/contacts/{contactId}/seniority", new { seniorityTier = "CLevel", updatedAt = corrected["updatedAt"]!.GetValue<DateTimeOffset>() })).StatusCode);

        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Contact" && a.EntityId == contactId.ToString() && a.Action == "Updated" && a.Changes!.Contains("SeniorityTier")));
        Assert.Equal(1, audit);

        // Back to the title.
        var back = await (await client.PutJsonAsync($"/api/v1/contacts/{contactId}/seniority", new { seniorityTier = (string?)null, updatedAt = corrected["updatedAt"]!.GetValue<DateTimeOffset>() })).ReadJsonAsync();
        Assert.Equal(("Manager", true), (back["seniorityTier"]!.GetValue<string>(), back["seniorityInferred"]!.GetValue<bool>()));
        Assert.Null(back["seniorityTierSetBy"]?.GetValue<string>());
    }
}
