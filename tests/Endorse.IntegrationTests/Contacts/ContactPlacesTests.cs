using System.Net;
using System.Text;
using Endorse.Import;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Taxonomy;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using static Endorse.IntegrationTests.Import.ImportFixture;

namespace Endorse.IntegrationTests.Contacts;

/// <summary>
/// Contacts carry copies of their account's sector and region for the list filters; every way an account or a
/// contact changes must keep them equal to the account's.
/// </summary>
public class ContactPlacesTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_sector_and_region_filters_follow_the_account_through_the_api(string database)
    {
        await using var app = new EndorseApp(database);
        var banking = await app.AddSectorAsync("Banking");
        var retail = await app.AddSectorAsync("Retail");
        var (emea, apac) = await app.WithDbAsync(async db =>
        {
            var first = new Region { Name = "EMEA" };
            var second = new Region { Name = "APAC" };
            db.Regions.AddRange(first, second);
            await db.SaveChangesAsync();
            return (first.Id, second.Id);
        });
        var bank = await app.AddAccountAsync("Bank", a => (a.SectorId, a.RegionId) = (banking, emea));
        var shop = await app.AddAccountAsync("Shop", a => (a.SectorId, a.RegionId) = (retail, apac));
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var created = await client.PostJsonAsync("/api/v1/contacts", new { accountId = bank, firstName = "Ada", lastName = "Lovelace" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ada = (int)(await created.ReadJsonAsync())["id"]!;
        Assert.Equal([ada], await IdsAsync($"sectorId={banking}"));
        Assert.Equal([ada], await IdsAsync($"regionId={emea}"));
        Assert.Empty(await IdsAsync($"sectorId={retail}"));

        // The account moves to retail and APAC: its contact is found there, and no longer under banking or EMEA.
        var account = await (await client.GetAsync($"/api/v1/accounts/{bank}")).ReadJsonAsync();
        var moved = await client.PutJsonAsync($"/api/v1/accounts/{bank}", new { name = "Bank", sectorId = retail, regionId = apac, updatedAt = account["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal([ada], await IdsAsync($"sectorId={retail}&regionId={apac}"));
        Assert.Empty(await IdsAsync($"sectorId={banking}"));
        Assert.Empty(await IdsAsync($"regionId={emea}"));

        // The contact moves to an account in banking / EMEA again.
        var back = await app.AddAccountAsync("Other bank", a => (a.SectorId, a.RegionId) = (banking, emea));
        var contact = await (await client.GetAsync($"/api/v1/contacts/{ada}")).ReadJsonAsync();
        var update = await client.PutJsonAsync($"/api/v1/contacts/{ada}", new { accountId = back, firstName = "Ada", lastName = "Lovelace", updatedAt = contact["updatedAt"]!.GetValue<DateTimeOffset>() });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal([ada], await IdsAsync($"sectorId={banking}&regionId={emea}"));
        Assert.Empty(await IdsAsync($"sectorId={retail}"));

        // A sector that is deleted leaves its accounts and their contacts without one.
        await app.WithDbAsync(async db =>
        {
            db.Sectors.Remove(await db.Sectors.SingleAsync(s => s.Id == banking));
            return await db.SaveChangesAsync();
        });
        Assert.Null(await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == ada).Select(c => c.SectorId).SingleAsync()));
        _ = shop;

        async Task<int[]> IdsAsync(string query) =>
            (await (await client.GetAsync("/api/v1/contacts?" + query)).ReadJsonAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).Order().ToArray();
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Imported_contacts_carry_their_account_s_place_and_follow_a_reimported_account(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));
        var contacts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Sample("Contact.csv"));
        Assert.Equal(ImportStatus.Completed, contacts.Status);
        Assert.Equal(0, await MismatchesAsync());
        var (healthcare, emea) = await app.WithDbAsync(async db => (
            await db.Sectors.Where(s => s.Name == "Healthcare").Select(s => s.Id).SingleAsync(),
            await db.Regions.Where(r => r.Name == "EMEA").Select(r => r.Id).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.ExternalId == "003A01" && c.SectorId == healthcare && c.RegionId == emea)));

        // Acme Health is now a bank in the United States: its contacts move with it in the same import.
        var accounts = "Id,Name,Industry,BillingCountry\n001A000001,Acme Health,Financial Services,United States\n";
        var moved = await ImportAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, new MemoryStream(Encoding.UTF8.GetBytes(accounts)), "Account.csv");
        Assert.Equal((ImportStatus.Completed, 1), (moved.Status, moved.Updated));
        Assert.Equal(0, await MismatchesAsync());
        Assert.False(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.ExternalId == "003A01" && (c.SectorId == healthcare || c.RegionId == emea))));

        Task<int> MismatchesAsync() => app.WithDbAsync(db => db.Contacts.CountAsync(c => c.SectorId != c.Account!.SectorId || c.RegionId != c.Account.RegionId));
    }
}
