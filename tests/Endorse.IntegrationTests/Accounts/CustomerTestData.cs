using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Products;
using Endorse.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Accounts;

/// <summary>Seeding and JSON helpers for the account and contact API tests.</summary>
internal static class CustomerTestData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty body: " + text);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> SendRawJsonAsync(this HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    public static Task<int> AddSectorAsync(this EndorseApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var sector = new Sector { Name = name };
            db.Sectors.Add(sector);
            await db.SaveChangesAsync();
            return sector.Id;
        });

    public static Task<int> AddProductAsync(this EndorseApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var product = new Product { Name = name };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

    public static Task<int> AddSalesAreaAsync(this EndorseApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var area = new SalesArea { Name = name };
            db.SalesAreas.Add(area);
            await db.SaveChangesAsync();
            return area.Id;
        });

    public static Task<int> AddAccountAsync(this EndorseApp app, string name, Action<Account>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var account = new Account { Name = name };
            configure?.Invoke(account);
            if (account.RelationshipSource == RelationshipSource.Derived)
            {
                // As a save through the app decides it (no won deals yet): a customer-since date makes a customer.
                account.Relationship = AccountRelationshipRule.Derive(false, account.CustomerSince);
            }

            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });

    public static Task<int> AddContactAsync(this EndorseApp app, int accountId, string firstName, string lastName, string? email = null, string? title = null) =>
        app.WithDbAsync(async db =>
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
            var contact = new Contact { AccountId = accountId, SectorId = account.SectorId, RegionId = account.RegionId, FirstName = firstName, LastName = lastName, Email = email, Title = title };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

    public static Task<int> CountAccountsAsync(this EndorseApp app) =>
        app.WithDbAsync(db => Task.FromResult(db.Accounts.Count()));

    public static string[] Names(JsonNode page) =>
        page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToArray();
}
